import { parseJsonObject } from "../body.js";
import type { EmulatorHttpError } from "../errors.js";
import { jsonReply, type Reply } from "../reply.js";
import type { ResourceRequest } from "./context.js";
import { invalidPayload, wrongState } from "./resource-errors.js";
import { embedText, score } from "./vector-store-chunks.js";
import { compileFilter, type Filter } from "./vector-store-filters.js";
import { touch } from "./vector-store-lifecycle.js";
import type { Attributes, VectorStoreRecord } from "./vector-store-record.js";

const RANKERS = ["auto", "default-2024-11-15", "none"];

/**
 * `POST vector_stores/{id}/search`: every chunk of the completed files that pass `filters`,
 * scored by cosine similarity to the query (the best over several queries), best first, at most
 * `max_num_results` (10 by default, 1 to 50) at or above `ranking_options.score_threshold`.
 * `rewrite_query` rewrites as the emulator can: lower case, punctuation dropped.
 */
export function searchVectorStore(req: ResourceRequest, record: VectorStoreRecord): Reply {
  if (record.store.status === "expired") throw wrongState("The vector store has expired.");
  const body = parseJsonObject(req.raw);
  const queries = queriesOf(body.query);
  if (body.rewrite_query !== undefined && typeof body.rewrite_query !== "boolean")
    throw invalidPayload("'rewrite_query' must be a boolean.", "rewrite_query");
  const options = searchOptions(body, (message, param) => invalidPayload(message, param));
  const searched = body.rewrite_query === true ? queries.map(rewrite) : queries;
  const hits = rankChunks([record], searched, options);
  touch(record, req.now);
  return jsonReply({
    object: "vector_store.search_results.page",
    search_query: searched,
    data: hits.map(({ text, ...hit }) => ({ ...hit, content: [{ type: "text", text }] })),
    has_more: false,
    next_page: null,
  });
}

/** How a search ranks: at most `max` hits at or above `threshold`, of the files `filter` keeps. */
export interface SearchOptions {
  max: number;
  threshold: number;
  filter: Filter | undefined;
}

/**
 * Checks the ranking fields a search and a `file_search` tool share (`max_num_results`, 1 to 50,
 * 10 by default; `ranking_options`; `filters`). `fail` makes the error in the caller's shape (the
 * resource API's or the data plane's); `prefix` is where the fields sit (`tools[0].`).
 */
export function searchOptions(
  body: Record<string, unknown>,
  fail: (message: string, param: string) => EmulatorHttpError,
  prefix = "",
): SearchOptions {
  const max = body.max_num_results ?? 10;
  if (typeof max !== "number" || !Number.isInteger(max) || max < 1 || max > 50)
    throw fail(`'${prefix}max_num_results' must be an integer from 1 to 50.`, `${prefix}max_num_results`);
  const ranking = (body.ranking_options ?? {}) as { ranker?: unknown; score_threshold?: unknown };
  if (ranking.ranker !== undefined && !RANKERS.includes(ranking.ranker as string))
    throw fail(
      `'${prefix}ranking_options.ranker' must be one of ${RANKERS.join(", ")}.`,
      `${prefix}ranking_options.ranker`,
    );
  const threshold = ranking.score_threshold ?? 0;
  if (typeof threshold !== "number" || threshold < 0 || threshold > 1)
    throw fail(
      `'${prefix}ranking_options.score_threshold' must be a number from 0 to 1.`,
      `${prefix}ranking_options.score_threshold`,
    );
  const filter = body.filters == null ? undefined : compileFilter(body.filters, `${prefix}filters`, fail);
  return { max, threshold, filter };
}

/** One chunk found: its file, score (0 to 1) and text. */
export interface ChunkHit {
  file_id: string;
  filename: string;
  score: number;
  attributes: Attributes;
  text: string;
}

/**
 * The best chunks of the stores' completed files for `queries` (each chunk scored by the best
 * query), best first: what search answers, and what a `file_search` tool can answer from.
 */
export function rankChunks(
  records: readonly VectorStoreRecord[],
  queries: readonly string[],
  options: SearchOptions,
): ChunkHit[] {
  const vectors = queries.map(embedText);
  const hits: ChunkHit[] = [];
  for (const record of records)
    for (const entry of record.files.values()) {
      if (entry.file.status !== "completed" || (options.filter && !options.filter(entry.file.attributes)))
        continue;
      for (const chunk of entry.chunks) {
        const best = Math.max(...vectors.map((v) => score(v, chunk.vector)));
        if (best < options.threshold) continue;
        hits.push({
          file_id: entry.file.id,
          filename: entry.filename,
          score: Math.round(best * 1e6) / 1e6,
          attributes: entry.file.attributes ?? {},
          text: chunk.text,
        });
      }
    }
  hits.sort((a, b) => b.score - a.score);
  return hits.slice(0, options.max);
}

function queriesOf(value: unknown): string[] {
  const list = typeof value === "string" ? [value] : value;
  if (!Array.isArray(list) || list.length === 0 || list.some((q) => typeof q !== "string" || q.trim() === ""))
    throw invalidPayload("'query' must be a non-empty string or an array of them.", "query");
  return list as string[];
}

function rewrite(query: string): string {
  return query
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s]/gu, " ")
    .replace(/\s+/g, " ")
    .trim();
}
