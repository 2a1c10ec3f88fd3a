// One model in two regions through @aoai/router: the first region is down (its connections are
// refused), so each call moves on at once to the second, and after three failures the first
// region's circuit breaker takes it out, so later calls do not even try it. Runs on a local
// emulator and a loopback port nothing listens on.

import { createServer } from "node:net";
import { ChatClient } from "@aoai/chat";
import { startEmulator } from "@aoai/emulator";
import { AzureOpenAIRouter, routeOf } from "@aoai/router";

// A loopback port that refuses connections: a region that is down.
const probe = createServer();
await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
const { port } = probe.address() as { port: number };
await new Promise<void>((resolve) => probe.close(() => resolve()));

const westEurope = await startEmulator({ region: "West Europe" });
try {
  const router = new AzureOpenAIRouter({
    pools: {
      "gpt-4o": [
        {
          name: "sweden",
          endpoint: `http://127.0.0.1:${port}`,
          deployment: "gpt-4o",
          apiKey: "key",
          priority: 1,
        },
        {
          name: "west-europe",
          endpoint: westEurope.url,
          deployment: "gpt-4o",
          apiKey: westEurope.apiKey,
          priority: 1,
        },
      ],
    },
    breaker: { failures: 3, openMs: 30_000 },
    // Always the first of the group first, so the failover shows on every call.
    random: () => 0,
    onEvent: (event) => {
      if (event.type === "tripped")
        console.log(`  ${event.target} taken out for ${event.openMs} ms (${event.reason})`);
    },
  });
  const chat = new ChatClient(router, "gpt-4o");
  for (let i = 0; i < 5; i++) {
    const completion = await chat.complete({ messages: [{ role: "user", content: `Question ${i + 1}` }] });
    const route = routeOf(completion)!;
    const tried = route.tried.map((t) => `${t.target} ${t.outcome}`).join(", ");
    console.log(`call ${i + 1}: ${route.target}${tried ? ` after ${tried}` : ""}`);
  }
} finally {
  await westEurope.close();
}
