import { expect } from "vitest";

/** What `run` throws; the test fails when it throws nothing. */
export function errorOf(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error("did not throw");
}

/**
 * The `param` of the `InvalidInputError` that `run` throws; the test fails when it throws
 * another error, or none. The error is known by its name: test-utils is shared by every package
 * and resolves none of them.
 */
export function paramOf(run: () => unknown): string | undefined {
  const error = errorOf(run);
  expect((error as Error | undefined)?.name, String(error)).toBe("InvalidInputError");
  return (error as { param?: string }).param;
}
