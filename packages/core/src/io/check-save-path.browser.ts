import { InvalidInputError } from "../errors/input-errors.js";

/** Browsers have no file system: always refused, before anything is sent. */
export function checkSavePath(): Promise<void> {
  return Promise.reject(
    new InvalidInputError("path cannot be written: saving to a file works only in Node.js.", "path"),
  );
}
