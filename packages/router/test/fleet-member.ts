// One process of a fleet, for redis-store.test.ts: a router on the shared Redis makes one chat
// call and prints where it went. Arguments: redis port, key prefix, PTU URL, standard URL, api key.
import { ChatClient } from "@aoai/chat";
import { Redis } from "ioredis";
import { AzureOpenAIRouter, RedisStore, routeOf } from "../src/index.js";

const [port, prefix, ptu, standard, apiKey] = process.argv.slice(2) as [
  string,
  string,
  string,
  string,
  string,
];
const redis = new Redis({ host: "127.0.0.1", port: Number(port), maxRetriesPerRequest: 1 });
const router = new AzureOpenAIRouter({
  pools: {
    chat: [
      { name: "ptu", endpoint: ptu, deployment: "gpt-4o", apiKey, priority: 1 },
      { name: "standard", endpoint: standard, deployment: "gpt-4o", apiKey, priority: 2 },
    ],
  },
  store: new RedisStore(redis, { prefix }),
});
try {
  const result = await new ChatClient(router, "chat").complete({
    messages: [{ role: "user", content: "Hello" }],
  });
  process.stdout.write(`${JSON.stringify(routeOf(result))}\n`);
} finally {
  redis.disconnect();
}
