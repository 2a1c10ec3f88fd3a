// Browsers: built per call (see route-url.ts).
export { routeUrl } from "./routing.js";
