// A fleet of three worker processes whose routers share target health through Redis: the first
// worker exhausts a PTU's quota and gets its 429, and the others, in their own processes, go
// straight to the standard deployment without asking the PTU again until its quota window ends.
// Runs on local emulators; Redis is a redis-server started here on a loopback port (or REDIS_URL).
// Without either, each worker keeps its own memory and the example says so: then every worker
// learns of the 429 by getting one itself.

import { type ChildProcess, execFile, spawn } from "node:child_process";
import { createServer } from "node:net";
import { promisify } from "node:util";
import { ChatClient } from "@aoai/chat";
import { startEmulator } from "@aoai/emulator";
import { AzureOpenAIRouter, RedisStore, type RouterStore, routeOf } from "@aoai/router";
import { Redis } from "ioredis";

if (process.argv[2] === "worker")
  await worker(...(process.argv.slice(3) as [string, string, string, string]));
else await main();

async function worker(id: string, ptu: string, standard: string, redisUrl: string): Promise<void> {
  const redis = redisUrl === "none" ? undefined : new Redis(redisUrl, { maxRetriesPerRequest: 1 });
  const store: RouterStore | undefined = redis && new RedisStore(redis, { prefix: "router-fleet:" });
  const apiKey = "emulator-key";
  const router = new AzureOpenAIRouter({
    pools: {
      "gpt-4o": [
        { name: "ptu", endpoint: ptu, deployment: "gpt-4o", apiKey, priority: 1 },
        { name: "standard", endpoint: standard, deployment: "gpt-4o", apiKey, priority: 2 },
      ],
    },
    store,
    // Routing on the PTU's own 429 (whose retry-after is the end of its quota window) rather than
    // on its x-ratelimit-remaining readings, so what the fleet shares shows in the output.
    budgetMemoryMs: 0,
  });
  const chat = new ChatClient(router, "gpt-4o");
  const calls = id === "1" ? 4 : 2;
  try {
    for (let i = 0; i < calls; i++) {
      const completion = await chat.complete({ messages: [{ role: "user", content: `Hi from ${id}` }] });
      const route = routeOf(completion)!;
      const tried = route.tried.map((t) => `${t.target} ${t.outcome}`).join(", ");
      console.log(`worker ${id} (pid ${process.pid}): ${route.target}${tried ? ` after ${tried}` : ""}`);
    }
  } finally {
    redis?.disconnect();
  }
}

async function main(): Promise<void> {
  // The PTU takes 3 calls a minute; the standard deployment has no quota here.
  const ptu = await startEmulator({ quotas: { "gpt-4o": { requestsPerMinute: 3 } } });
  const standard = await startEmulator();
  const redis = process.env.REDIS_URL ? undefined : await startRedis();
  const redisUrl = process.env.REDIS_URL ?? (redis ? `redis://127.0.0.1:${redis.port}` : "none");
  if (redisUrl === "none")
    console.log(
      "redis-server is not installed (apt-get install redis-server, or set REDIS_URL): each worker keeps its own state.",
    );
  try {
    // One after another, so the output reads in order; a fleet's workers would run at once.
    for (const id of ["1", "2", "3"]) {
      const { stdout } = await promisify(execFile)(
        process.execPath,
        [import.meta.filename, "worker", id, ptu.url, standard.url, redisUrl],
        { timeout: 30_000 },
      );
      process.stdout.write(stdout);
    }
    const ptuCalls = ptu.requests.filter((r) => r.path.endsWith("/chat/completions")).length;
    const shared = redisUrl === "none" ? "one per worker, each on its own" : "one for the whole fleet";
    console.log(`the PTU was asked ${ptuCalls} times: 3 served, then ${ptuCalls - 3} 429 (${shared})`);
  } finally {
    if (redis) await stop(redis.process);
    await Promise.all([ptu.close(), standard.close()]);
  }
}

/** A redis-server on a free loopback port, saving nothing; undefined when none is installed. */
async function startRedis(): Promise<{ process: ChildProcess; port: number } | undefined> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const { port } = probe.address() as { port: number };
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  const child = spawn("redis-server", ["--port", String(port), "--bind", "127.0.0.1", "--save", ""], {
    stdio: ["ignore", "pipe", "ignore"],
  });
  const ready = await new Promise<boolean>((resolve) => {
    child.once("error", () => resolve(false));
    child.once("exit", () => resolve(false));
    child.stdout!.on("data", (chunk: Buffer) => {
      if (chunk.toString().includes("Ready to accept connections")) resolve(true);
    });
  });
  if (!ready) return undefined;
  child.stdout!.resume();
  return { process: child, port };
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  process.kill(child.pid!, "SIGTERM");
  await exited;
}
