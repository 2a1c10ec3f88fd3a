import { type ChildProcess, spawn } from "node:child_process";
import { createServer } from "node:net";

/** A redis-server this process started; stop it with `stop()` (by its PID). */
export interface RedisServer {
  process: ChildProcess;
  port: number;
  url: string;
  /** Sends `signal` (SIGKILL: the server dies as in a crash) and waits for the exit. */
  stop(signal?: NodeJS.Signals): Promise<void>;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/**
 * Debian's redis-server (scripts/check.sh installs it) on a free loopback port, saving nothing;
 * `undefined` when it is not installed or does not start.
 */
export async function startRedisServer(): Promise<RedisServer | undefined> {
  const port = await freePort();
  const child = spawn(
    "redis-server",
    ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
    { stdio: ["ignore", "pipe", "ignore"] },
  );
  const ready = await new Promise<boolean>((resolve) => {
    child.once("error", () => resolve(false));
    child.once("exit", () => resolve(false));
    child.stdout!.on("data", (chunk: Buffer) => {
      if (chunk.toString().includes("Ready to accept connections")) resolve(true);
    });
  });
  if (!ready) return undefined;
  child.stdout!.resume();
  return {
    process: child,
    port,
    url: `redis://127.0.0.1:${port}`,
    async stop(signal = "SIGTERM") {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
      process.kill(child.pid!, signal);
      await exited;
    },
  };
}
