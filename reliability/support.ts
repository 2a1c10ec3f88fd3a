import { existsSync, readdirSync, realpathSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { inspect } from "node:util";
import type { ChatStream } from "@aoai/chat";

/** A key and a token that must never show anywhere: errors, objects, logs. */
export const SECRET_KEY = "rel-key-5ecret-Qz81Xw";
export const SECRET_TOKEN = "rel-token-5ecret-Mv27Lp";
const SECRETS = [SECRET_KEY, SECRET_TOKEN] as const;

/** The part of @azure/logger the suite uses. */
export interface AzureLoggerModule {
  AzureLogger: { log: (...args: unknown[]) => void };
  setLogLevel(level?: "verbose" | "info" | "warning" | "error"): void;
  getLogLevel(): "verbose" | "info" | "warning" | "error" | undefined;
}

/**
 * The copies of @azure/logger that @aoai/core (and core-rest-pipeline) may log through. The suite
 * does not depend on @azure/logger itself (it is core's dependency, not resolvable from here), so
 * every copy in the workspace's package stores is loaded by path; setting the level and the sink
 * on all of them reaches whichever one core resolved. A test checks that core's logger is among them.
 */
async function loadAzureLoggers(): Promise<AzureLoggerModule[]> {
  const root = fileURLToPath(new URL("..", import.meta.url));
  const files = new Set<string>();
  for (const store of [join(root, "node_modules/.pnpm"), join(root, "packages/core/node_modules/.pnpm")]) {
    if (!existsSync(store)) continue;
    for (const dir of readdirSync(store)) {
      if (!dir.startsWith("@azure+logger@")) continue;
      const file = join(store, dir, "node_modules/@azure/logger/dist/esm/index.js");
      if (existsSync(file)) files.add(realpathSync(file));
    }
  }
  return Promise.all(
    [...files].map(async (file) => (await import(pathToFileURL(file).href)) as AzureLoggerModule),
  );
}

/** Captures every Azure SDK log line at `level` until `restore()`. */
export async function captureLogs(level: "verbose" | "info" | "warning" = "verbose") {
  const modules = await loadAzureLoggers();
  const saved = modules.map((mod) => ({ mod, level: mod.getLogLevel(), log: mod.AzureLogger.log }));
  const lines: string[] = [];
  for (const mod of modules) {
    mod.AzureLogger.log = (...args: unknown[]) => {
      lines.push(args.map((a) => (typeof a === "string" ? a : inspect(a, { depth: 6 }))).join(" "));
    };
    mod.setLogLevel(level);
  }
  return {
    lines,
    restore() {
      for (const { mod, level, log } of saved) {
        mod.AzureLogger.log = log;
        mod.setLogLevel(level);
      }
    },
  };
}

/**
 * Everything an object shows to inspection: `util.inspect` at any depth with hidden properties and
 * getters, its JSON, and for errors the message and string form (causes are inside inspect's view).
 */
export function inspectAll(value: unknown): string {
  const parts = [
    inspect(value, {
      depth: Number.POSITIVE_INFINITY,
      showHidden: true,
      getters: true,
      maxArrayLength: Number.POSITIVE_INFINITY,
      maxStringLength: Number.POSITIVE_INFINITY,
      breakLength: Number.POSITIVE_INFINITY,
    }),
  ];
  try {
    parts.push(JSON.stringify(value) ?? "");
  } catch {
    // Circular: inspect covered it.
  }
  if (value instanceof Error) parts.push(value.message, String(value), value.stack ?? "");
  return parts.join("\n");
}

/** The first secret `text` contains, if any. */
export function leakedSecret(text: string): string | undefined {
  return SECRETS.find((secret) => text.includes(secret));
}

/** How a chat stream is read in a test. */
export type ReadMode = "iterate" | "deltas" | "final";

/**
 * Reads a chat stream to its end one way, and returns the final completion's text. `iterate` and
 * `deltas` also check that what they saw matches `finalCompletion()` (they must agree).
 */
export async function readChatStream(stream: ChatStream, mode: ReadMode): Promise<string | null> {
  let seen = "";
  if (mode === "iterate") {
    for await (const chunk of stream) {
      for (const choice of chunk.choices ?? []) if (choice.delta?.content) seen += choice.delta.content;
    }
  } else if (mode === "deltas") {
    for await (const text of stream.textDeltas()) seen += text;
  }
  const final = await stream.finalCompletion();
  const content = final.choices[0]?.message.content ?? null;
  if (mode !== "final" && seen !== (content ?? ""))
    throw new Error(
      `the ${mode} text ${JSON.stringify(seen)} differs from finalCompletion's ${JSON.stringify(content)}`,
    );
  return content;
}

/** Settles a promise into a value or an error, for assertions on either. */
export async function settle<T>(
  promise: Promise<T>,
): Promise<{ ok: true; value: T } | { ok: false; error: unknown }> {
  try {
    return { ok: true, value: await promise };
  } catch (error) {
    return { ok: false, error };
  }
}

/** Waits until `check()` is true, polling, for at most `ms` (generous: only a hang should hit it). */
export async function eventually(check: () => boolean, ms = 5000): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return true;
}

/** Rejects after `ms` with a "hung" error, unless `promise` settles first. */
export function withDeadline<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new HungError(`${what} did not end within ${ms} ms`)), ms);
  });
  return Promise.race([promise, deadline]).finally(() => clearTimeout(timer));
}

export class HungError extends Error {
  override name = "HungError";
}

/** Runs `work` over `items` with at most `limit` at once; the results in the items' order. */
export async function pool<T, R>(
  items: readonly T[],
  limit: number,
  work: (item: T) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const workers = Array.from({ length: limit }, async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await work(items[i]!);
    }
  });
  await Promise.all(workers);
  return results;
}
