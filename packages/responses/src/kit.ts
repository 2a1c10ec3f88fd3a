// Pages and polling, shared with @aoai/files until core's frame has them: the one place this
// package names their current home, so moving them is a one-line change here.
export { type Page, PagePromise, pollUntil, type WaitOptions } from "@aoai/files";
