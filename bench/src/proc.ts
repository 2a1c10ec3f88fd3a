import { type ChildProcess, spawn } from "node:child_process";

/** Node flags every child gets: none that would change JIT or GC behaviour between clients. */
const NODE = process.execPath;

/**
 * Runs `node <args>` in a fresh process and parses the last stdout line as JSON. The child is
 * killed by its PID if it outlives `timeoutMs`.
 */
export function runJsonChild<T>(args: string[], timeoutMs: number, cwd?: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const child = spawn(NODE, args, { cwd, stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    let err = "";
    child.stdout.setEncoding("utf8").on("data", (d: string) => (out += d));
    child.stderr.setEncoding("utf8").on("data", (d: string) => (err += d));
    const timer = setTimeout(() => {
      killChild(child);
      reject(new Error(`child timed out after ${timeoutMs} ms: node ${args.join(" ")}\n${err}`));
    }, timeoutMs);
    child.on("error", (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.on("close", (code) => {
      clearTimeout(timer);
      const last = out.trim().split("\n").at(-1) ?? "";
      if (code !== 0) return reject(new Error(`child exited ${code}: node ${args.join(" ")}\n${err || out}`));
      try {
        resolve(JSON.parse(last) as T);
      } catch {
        reject(new Error(`child printed no JSON: node ${args.join(" ")}\n${out}\n${err}`));
      }
    });
  });
}

/** Stops one child process by its PID (never by name). */
export function killChild(child: ChildProcess): void {
  if (child.pid !== undefined && child.exitCode === null && child.signalCode === null) {
    try {
      process.kill(child.pid, "SIGTERM");
    } catch {
      // already gone
    }
  }
}

/**
 * Retries `fn` when a module is missing: a sibling package's `dist` is briefly absent while it is
 * being rebuilt (tsdown cleans first). Any other error is thrown at once.
 */
export async function retryMissingModule<T>(fn: () => T | Promise<T>, tries = 5, waitMs = 4000): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await fn();
    } catch (error) {
      const text = String(error);
      if (i >= tries || !(text.includes("ERR_MODULE_NOT_FOUND") || text.includes("Could not resolve")))
        throw error;
      process.stderr.write(
        `[bench] a package's dist is missing (being rebuilt?); retrying in ${waitMs} ms\n`,
      );
      await new Promise((r) => setTimeout(r, waitMs));
    }
  }
}
