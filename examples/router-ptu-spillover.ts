// A provisioned (PTU) deployment with spillover to two standard deployments in other regions,
// through @aoai/router. It runs on three local emulators: the PTU one has a quota of 3 requests a
// window. Once its x-ratelimit-remaining-requests reaches 0 (or it answers 429) the router sends
// the calls to the standard regions, weighted 2:1, without sleeping, and comes back to the PTU
// when its window resets.

import { ChatClient } from "@aoai/chat";
import { startEmulator } from "@aoai/emulator";
import { AzureOpenAIRouter, routeOf } from "@aoai/router";

const ptu = await startEmulator({
  region: "East US",
  quotas: { "gpt-4o-ptu": { requestsPerMinute: 3 } },
  quotaWindowMs: 2000,
  deployments: { "gpt-4o-ptu": "gpt-4o" },
});
const east = await startEmulator({ region: "East US 2" });
const west = await startEmulator({ region: "West Europe" });
try {
  const router = new AzureOpenAIRouter({
    pools: {
      "gpt-4o": [
        { name: "ptu", endpoint: ptu.url, deployment: "gpt-4o-ptu", apiKey: ptu.apiKey, priority: 1 },
        {
          name: "east",
          endpoint: east.url,
          deployment: "gpt-4o",
          apiKey: east.apiKey,
          priority: 2,
          weight: 2,
        },
        {
          name: "west",
          endpoint: west.url,
          deployment: "gpt-4o",
          apiKey: west.apiKey,
          priority: 2,
          weight: 1,
        },
      ],
    },
    onEvent: (event) => {
      if (event.type === "throttled")
        console.log(`  ${event.target} throttled: cooling down ${event.cooldownMs} ms`);
    },
  });
  // Every feature package takes the router where it takes a client.
  const chat = new ChatClient(router, "gpt-4o");
  const served: Record<string, number> = {};
  for (let i = 0; i < 8; i++) {
    const completion = await chat.complete({ messages: [{ role: "user", content: `Question ${i + 1}` }] });
    const route = routeOf(completion)!;
    served[route.target] = (served[route.target] ?? 0) + 1;
    const tried = route.tried.map((t) => `${t.target} ${t.outcome}`).join(", ");
    console.log(
      `call ${i + 1}: ${route.target} (${completion._response.headers.get("x-ms-region")})${tried ? ` after ${tried}` : ""}`,
    );
  }
  console.log("waiting for the PTU's quota window to reset…");
  await new Promise((resolve) => setTimeout(resolve, 2100));
  const again = await chat.complete({ messages: [{ role: "user", content: "And now?" }] });
  console.log(`after the cooldown: ${routeOf(again)!.target}`);
  console.log("calls per target:", served);
} finally {
  await Promise.all([ptu.close(), east.close(), west.close()]);
}
