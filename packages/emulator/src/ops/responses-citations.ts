import type { ChunkHit } from "../resources/vector-store-search.js";
import { clip } from "../text.js";

/** A `file_citation` annotation: the cited file, and where in the text the citation stands. */
export interface FileCitation {
  type: "file_citation";
  index: number;
  file_id: string;
  filename: string;
}

// An answer quotes at most this many passages, each at most this long.
const QUOTED = 3;
const QUOTE_CHARS = 240;
// A hit is quoted when it scores at least this share of the best hit's score.
const RELEVANT = 0.5;
const WORD = /[\p{L}\p{N}_]+/gu;

/**
 * What the emulated model answers from file_search hits (best first): the sentence of each of the
 * best chunks that shares the most words with the question, one a line, each followed by a `file_citation`
 * whose `index` is where its line ends (as the service places citations after the text they back).
 */
export function citedAnswer(
  question: string,
  hits: readonly ChunkHit[],
): { text: string; annotations: FileCitation[] } {
  if (hits.length === 0)
    return { text: `The files searched say nothing about "${question}".`, annotations: [] };
  const asked = new Set(wordsOf(question));
  let text = `From the files searched, about "${question}":`;
  const annotations: FileCitation[] = [];
  const quoted = new Set<string>();
  // Like a model, it leaves out what is far from the best match (search keeps every hit).
  const relevant = hits.filter((hit) => hit.score >= hits[0]!.score * RELEVANT);
  for (const hit of relevant) {
    if (annotations.length === QUOTED) break;
    const quote = clip(bestSentence(hit.text, asked), QUOTE_CHARS);
    // Overlapping chunks often share their best sentence: quote it once.
    if (quoted.has(quote)) continue;
    quoted.add(quote);
    text += `\n- ${quote}`;
    annotations.push({
      type: "file_citation",
      index: text.length,
      file_id: hit.file_id,
      filename: hit.filename,
    });
  }
  return { text, annotations };
}

function bestSentence(chunk: string, asked: ReadonlySet<string>): string {
  let best = "";
  let bestScore = -1;
  for (const sentence of chunk.split(/(?<=[.!?])\s+|\n+/)) {
    if (!sentence.trim()) continue;
    const score = new Set(wordsOf(sentence).filter((w) => asked.has(w))).size;
    if (score > bestScore) {
      best = sentence;
      bestScore = score;
    }
  }
  return best;
}

// Words of one or two letters ("a", "do", "is") would tie every sentence: only longer ones count.
function wordsOf(text: string): string[] {
  return [...text.toLowerCase().matchAll(WORD)].map(([w]) => w).filter((w) => w.length > 2);
}
