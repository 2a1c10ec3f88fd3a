/** An environment variable where `process.env` exists (Node, Deno, Bun); `undefined` in browsers. */
export function readEnv(name: string): string | undefined {
  const value = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env?.[
    name
  ];
  return value?.trim() || undefined;
}
