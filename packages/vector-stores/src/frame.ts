// Lists and waits come from @aoai/files today; the rest of the package imports them only from
// here, so moving to core's frame is a change to this file alone.
export { type Page, PagePromise, pollUntil, type WaitOptions } from "@aoai/files";
