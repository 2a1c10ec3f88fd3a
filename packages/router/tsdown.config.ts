// The build every feature package shares.
export { default } from "../../scripts/tsdown-feature.ts";
