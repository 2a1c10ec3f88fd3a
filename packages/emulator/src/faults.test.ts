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

  it("validates header JSON", () => {
    expect(() => parseFaultHeader("[]")).toThrow(/JSON object/);
    expect(() => parseFaultHeader('{"kind":"slow-stream"}')).toThrow(/chunk_delay_ms/);
    expect(() => parseFaultHeader('{"kind":"status","status":429,"times":"2"}')).toThrow(/times/);
  });
});
