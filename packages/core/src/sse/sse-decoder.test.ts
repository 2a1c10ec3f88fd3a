import { describe, expect, it } from "vitest";
import { SseDecoder, type SseEvent } from "./sse-decoder.js";

/** Feeds `chunks` to a fresh decoder, then ends it. */
function decode(...chunks: string[]): SseEvent[] {
  const decoder = new SseDecoder();
  const out: SseEvent[] = [];
  for (const chunk of chunks) decoder.push(chunk, out);
  decoder.end(out);
  return out;
}

const ev = (data: string, event?: string, id?: string): SseEvent => ({ data, event, id });

describe("SseDecoder line endings", () => {
  it.each([
    ["\\n", "\n"],
    ["\\r\\n", "\r\n"],
    ["\\r", "\r"],
  ])("splits lines on %s", (_name, eol) => {
    const text = `data: one${eol}${eol}data: two${eol}${eol}`;
    expect(decode(text)).toEqual([ev("one"), ev("two")]);
  });

  it("handles mixed line endings", () => {
    expect(decode("data: a\r\n\ndata: b\r\rdata: c\n\r\n")).toEqual([ev("a"), ev("b"), ev("c")]);
  });

  it("treats a CRLF split across chunks as one line end", () => {
    // If the CR and LF were two line ends, the empty line between them would dispatch early and
    // "data: b" would start a second event.
    expect(decode("data: a\r", "\ndata: b\r", "\n\r", "\n")).toEqual([ev("a\nb")]);
  });

  it("a lone CR at a chunk end is a line end once the next chunk shows no LF", () => {
    expect(decode("data: a\r", "\r")).toEqual([ev("a")]);
    expect(decode("data: a\r", "data: b\r\r")).toEqual([ev("a\nb")]);
  });

  it("a CR at the very end of input ends its line", () => {
    const decoder = new SseDecoder();
    const out: SseEvent[] = [];
    decoder.push("data: x\n", out);
    decoder.push("\r", out);
    expect(out).toEqual([]);
    decoder.end(out);
    expect(out).toEqual([ev("x")]);
  });

  it("discards an event with no terminating blank line at end of input", () => {
    expect(decode("data: complete\n\ndata: partial\n")).toEqual([ev("complete")]);
    expect(decode("data: partial")).toEqual([]);
  });
});

describe("SseDecoder fields", () => {
  it("joins multi-line data with \\n", () => {
    expect(decode("data: line 1\ndata: line 2\ndata:\ndata: line 4\n\n")).toEqual([
      ev("line 1\nline 2\n\nline 4"),
    ]);
  });

  it("ignores comments", () => {
    expect(decode(": keep-alive\n\n: another\ndata: x\n: inside\n\n")).toEqual([ev("x")]);
  });

  it("reads event and id fields; id persists, event resets", () => {
    expect(decode("event: error\nid: 7\ndata: {}\n\ndata: next\n\n")).toEqual([
      ev("{}", "error", "7"),
      ev("next", undefined, "7"),
    ]);
  });

  it("ignores an id containing NUL", () => {
    expect(decode("id: 1\ndata: a\n\nid: 2\u00003\ndata: b\n\n")).toEqual([
      ev("a", undefined, "1"),
      ev("b", undefined, "1"),
    ]);
  });

  it("a field without a colon has an empty value", () => {
    expect(decode("data\n\n")).toEqual([ev("")]);
    expect(decode("data\ndata\n\n")).toEqual([ev("\n")]);
    expect(decode("event\ndata: x\n\n")).toEqual([ev("x", "")]);
  });

  it("strips one space after the colon only", () => {
    expect(decode("data:no-space\n\n")).toEqual([ev("no-space")]);
    expect(decode("data:  two spaces\n\n")).toEqual([ev(" two spaces")]);
    expect(decode("data:\ttab\n\n")).toEqual([ev("\ttab")]);
  });

  it("keeps colons inside the value", () => {
    expect(decode('data: {"a":"b:c"}\n\n')).toEqual([ev('{"a":"b:c"}')]);
  });

  it("ignores unknown fields and blank lines with no data", () => {
    expect(decode("retry: 1000\nfoo: bar\n\n\n\ndata: x\n\n")).toEqual([ev("x")]);
  });

  it("an event with only event: and no data is not dispatched", () => {
    expect(decode("event: ping\n\ndata: x\n\n")).toEqual([ev("x")]);
  });
});

describe("SseDecoder chunking", () => {
  const stream =
    ": comment\r\n" +
    'event: message\r\nid: 42\r\ndata: {"choices":[{"delta":{"content":"héllo 👋"}}]}\r\n\r\n' +
    "data: line1\ndata: line2\n\n" +
    "data:x\r\rdata\r\n\r\n" +
    "data: [DONE]\n\n";
  const expected = [
    ev('{"choices":[{"delta":{"content":"héllo 👋"}}]}', "message", "42"),
    ev("line1\nline2", undefined, "42"),
    ev("x", undefined, "42"),
    ev("", undefined, "42"),
    ev("[DONE]", undefined, "42"),
  ];

  it("decodes the whole stream in one chunk", () => {
    expect(decode(stream)).toEqual(expected);
  });

  it("decodes the stream fed one character (UTF-16 unit) at a time", () => {
    expect(decode(...stream.split(""))).toEqual(expected);
  });

  it("decodes the stream split in two at every position", () => {
    for (let i = 0; i <= stream.length; i++) {
      expect(decode(stream.slice(0, i), stream.slice(i)), `split at ${i}`).toEqual(expected);
    }
  });

  it("decodes the stream split in three at many positions", () => {
    for (let i = 0; i <= stream.length; i += 3) {
      for (let j = i; j <= stream.length; j += 5) {
        expect(decode(stream.slice(0, i), stream.slice(i, j), stream.slice(j)), `split at ${i},${j}`).toEqual(
          expected,
        );
      }
    }
  });

  it("tolerates empty chunks", () => {
    expect(decode("", "data: a", "", "\r", "", "\n", "", "\n", "")).toEqual([ev("a")]);
  });

  it("keeps only the unfinished line between pushes", () => {
    const decoder = new SseDecoder();
    const out: SseEvent[] = [];
    for (let i = 0; i < 10_000; i++) decoder.push(`data: ${i}\n\n`, out);
    expect(out).toHaveLength(10_000);
    expect(out[9_999]).toEqual(ev("9999"));
    expect((decoder as unknown as { rest: string }).rest).toBe("");
  });
});
