/** The error a cancelled wait rejects with: named like the platform's, so `toSdkError` maps it. */
export function abortError(): Error {
  return Object.assign(new Error("The operation was aborted."), { name: "AbortError" });
}
