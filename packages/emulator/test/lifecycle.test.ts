import { Agent, request } from "node:http";
import { describe, expect, it } from "vitest";
import { startEmulator } from "../src/index.js";
import { deploymentUrl, USER_CHAT } from "./helpers.js";

describe("lifecycle", () => {
  it("binds 127.0.0.1 on a free port by default", async () => {
    const emulator = await startEmulator();
    expect(emulator.host).toBe("127.0.0.1");
    expect(emulator.port).toBeGreaterThan(0);
    expect(emulator.url).toBe(`http://127.0.0.1:${emulator.port}`);
    await emulator.close();
  });

  it("close() ends keep-alive connections and resolves promptly", async () => {
    const emulator = await startEmulator();
    const agent = new Agent({ keepAlive: true });
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(
        deploymentUrl(emulator.url, "gpt-4o", "chat/completions"),
        { method: "POST", agent, headers: { "api-key": "emulator-key", "content-type": "application/json" } },
        (res) => {
          res.resume();
          res.on("end", () => resolve(res.statusCode!));
        },
      );
      req.on("error", reject);
      req.end(JSON.stringify(USER_CHAT));
    });
    expect(status).toBe(200);
    const started = performance.now();
    await emulator.close();
    expect(performance.now() - started).toBeLessThan(1000);
    await expect(fetch(`${emulator.url}/emulator/health`)).rejects.toThrow();
    agent.destroy();
  });

  it("close() also ends a stream in flight", async () => {
    const emulator = await startEmulator();
    const res = await fetch(deploymentUrl(emulator.url, "gpt-4o", "chat/completions"), {
      method: "POST",
      headers: {
        "api-key": "emulator-key",
        "content-type": "application/json",
        "x-aoai-emulator-fault": '{"kind":"slow-stream","chunk_delay_ms":1000}',
      },
      body: JSON.stringify({ ...USER_CHAT, stream: true }),
    });
    const started = performance.now();
    await emulator.close();
    expect(performance.now() - started).toBeLessThan(1000);
    await expect(res.text()).rejects.toThrow();
  });
});
