import { InvalidInputError } from "../errors/input-errors.js";

/** Browsers have no file system: hand the bytes or the stream to the page instead. */
export function saveToFile(): Promise<number> {
  return Promise.reject(new InvalidInputError("Saving to a file works only in Node.js.", "path"));
}

/** Browsers have no file system: always refused, before anything is sent. */
export function checkCanSave(): never {
  throw new InvalidInputError("Saving to a file works only in Node.js.", "path");
}
