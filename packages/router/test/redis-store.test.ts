import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { ChatClient } from "@aoai/chat";
import { type Emulator, startEmulator } from "@aoai/emulator";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bundleNodeScript } from "../../../test-utils/node-script.js";
import { type RedisServer, startRedisServer } from "../../../test-utils/redis-server.js";
import { AzureOpenAIRouter, RedisStore, type RouterTarget, routeOf } from "../src/index.js";

// Debian's redis-server (scripts/check.sh installs it), started here on a free loopback port and
// stopped by its PID.
const MESSAGES = [{ role: "user" as const, content: "Hello" }];

describe("RedisStore against a real redis-server", () => {
  let redis: RedisServer;
  let ptu: Emulator;
  let standard: Emulator;
  const clients: Redis[] = [];
  let dir: string;
  let member: string;
  beforeAll(async () => {
    // A fleet member is a separate Node process: bundled once with esbuild, as the sources are TypeScript.
    dir = mkdtempSync(join(tmpdir(), "aoai-router-fleet-"));
    member = join(dir, "member.mjs");
    await bundleNodeScript(new URL("./fleet-member.ts", import.meta.url), member);
    const started = await startRedisServer();
    if (!started) throw new Error("redis-server is not installed (scripts/check.sh installs it)");
    redis = started;
    ptu = await startEmulator();
    standard = await startEmulator();
  });
  afterAll(async () => {
    for (const c of clients) c.disconnect();
    await redis.stop();
    await Promise.all([ptu.close(), standard.close()]);
    rmSync(dir, { recursive: true, force: true });
  });

  // Each router has its own Redis connection, as two processes of a fleet would.
  function router(): AzureOpenAIRouter {
    const client = new Redis({
      host: "127.0.0.1",
      port: redis.port,
      maxRetriesPerRequest: 1,
      lazyConnect: false,
    });
    client.on("error", () => {});
    clients.push(client);
    const targets: RouterTarget[] = [
      { name: "ptu", endpoint: ptu.url, deployment: "gpt-4o", apiKey: ptu.apiKey, priority: 1 },
      {
        name: "standard",
        endpoint: standard.url,
        deployment: "gpt-4o",
        apiKey: standard.apiKey,
        priority: 2,
      },
    ];
    return new AzureOpenAIRouter({
      pools: { chat: targets },
      store: new RedisStore(client, { prefix: `t${redis.port}:` }),
    });
  }

  const ptuCalls = () => ptu.requests.filter((r) => r.path.endsWith("/chat/completions")).length;

  it("shares a cooldown: what one router learns, another skips without asking", async () => {
    const [first, second] = [router(), router()];
    ptu.faults.push({ kind: "status", status: 429, retry_after_ms: 30_000, times: 1 });
    const spilled = await new ChatClient(first, "chat").complete({ messages: MESSAGES });
    expect(routeOf(spilled)).toMatchObject({
      target: "standard",
      tried: [{ target: "ptu", outcome: "429" }],
    });
    const before = ptuCalls();
    const next = await new ChatClient(second, "chat").complete({ messages: MESSAGES });
    expect(routeOf(next)).toMatchObject({ target: "standard", tried: [] });
    expect(ptuCalls()).toBe(before);
  });

  it("shares a cooldown between two processes", async () => {
    const run = async () => {
      const { stdout } = await promisify(execFile)(process.execPath, [
        member,
        String(redis.port),
        `fleet${redis.port}:`,
        ptu.url,
        standard.url,
        ptu.apiKey,
      ]);
      return JSON.parse(stdout);
    };
    ptu.faults.push({ kind: "status", status: 429, retry_after_ms: 30_000, times: 1 });
    expect(await run()).toMatchObject({ target: "standard", tried: [{ target: "ptu", outcome: "429" }] });
    const before = ptuCalls();
    expect(await run()).toMatchObject({ target: "standard", tried: [] });
    expect(ptuCalls()).toBe(before);
  });

  it("keeps routing on local state when Redis is killed midway", async () => {
    const r = router();
    const chat = new ChatClient(r, "chat");
    await chat.complete({ messages: MESSAGES });
    // The router's state is in Redis before it goes away.
    expect(await clients.at(-1)!.keys(`t${redis.port}:*`)).not.toHaveLength(0);
    await redis.stop("SIGKILL");
    for (let i = 0; i < 3; i++) expect((await chat.complete({ messages: MESSAGES })).choices).toHaveLength(1);
  });
});
