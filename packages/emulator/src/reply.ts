/** A list of pre-serialized SSE frames (`data: …\n\n`); an array works, so does a lazy view. */
export interface SseFrames {
  readonly length: number;
  at(index: number): string | undefined;
}

/** What an operation answers; the server turns it into bytes, applying any fault on the way. */
export type Reply =
  | { kind: "json"; status: number; body: unknown; headers?: Record<string, string> }
  | {
      kind: "raw";
      status: number;
      contentType: string;
      body: Buffer | string;
      headers?: Record<string, string>;
    }
  | { kind: "sse"; frames: SseFrames; headers?: Record<string, string> };

export function jsonReply(body: unknown, status = 200): Reply {
  return { kind: "json", status, body };
}

/** One SSE frame with a JSON payload. */
export function dataFrame(payload: unknown): string {
  return `data: ${JSON.stringify(payload)}\n\n`;
}

export const DONE_FRAME = "data: [DONE]\n\n";
