import type { ClientName, Target } from "../clients/types.ts";
import { median } from "../stats.ts";
import { timeNode } from "./cold-import.ts";

const MESSAGES = `[{ role: "user", content: "hi" }]`;

/**
 * What a fresh process (a serverless cold start, a CLI) pays before its first answer: import,
 * construct, one chat request, exit. Plain JavaScript, so no type stripping is timed. `exit(0)`
 * ends each process at the answer rather than when keep-alive sockets close.
 */
function script(client: ClientName, t: Target, transportUrl: string): string {
  const e = JSON.stringify(t.endpoint);
  const k = JSON.stringify(t.apiKey);
  const d = JSON.stringify(t.chatDeployment);
  const v = JSON.stringify(t.apiVersion);
  switch (client) {
    case "aoai":
      return `const { AzureOpenAIClient } = await import("@aoai/core");
const { ChatClient } = await import("@aoai/chat");
const chat = new ChatClient(new AzureOpenAIClient({ endpoint: ${e}, apiKey: ${k}, apiVersion: ${v} }), ${d});
const r = await chat.complete({ messages: ${MESSAGES} });
if (!r.choices[0].message.content) process.exit(1);
process.exit(0);`;
    case "openai":
      return `const { AzureOpenAI } = await import("openai");
const client = new AzureOpenAI({ endpoint: ${e}, apiKey: ${k}, apiVersion: ${v}, deployment: ${d} });
const r = await client.chat.completions.create({ model: ${d}, messages: ${MESSAGES} });
if (!r.choices[0].message.content) process.exit(1);
process.exit(0);`;
    case "http":
      return `const { createDefaultHttpClient, createHttpHeaders } = await import(${JSON.stringify(transportUrl)});
const res = await createDefaultHttpClient().sendRequest({
  url: ${e} + "/openai/deployments/" + ${d} + "/chat/completions?api-version=" + ${v},
  method: "POST",
  headers: createHttpHeaders({ "api-key": ${k}, "content-type": "application/json" }),
  body: JSON.stringify({ messages: ${MESSAGES} }),
  timeout: 0, withCredentials: false, requestId: "", allowInsecureConnection: true,
});
const r = JSON.parse(res.bodyAsText);
if (!r.choices[0].message.content) process.exit(1);
process.exit(0);`;
    case "fetch":
      return `const res = await fetch(${e} + "/openai/deployments/" + ${d} + "/chat/completions?api-version=" + ${v}, {
  method: "POST",
  headers: { "api-key": ${k}, "content-type": "application/json" },
  body: JSON.stringify({ messages: ${MESSAGES} }),
});
const r = await res.json();
if (!r.choices[0].message.content) process.exit(1);
process.exit(0);`;
  }
}

/**
 * Cold start of each client, `runs` times (clients interleaved, order rotating), each minus the
 * median of a bare `node -e 0`. Returns every run's ms per client.
 */
export function measureColdStarts(
  clients: readonly ClientName[],
  target: Target,
  runs: number,
  transportUrl: string,
): Record<ClientName, number[]> {
  const args = ["--input-type=module"];
  const base: number[] = [];
  const times = Object.fromEntries(clients.map((c) => [c, [] as number[]])) as Record<ClientName, number[]>;
  for (const c of clients) timeNode(script(c, target, transportUrl), args); // warm the file cache
  for (let r = 0; r < runs; r++) {
    base.push(timeNode("0"));
    for (let i = 0; i < clients.length; i++) {
      const c = clients[(i + r) % clients.length]!;
      times[c].push(timeNode(script(c, target, transportUrl), args));
    }
  }
  const baselineMs = median(base);
  return Object.fromEntries(
    clients.map((c) => [c, times[c].map((t) => Math.max(0, t - baselineMs))]),
  ) as Record<ClientName, number[]>;
}
