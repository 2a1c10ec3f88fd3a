/**
 * A measuring child: one scenario, one client, in a fresh process. Prints one JSON line.
 * Usage: node src/child.ts <scenario> <client|decoder> '<json {target, config, inFlight?, uploadPath?}>'
 * Scenarios: chat, load, stream, completions, responses, responses-stream, index, embed, upload,
 * speech, images, sse.
 */
import { type ClientName, loadClient, type Target } from "./clients/types.ts";
import type { BenchConfig } from "./config.ts";

export interface ChildArgs {
  target: Target;
  config: BenchConfig;
  /** The load scenario's level. */
  inFlight?: number;
  /** The upload scenario's file. */
  uploadPath?: string;
  /** The index scenario's folder. */
  indexDir?: string;
}

const [scenario, name, json] = process.argv.slice(2);
const { target, config, inFlight, uploadPath, indexDir } = JSON.parse(json ?? "{}") as ChildArgs;

async function main(): Promise<unknown> {
  if (scenario === "sse") {
    const { measureSseDecoder } = await import("./scenarios/sse-decoder.ts");
    return measureSseDecoder(name as never, config.sse);
  }
  const client = await loadClient(name as ClientName, target);
  switch (scenario) {
    case "chat":
      return (await import("./scenarios/chat.ts")).measureChat(client, config.chat);
    case "load":
      return (await import("./scenarios/load.ts")).measureLoad(client, config.load, inFlight!);
    case "stream":
      return (await import("./scenarios/stream.ts")).measureStream(client, config.stream, "chat");
    case "completions":
      return (await import("./scenarios/stream.ts")).measureStream(client, config.stream, "completions");
    case "responses":
      return (await import("./scenarios/responses.ts")).measureResponses(client, config.responses);
    case "responses-stream":
      return (await import("./scenarios/stream.ts")).measureStream(client, config.stream, "responses");
    case "index":
      return (await import("./scenarios/index-files.ts")).measureIndex(client, config.index, indexDir!);
    case "embed":
      return (await import("./scenarios/embeddings.ts")).measureEmbeddings(client, config.embed);
    case "upload":
      return (await import("./scenarios/audio.ts")).measureUpload(client, config.upload, uploadPath!);
    case "speech":
      return (await import("./scenarios/audio.ts")).measureSpeech(client, config.speech);
    case "images":
      return (await import("./scenarios/images.ts")).measureImages(client, config.images);
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
