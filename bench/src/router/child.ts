/**
 * One process of the router bench (run.ts): from `startAt`, starts its share of the calls at a
 * fixed pace whatever the answers (an open loop, as a fleet's traffic arrives), through a router
 * (its own memory, or a RedisStore shared with the other processes) or a single-target client.
 * Prints one JSON line: per call, its start (ms after startAt), latency (ms), outcome and target.
 */
import { ChatClient } from "@aoai/chat";
import { AzureOpenAIClient } from "@aoai/core";
import { AzureOpenAIRouter, RedisStore, routeOf } from "@aoai/router";
import { Redis } from "ioredis";

export interface ChildConfig {
  mode: "router-shared" | "router-local" | "single";
  ptu: string;
  east: string;
  west: string;
  apiKey: string;
  redisUrl?: string;
  /** Epoch ms of the first call of the whole run. */
  startAt: number;
  /** Ms between two calls of the whole run (every process together). */
  intervalMs: number;
  /** Calls of the whole run; this process makes those whose index % procs === index. */
  calls: number;
  procs: number;
  index: number;
}

const TARGETS = ["ptu", "east", "west"] as const;

/** Per call: start offset (ms), latency (ms), 1 when it succeeded, target index (-1 when none). */
export interface ChildResult {
  start: number[];
  latency: number[];
  ok: number[];
  target: number[];
  errors: Record<string, number>;
}

const config = JSON.parse(process.argv[2]!) as ChildConfig;
const redis =
  config.mode === "router-shared" ? new Redis(config.redisUrl!, { maxRetriesPerRequest: 1 }) : undefined;
const client =
  config.mode === "single"
    ? new AzureOpenAIClient({ endpoint: config.west, apiKey: config.apiKey })
    : new AzureOpenAIRouter({
        pools: {
          "gpt-4o": [
            { name: "ptu", endpoint: config.ptu, deployment: "gpt-4o", apiKey: config.apiKey, priority: 1 },
            { name: "east", endpoint: config.east, deployment: "gpt-4o", apiKey: config.apiKey, priority: 2 },
            { name: "west", endpoint: config.west, deployment: "gpt-4o", apiKey: config.apiKey, priority: 2 },
          ],
        },
        store: redis && new RedisStore(redis, { prefix: `bench-${config.startAt}:` }),
      });
const chat = new ChatClient(client, "gpt-4o");
const messages = [{ role: "user" as const, content: "Hello" }];
const result: ChildResult = { start: [], latency: [], ok: [], target: [], errors: {} };

async function one(i: number): Promise<void> {
  const due = config.startAt + i * config.intervalMs;
  const wait = due - Date.now();
  if (wait > 0) await new Promise((r) => setTimeout(r, wait));
  const t0 = performance.now();
  const start = Date.now() - config.startAt;
  let ok = 0;
  let target = -1;
  try {
    const completion = await chat.complete({ messages, max_tokens: 16 });
    ok = 1;
    const name = routeOf(completion)?.target ?? "west";
    target = TARGETS.indexOf(name as (typeof TARGETS)[number]);
  } catch (error) {
    const name = `${(error as Error).name}${(error as { status?: number }).status ? ` ${(error as { status: number }).status}` : ""}`;
    result.errors[name] = (result.errors[name] ?? 0) + 1;
  }
  result.start.push(Math.round(start));
  result.latency.push(Math.round((performance.now() - t0) * 100) / 100);
  result.ok.push(ok);
  result.target.push(target);
}

const pending: Promise<void>[] = [];
for (let i = config.index; i < config.calls; i += config.procs) pending.push(one(i));
await Promise.all(pending);
redis?.disconnect();
process.stdout.write(`${JSON.stringify(result)}\n`);
