import { type ChildProcess, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { killChild } from "./proc.ts";

export interface RunningServer {
  url: string;
  /** The bench's front (front.ts): embeddings pre-serialized, the bench-only audio and image routes. */
  frontUrl: string;
  pid: number;
  stop(): Promise<void>;
}

const SCRIPT = fileURLToPath(new URL("./server.ts", import.meta.url));

/** Spawns src/server.ts and waits for its URL. */
export function startServer(
  apiKey: string,
  maxLifetimeMs: number,
  speechBytes = 10 * 2 ** 20,
): Promise<RunningServer> {
  return new Promise((resolve, reject) => {
    const args = [SCRIPT, apiKey, String(maxLifetimeMs), String(speechBytes)];
    const child: ChildProcess = spawn(process.execPath, args, {
      stdio: ["pipe", "pipe", "inherit"],
    });
    let out = "";
    const timer = setTimeout(() => {
      killChild(child);
      reject(new Error("the bench server did not start within 15 s"));
    }, 15_000);
    child.on("error", reject);
    child.on("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`the bench server exited (${code}) before printing its URL`));
    });
    child.stdout!.setEncoding("utf8").on("data", (d: string) => {
      out += d;
      const line = out.split("\n")[0];
      if (!out.includes("\n") || !line) return;
      clearTimeout(timer);
      const { url, frontUrl, pid } = JSON.parse(line) as {
        url: string;
        frontUrl: string;
        pid: number;
      };
      resolve({
        url,
        frontUrl,
        pid,
        stop: () =>
          new Promise<void>((done) => {
            if (child.exitCode !== null) return done();
            child.once("exit", () => done());
            child.stdin!.end();
            setTimeout(() => killChild(child), 3000).unref();
          }),
      });
    });
  });
}
