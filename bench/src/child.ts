/**
 * A measuring child: one scenario, one client, in a fresh process. Prints one JSON line.
 * Usage: node src/child.ts <chat|stream|embed|sse> <client|decoder> '<json {target, config}>'
 */
import { type ClientName, loadClient, type Target } from "./clients/types.ts";
import type { BenchConfig } from "./config.ts";

const [scenario, name, json] = process.argv.slice(2);
const { target, config } = JSON.parse(json ?? "{}") as { target: Target; config: BenchConfig };

async function main(): Promise<unknown> {
  if (scenario === "sse") {
    const { measureSseDecoder } = await import("./scenarios/sse-decoder.ts");
    return measureSseDecoder(name as never, config.sse);
  }
  const client = await loadClient(name as ClientName, target);
  switch (scenario) {
    case "chat":
      return (await import("./scenarios/chat.ts")).measureChat(client, config.chat);
    case "stream":
      return (await import("./scenarios/stream.ts")).measureStream(client, config.stream);
    case "embed":
      return (await import("./scenarios/embeddings.ts")).measureEmbeddings(client, config.embed);
    default:
      throw new Error(`unknown scenario ${scenario}`);
  }
}

main().then(
  (figures) => {
    process.stdout.write(`${JSON.stringify(figures)}\n`);
    process.exit(0);
  },
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
