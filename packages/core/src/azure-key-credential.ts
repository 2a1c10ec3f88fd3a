import type { KeyCredential } from "@azure/core-auth";
import { InvalidInputError } from "./errors/input-errors.js";

/**
 * An API key that can be rotated in place with {@link AzureKeyCredential.update}: requests read it
 * per attempt. The same shape as `@azure/core-auth`'s class, whose instances are accepted too;
 * this one keeps the key in a private field, so inspecting or logging the object never shows it.
 * Written here because importing core-auth at run time loads @azure/core-util and
 * @typespec/ts-http-runtime, 25 ms of a cold import in Node (bench/results).
 */
export class AzureKeyCredential implements KeyCredential {
  #key: string;

  constructor(key: string) {
    this.#key = checkKey(key);
  }

  /** The current key. */
  get key(): string {
    return this.#key;
  }

  /** Replaces the key; requests sent from now on use the new one. */
  update(newKey: string): void {
    this.#key = checkKey(newKey);
  }
}

function checkKey(key: unknown): string {
  if (typeof key !== "string" || key.trim() === "")
    throw new InvalidInputError("apiKey must be a non-empty string.", "apiKey");
  return key;
}
