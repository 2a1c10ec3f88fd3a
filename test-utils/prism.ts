import { type ChildProcess, spawn } from "node:child_process";
import { createServer } from "node:net";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { type SpecVersion, specPath } from "./specs.js";

/** Spec versions a Prism proxy can validate against (the committed copies in specs/). */
export type PrismSpecVersion = SpecVersion;

/** A running Prism validating proxy. */
export interface PrismProxy {
  /** Base URL; requests go to `${url}/openai/deployments/...` exactly as to the target. */
  url: string;
  /** How long Prism took to answer its first request, in ms. */
  startupMs: number;
  close(): Promise<void>;
}

/** Options of {@link startPrism}. */
export interface PrismOptions {
  /** Where Prism forwards requests, e.g. the emulator's URL. */
  target: string;
  version: PrismSpecVersion;
  /** @default 60000 */
  startTimeoutMs?: number;
}

const root = fileURLToPath(new URL("..", import.meta.url));
const PRISM_CLI = join(root, "node_modules", "@stoplight", "prism-cli", "dist", "index.js");

/** A Prism process that may still be starting. */
export interface LaunchedPrism {
  url: string;
  /** Resolves with the startup time in ms once Prism answers; rejects if it dies or times out. */
  ready: Promise<number>;
  close(): Promise<void>;
}

/**
 * Launches Stoplight Prism as a validating proxy (`prism proxy --errors`) in front of `target`,
 * on the committed Prism-ready copy of the official spec (specs/README.md), without waiting for it.
 * With `--errors`, a request or response that violates the spec comes back as Prism's
 * problem+json error (`type` ending in `#VIOLATIONS`, a `validation` list) instead of passing.
 */
export async function launchPrism(options: PrismOptions): Promise<LaunchedPrism> {
  const started = performance.now();
  const port = await freePort();
  const child = spawn(
    process.execPath,
    [
      PRISM_CLI,
      "proxy",
      specPath(options.version),
      options.target,
      "--host",
      "127.0.0.1",
      "--port",
      String(port),
      "--errors",
      "-v",
      "error",
    ],
    { stdio: ["ignore", "ignore", "pipe"] },
  );
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  const url = `http://127.0.0.1:${port}`;
  const close = () => kill(child);
  const ready = waitUntilUp(url, child, options.startTimeoutMs ?? 60_000, () => stderr).then(() =>
    Math.round(performance.now() - started),
  );
  return { url, ready, close };
}

/** Starts Prism and waits until it answers (see {@link launchPrism}). */
export async function startPrism(options: PrismOptions): Promise<PrismProxy> {
  const prism = await launchPrism(options);
  try {
    const startupMs = await prism.ready;
    return { url: prism.url, startupMs, close: prism.close };
  } catch (error) {
    await prism.close();
    throw error;
  }
}

/** Waits until a Prism URL (e.g. one global-setup provided) answers; for tests that need it. */
export async function waitForPrism(url: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      await fetch(`${url}/`, { signal: AbortSignal.timeout(1000) });
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  throw new Error(`prism at ${url} did not answer within ${timeoutMs} ms`);
}

async function waitUntilUp(
  url: string,
  child: ChildProcess,
  timeoutMs: number,
  log: () => string,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    // A killed child has signalCode, not exitCode: without this a closed Prism is polled till the deadline.
    if (child.exitCode !== null || child.signalCode !== null)
      throw new Error(`prism exited (${child.exitCode ?? child.signalCode}): ${log()}`);
    try {
      // Any answer (Prism says 404 "no path matched" for /) means it is listening.
      await fetch(`${url}/`, { signal: AbortSignal.timeout(1000) });
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  throw new Error(`prism did not start within ${timeoutMs} ms: ${log()}`);
}

/** Kills exactly the process we spawned, by its PID, and waits for it to go. */
function kill(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined)
    return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      if (child.pid !== undefined && child.exitCode === null) process.kill(child.pid, "SIGKILL");
    }, 3000);
    child.once("exit", () => {
      clearTimeout(timer);
      resolve();
    });
    process.kill(child.pid!, "SIGTERM");
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
