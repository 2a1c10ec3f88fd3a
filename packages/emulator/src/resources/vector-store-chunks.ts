import { unitVector } from "../vectors.js";
import type { Chunk, StaticChunking } from "./vector-store-record.js";

/** What `auto` chunking means on the service: 800-token chunks overlapping by 400. */
export const AUTO_CHUNKING: StaticChunking = {
  type: "static",
  static: { max_chunk_size_tokens: 800, chunk_overlap_tokens: 400 },
};

/** Dimensions of the emulator's retrieval vectors: enough to tell texts apart, cheap to hold. */
const DIMS = 256;
const WORD = /[\p{L}\p{N}_]+/gu;

// File types file_search indexes (the service's list); others fail as `unsupported_file`.
const SUPPORTED = new Set(
  "c cpp cs css doc docx go html java js json md pdf php pptx py rb sh tex ts txt".split(" "),
);

/** Why a file cannot be indexed, or its text. */
export type Parsed = { text: string } | { code: "unsupported_file" | "invalid_file"; message: string };

/**
 * The text of a file: UTF-8 without NUL bytes. Binary content (a PDF the emulator cannot read,
 * an image renamed .txt) fails as the service fails a file it cannot parse.
 */
export function parseFile(filename: string, data: Buffer): Parsed {
  const ext = /\.([A-Za-z0-9]+)$/.exec(filename)?.[1]?.toLowerCase();
  if (!ext || !SUPPORTED.has(ext))
    return {
      code: "unsupported_file",
      message: `Files of type '${ext ? `.${ext}` : filename}' are not supported for retrieval.`,
    };
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(data);
  } catch {
    return { code: "invalid_file", message: "The file could not be parsed: it is not text." };
  }
  if (text.includes("\0") || text.trim() === "")
    return { code: "invalid_file", message: "The file could not be parsed: it holds no text." };
  return { text };
}

/**
 * Cuts `text` into chunks of at most `max` tokens, each starting `max - overlap` tokens after
 * the one before (a token is a word or a punctuation mark, as everywhere in the emulator).
 */
export function chunkText(text: string, strategy: StaticChunking): Chunk[] {
  const { max_chunk_size_tokens: max, chunk_overlap_tokens: overlap } = strategy.static;
  const starts: number[] = [];
  for (const m of text.matchAll(/[A-Za-z0-9_]+|[^\sA-Za-z0-9_]/g)) starts.push(m.index);
  const chunks: Chunk[] = [];
  const step = Math.max(1, max - overlap);
  for (let first = 0; first < starts.length; first += step) {
    const last = first + max;
    const piece = text.slice(starts[first], last < starts.length ? starts[last] : text.length).trim();
    chunks.push({ text: piece, vector: embedText(piece) });
    if (last >= starts.length) break;
  }
  return chunks;
}

/**
 * A unit vector for `text`: the sum of the emulator's embedding of each word (the same
 * deterministic vectors `embeddings` answers with), normalized. Texts sharing words point the
 * same way, so cosine similarity ranks a chunk by the words it shares with the query.
 */
export function embedText(text: string): Float32Array {
  const sum = new Float32Array(DIMS);
  for (const [word] of text.toLowerCase().matchAll(WORD)) {
    const v = wordVector(word);
    for (let i = 0; i < DIMS; i++) sum[i]! += v[i]!;
  }
  let norm = 0;
  for (let i = 0; i < DIMS; i++) norm += sum[i]! * sum[i]!;
  norm = Math.sqrt(norm);
  if (norm > 0) for (let i = 0; i < DIMS; i++) sum[i]! /= norm;
  return sum;
}

const words = new Map<string, Float32Array>();

function wordVector(word: string): Float32Array {
  let v = words.get(word);
  if (!v) {
    v = unitVector(`s:${word}`, DIMS);
    if (words.size > 50_000) words.delete(words.keys().next().value!);
    words.set(word, v);
  }
  return v;
}

/** Cosine similarity of two unit vectors, clamped to the service's score range [0, 1]. */
export function score(a: Float32Array, b: Float32Array): number {
  let dot = 0;
  for (let i = 0; i < a.length; i++) dot += a[i]! * b[i]!;
  return Math.min(1, Math.max(0, dot));
}
