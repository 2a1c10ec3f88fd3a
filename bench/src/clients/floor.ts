import type { Target } from "./types.ts";

// What the two floor clients (fetch.ts, http.ts) share: their URLs, the hand-split SSE and the
// embeddings decode.

/** Base64 float32 embeddings decoded by hand; how many and their size, as `BenchClient.embed` says. */
export function decodeEmbeddings(data: { embedding: string }[]): { count: number; dims: number } {
  const vectors = data.map((d) => {
    const bytes = Buffer.from(d.embedding, "base64");
    const v = new Float32Array(bytes.length / 4);
    new Uint8Array(v.buffer).set(bytes);
    return v;
  });
  return { count: vectors.length, dims: vectors[0]!.length };
}

/** Splits `data: …\n\n` frames off a text buffer; returns what is left and whether [DONE] came. */
export function splitFrames(buffer: string, onChunk: (chunk: unknown) => void): [string, boolean] {
  let start = 0;
  for (let end = buffer.indexOf("\n\n"); end !== -1; end = buffer.indexOf("\n\n", start)) {
    const data = buffer.slice(start + 6, end); // "data: "
    start = end + 2;
    if (data === "[DONE]") return ["", true];
    onChunk(JSON.parse(data));
  }
  return [buffer.slice(start), false];
}

/** Reads `data:` frames from a body until [DONE]; false when the body ends before it. */
export async function readFrames(
  body: AsyncIterable<Uint8Array>,
  onChunk: (chunk: unknown) => void,
): Promise<boolean> {
  const decoder = new TextDecoder();
  let buffer = "";
  for await (const bytes of body) {
    const [rest, done] = splitFrames(buffer + decoder.decode(bytes, { stream: true }), onChunk);
    if (done) return true;
    buffer = rest;
  }
  return false;
}

/** An output item of a response, as far as its text goes. */
export type OutputItem = { type: string; content?: { type: string; text?: string }[] };

/** A response's output text, joined as openai's `output_text` joins it. */
export function outputText(output: OutputItem[]): string {
  let text = "";
  for (const item of output)
    if (item.type === "message")
      for (const part of item.content ?? []) if (part.type === "output_text") text += part.text ?? "";
  return text;
}

/**
 * Reads server-sent events (`event: …` then `data: …`, as the Responses API sends them) from a body
 * to its end, hand-split, each `data` given to `JSON.parse`; returns how many there were.
 */
export async function readEvents(
  body: AsyncIterable<Uint8Array>,
  onEvent: (event: unknown) => void,
): Promise<number> {
  const decoder = new TextDecoder();
  let buffer = "";
  let count = 0;
  for await (const bytes of body) {
    buffer += decoder.decode(bytes, { stream: true });
    let start = 0;
    for (let end = buffer.indexOf("\n\n"); end !== -1; end = buffer.indexOf("\n\n", start)) {
      const data = buffer.indexOf("data: ", start);
      if (data !== -1 && data < end) {
        onEvent(JSON.parse(buffer.slice(data + 6, end)));
        count++;
      }
      start = end + 2;
    }
    buffer = buffer.slice(start);
  }
  return count;
}

/** The deployment URLs each floor client calls, on the emulator or the bench's own front. */
export function floorUrls(t: Target) {
  const url = (endpoint: string, deployment: string, op: string, version = t.apiVersion) =>
    `${endpoint}/openai/deployments/${deployment}/${op}?api-version=${version}`;
  return {
    chat: url(t.endpoint, t.chatDeployment, "chat/completions"),
    completions: url(t.endpoint, t.completionsDeployment, "completions"),
    embed: url(t.frontEndpoint, t.embeddingDeployment, "embeddings"),
    transcribe: url(t.frontEndpoint, t.transcribeDeployment, "audio/transcriptions", t.previewApiVersion),
    speech: url(t.frontEndpoint, t.speechDeployment, "audio/speech", t.previewApiVersion),
    images: url(t.frontEndpoint, t.imageDeployment, "images/generations", t.previewApiVersion),
    responses: `${t.endpoint}/openai/v1/responses`,
  };
}
