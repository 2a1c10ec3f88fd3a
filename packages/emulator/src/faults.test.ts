import { describe, expect, it } from "vitest";
import { FaultInjector, parseFaultHeader } from "./faults.js";

describe("FaultInjector", () => {
  it("lets a header fault fail `times` attempts per exact header value", () => {
    const injector = new FaultInjector();
    const header = '{"kind":"status","status":503,"times":1}';
    expect(injector.take("chat/completions", header)?.kind).toBe("status");
    expect(injector.take("chat/completions", header)).toBeUndefined();
    expect(injector.take("chat/completions", header.replace("}", ',"id":"other"}'))?.kind).toBe("status");
  });

  it("applies a header fault without times to every request", () => {
    const injector = new FaultInjector();
    for (let i = 0; i < 3; i++) expect(injector.take("embeddings", '{"kind":"reset"}')?.kind).toBe("reset");
  });

  it("prefers the header over the queue and leaves the queue alone", () => {
    const injector = new FaultInjector();
    injector.push({ kind: "delay", ms: 1 });
    expect(injector.take("x", '{"kind":"reset"}')?.kind).toBe("reset");
    expect(injector.size).toBe(1);
  });

  it("skips queued faults for other operations", () => {
    const injector = new FaultInjector();
    injector.push({ kind: "reset", operation: "embeddings" });
    injector.push({ kind: "delay", ms: 5 });
    expect(injector.take("chat/completions", undefined)?.kind).toBe("delay");
    expect(injector.take("embeddings", undefined)?.kind).toBe("reset");
    expect(injector.size).toBe(0);
  });

  it("takes about `rate` of matching requests, and only those use up `times`", () => {
    const injector = new FaultInjector();
    injector.push({ kind: "status", status: 503, rate: 0.3, times: 1_000_000 });
    let taken = 0;
    for (let i = 0; i < 10_000; i++) if (injector.take("chat/completions", undefined)) taken++;
    expect(taken).toBeGreaterThan(2500);
    expect(taken).toBeLessThan(3500);
    injector.clear();
    injector.push({ kind: "reset", rate: 0 });
    expect(injector.take("chat/completions", undefined)).toBeUndefined();
    expect(injector.size).toBe(1);
    const header = '{"kind":"reset","rate":0}';
    expect(injector.take("chat/completions", header)).toBeUndefined();
    expect(() => parseFaultHeader('{"kind":"reset","rate":1.5}')).toThrow(/rate/);
  });

  it("validates header JSON", () => {
    expect(() => parseFaultHeader("[]")).toThrow(/JSON object/);
    expect(() => parseFaultHeader('{"kind":"slow-stream"}')).toThrow(/chunk_delay_ms/);
    expect(() => parseFaultHeader('{"kind":"status","status":429,"times":"2"}')).toThrow(/times/);
  });
});
