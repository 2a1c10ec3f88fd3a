import { InvalidResponseError } from "@aoai/core";
import { describe, expect, it } from "vitest";
import { RealtimeClosedError, RealtimeServerError } from "./errors.js";
import { RealtimeChannel } from "./realtime-channel.js";
import type { RealtimeClientEvent } from "./request-types.js";

/** A channel fed by hand: what a transport would hand it. */
class FedChannel extends RealtimeChannel {
  paused = 0;
  resumed = 0;
  sent: RealtimeClientEvent[] = [];
  feed(event: object | string): void {
    this.receive(typeof event === "string" ? event : JSON.stringify(event));
  }
  end(error?: Error): void {
    this.finish(error);
  }
  protected override pauseReading(): void {
    this.paused++;
  }
  protected override resumeReading(): void {
    this.resumed++;
  }
  async send(event: RealtimeClientEvent): Promise<void> {
    this.sent.push(event);
  }
  async close(): Promise<void> {
    this.finish();
  }
}

describe("RealtimeChannel", () => {
  it("pauses the transport while the reader is 1024 events behind, and resumes at half", async () => {
    const channel = new FedChannel();
    for (let i = 0; i < 1100; i++)
      channel.feed({ type: "rate_limits.updated", event_id: `e${i}`, rate_limits: [] });
    expect(channel.paused).toBeGreaterThan(0);
    expect(channel.resumed).toBe(0);
    for (let i = 0; i < 1100 - 512; i++) expect((await channel.nextEvent())?.event_id).toBe(`e${i}`);
    expect(channel.resumed).toBe(1);
    channel.end();
    let rest = 0;
    for await (const _ of channel) rest++;
    expect(rest).toBe(512);
  });

  it("hands over unknown events as they came, and reads queued events before the error that ended it", async () => {
    const channel = new FedChannel();
    channel.feed({ type: "mcp_list_tools.completed", event_id: "x", item_id: "i" });
    channel.end(new RealtimeClosedError(1011, "server error"));
    expect(await channel.nextEvent()).toEqual({
      type: "mcp_list_tools.completed",
      event_id: "x",
      item_id: "i",
    });
    await expect(channel.nextEvent()).rejects.toSatisfy((e: unknown) => RealtimeClosedError.isInstance(e));
  });

  it("ends with InvalidResponseError on a message that is not a JSON event", async () => {
    for (const message of ["{oops", "null", "42"]) {
      const channel = new FedChannel();
      channel.feed(message);
      await expect(channel.nextEvent()).rejects.toBeInstanceOf(InvalidResponseError);
    }
  });

  it("gathers a response in the preview dialect, and throws an error event as RealtimeServerError", async () => {
    const channel = new FedChannel();
    const part = { response_id: "r", item_id: "i", output_index: 0, content_index: 0 };
    channel.feed({
      type: "response.created",
      event_id: "1",
      response: { id: "r", status: "in_progress", output: [] },
    });
    channel.feed({ type: "response.audio.delta", event_id: "2", ...part, delta: "AQACAA==" });
    channel.feed({ type: "response.audio_transcript.delta", event_id: "3", ...part, delta: "Hi" });
    channel.feed({ type: "response.text.delta", event_id: "4", ...part, delta: "T" });
    channel.feed({
      type: "response.done",
      event_id: "5",
      response: {
        id: "r",
        status: "completed",
        output: [{ type: "function_call", id: "fc", call_id: "c1", name: "f", arguments: "{}" }],
      },
    });
    const result = await channel.response().done();
    expect([...result.audio]).toEqual([1, 2]);
    expect(result.transcript).toBe("Hi");
    expect(result.text).toBe("T");
    expect(result.functionCalls).toEqual([{ call_id: "c1", name: "f", arguments: "{}", item_id: "fc" }]);

    channel.feed({
      type: "error",
      event_id: "6",
      error: { type: "invalid_request_error", code: "bad", message: "no" },
    });
    await expect(channel.response().done()).rejects.toSatisfy(
      (e: unknown) => RealtimeServerError.isInstance(e) && e.code === "bad",
    );
  });

  it("answers a function call with its output item and a response.create", async () => {
    const channel = new FedChannel();
    await channel.answerFunctionCall("c1", { ok: true });
    await channel.answerFunctionCall("c2", "plain", { respond: false });
    expect(channel.sent).toEqual([
      {
        type: "conversation.item.create",
        item: { type: "function_call_output", call_id: "c1", output: '{"ok":true}' },
      },
      { type: "response.create" },
      {
        type: "conversation.item.create",
        item: { type: "function_call_output", call_id: "c2", output: "plain" },
      },
    ]);
  });
});
