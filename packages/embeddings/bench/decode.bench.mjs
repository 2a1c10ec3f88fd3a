// Embeddings decode benchmark: 512 inputs x 3072 dims, this package vs the `openai` package.
// Run after `pnpm --filter @aoai/embeddings build` (it imports the built dist):
//   node packages/embeddings/bench/decode.bench.mjs [--inputs 512] [--dims 3072] [--runs 15]
//
// 1. decode only: JSON.parse of the response text + turning every embedding into numbers.
// 2. end to end over HTTP: a local server answers every request with the same pre-built body (so
//    the server costs the same for both), and each client sends a request and decodes the answer.
// The `openai` numbers use the package itself: its exported `toFloat32Array` (what its default
// base64 path applies to each vector) and its `AzureOpenAI` client.
import { createServer } from "node:http";
import { parseArgs } from "node:util";
import { AzureOpenAIClient } from "@aoai/core";
import { base64ToFloat32, EmbeddingClient } from "@aoai/embeddings";
import { AzureOpenAI } from "openai";

// Not in the package's exports map: load the file next to its entry point.
const { toFloat32Array } = await import(
  new URL("./internal/utils/base64.mjs", import.meta.resolve("openai")).href
);

const { values } = parseArgs({
  options: {
    inputs: { type: "string", default: "512" },
    dims: { type: "string", default: "3072" },
    runs: { type: "string", default: "15" },
  },
});
const INPUTS = Number(values.inputs);
const DIMS = Number(values.dims);
const RUNS = Number(values.runs);

function responseBody(format) {
  const data = [];
  for (let i = 0; i < INPUTS; i++) {
    const v = new Float32Array(DIMS);
    for (let j = 0; j < DIMS; j++) v[j] = Math.sin(i * 7 + j) / 55;
    const embedding = format === "base64" ? Buffer.from(v.buffer).toString("base64") : Array.from(v);
    data.push({ object: "embedding", index: i, embedding });
  }
  return JSON.stringify({
    object: "list",
    data,
    model: "text-embedding-3-large",
    usage: { prompt_tokens: INPUTS, total_tokens: INPUTS },
  });
}

async function time(name, fn) {
  for (let i = 0; i < 3; i++) await fn(); // warm up
  const samples = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    await fn();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  const median = samples[samples.length >> 1];
  console.log(
    `${name.padEnd(58)} median ${median.toFixed(2).padStart(8)} ms  (min ${samples[0].toFixed(2)})`,
  );
  return median;
}

const base64Body = responseBody("base64");
const floatBody = responseBody("float");
console.log(
  `${INPUTS} inputs x ${DIMS} dims; base64 body ${(base64Body.length / 1e6).toFixed(1)} MB, float body ${(floatBody.length / 1e6).toFixed(1)} MB; ${RUNS} runs\n`,
);

console.log("decode only (JSON.parse + vectors)");
const openaiDecode = await time("openai default: base64 -> toFloat32Array (number[])", () => {
  const r = JSON.parse(base64Body);
  for (const d of r.data) d.embedding = toFloat32Array(d.embedding);
});
const oursDecode = await time("@aoai/embeddings: base64 -> Float32Array", () => {
  const r = JSON.parse(base64Body);
  for (const d of r.data) d.embedding = base64ToFloat32(d.embedding);
});
await time("@aoai/embeddings: base64 -> number[]", () => {
  const r = JSON.parse(base64Body);
  for (const d of r.data) d.embedding = Array.from(base64ToFloat32(d.embedding));
});
await time("float JSON: JSON.parse only (number[])", () => JSON.parse(floatBody));
console.log(`ratio ours / openai (decode only): ${(oursDecode / openaiDecode).toFixed(3)}\n`);

const server = createServer((req, res) => {
  let body = "";
  req.on("data", (c) => (body += c));
  req.on("end", () => {
    const float = body.includes('"encoding_format":"float"');
    res.writeHead(200, { "content-type": "application/json", "x-request-id": "bench" });
    res.end(float ? floatBody : base64Body);
  });
});
await new Promise((r) => server.listen(0, "127.0.0.1", r));
const endpoint = `http://127.0.0.1:${server.address().port}`;
const input = Array.from({ length: INPUTS }, (_, i) => `input ${i}`);

console.log("end to end over HTTP (same pre-built response for both; runs interleaved; wall and client CPU)");
const openai = new AzureOpenAI({
  endpoint,
  apiKey: "k",
  apiVersion: "2024-10-21",
  deployment: "text-embedding-3-large",
});
const emb = new EmbeddingClient(new AzureOpenAIClient({ endpoint, apiKey: "k" }), "text-embedding-3-large");
const clients = {
  "openai AzureOpenAI embeddings.create (default)": () =>
    openai.embeddings.create({ model: "text-embedding-3-large", input }),
  "@aoai/embeddings embed (default: Float32Array)": () => emb.embed({ input }),
  "@aoai/embeddings embed (embeddingType number[])": () =>
    emb.embed({ input }, { embeddingType: "number[]" }),
  "@aoai/embeddings embed (encoding_format float)": () => emb.embed({ input, encoding_format: "float" }),
};
const wall = Object.fromEntries(Object.keys(clients).map((k) => [k, []]));
const cpu = Object.fromEntries(Object.keys(clients).map((k) => [k, []]));
for (let round = -3; round < RUNS; round++) {
  for (const [name, run] of Object.entries(clients)) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    await run();
    if (round < 0) continue; // warm-up rounds
    wall[name].push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu[name].push((c.user + c.system) / 1000);
  }
}
const med = (list) => [...list].sort((a, b) => a - b)[list.length >> 1];
for (const name of Object.keys(clients)) {
  console.log(
    `${name.padEnd(58)} wall median ${med(wall[name]).toFixed(2).padStart(8)} ms  cpu median ${med(cpu[name]).toFixed(2).padStart(8)} ms`,
  );
}
const [o, a] = Object.keys(clients);
console.log(
  `ratio ours / openai (end to end): wall ${(med(wall[a]) / med(wall[o])).toFixed(3)}, cpu ${(med(cpu[a]) / med(cpu[o])).toFixed(3)}  (target <= 0.35)`,
);
server.close();
