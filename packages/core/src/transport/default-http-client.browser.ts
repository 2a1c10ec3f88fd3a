// Browsers: this package's own fetch client (see fetch-http-client.ts for why).
export { fetchHttpClient as defaultHttpClient } from "./fetch-http-client.js";
