import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bundleNodeScript } from "../../../test-utils/node-script.js";
import { deploymentUrl, USER_CHAT } from "./helpers.js";

// The CLI is TypeScript; bundle it once with esbuild (fast) rather than depending on a prior build.
let dir: string;
let cli: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "aoai-emulator-cli-"));
  cli = join(dir, "cli.mjs");
  await bundleNodeScript(new URL("../src/cli.ts", import.meta.url), cli);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs the CLI with `args`, hands its URL to `use`, and stops it by its PID. */
async function withCli(args: string[], use: (base: string) => Promise<void>): Promise<void> {
  const child = spawn(process.execPath, [cli, ...args], { stdio: ["ignore", "pipe", "pipe"] });
  try {
    const base = await new Promise<string>((resolve, reject) => {
      createInterface({ input: child.stdout! }).once("line", resolve);
      child.once("exit", (code) => reject(new Error(`cli exited early with ${code}`)));
    });
    await use(base);
  } finally {
    if (child.exitCode === null) {
      const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
      process.kill(child.pid!, "SIGTERM");
      await exited;
    }
  }
}

describe("aoai-emulator CLI", () => {
  it("prints its URL first, serves requests with the given key, and stops on SIGTERM", async () => {
    const child = spawn(process.execPath, [cli, "--port", "0", "--api-key", "cli-key"], {
      stdio: ["ignore", "pipe", "pipe"],
    });
    try {
      const firstLine = await new Promise<string>((resolve, reject) => {
        createInterface({ input: child.stdout! }).once("line", resolve);
        child.once("exit", (code) => reject(new Error(`cli exited early with ${code}`)));
      });
      expect(firstLine).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const url = deploymentUrl(firstLine, "gpt-4o", "chat/completions");
      const ok = await fetch(url, {
        method: "POST",
        headers: { "api-key": "cli-key", "content-type": "application/json" },
        body: JSON.stringify(USER_CHAT),
      });
      expect(ok.status).toBe(200);
      expect((await ok.json()).object).toBe("chat.completion");
      const denied = await fetch(url, { method: "POST", headers: { "api-key": "emulator-key" }, body: "{}" });
      expect(denied.status).toBe(401);
    } finally {
      if (child.exitCode === null) {
        const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
        process.kill(child.pid!, "SIGTERM");
        expect(await exited).toBe(0);
      }
    }
  });

  it("takes deployments with their models and the time scale", async () => {
    await withCli(
      ["--deployment", "chat=gpt-4o-2024-11-20", "--only-deployments", "--time-scale", "0"],
      async (base) => {
        const post = (url: string, body: unknown) =>
          fetch(url, {
            method: "POST",
            headers: { "api-key": "emulator-key", "content-type": "application/json" },
            body: JSON.stringify(body),
          });
        const chat = await post(deploymentUrl(base, "chat", "chat/completions"), USER_CHAT);
        expect((await chat.json()).model).toBe("gpt-4o-2024-11-20");
        expect((await post(deploymentUrl(base, "gpt-4o", "chat/completions"), USER_CHAT)).status).toBe(404);
        // With --time-scale 0 an uploaded file is processed as soon as it is looked at.
        const form = new FormData();
        form.append("purpose", "batch");
        form.append("file", new Blob(['{"custom_id":"a"}\n']), "in.jsonl");
        const upload = await fetch(`${base}/openai/files?api-version=2024-10-21`, {
          method: "POST",
          headers: { "api-key": "emulator-key" },
          body: form,
        });
        const { id } = await upload.json();
        const file = await fetch(`${base}/openai/files/${id}?api-version=2024-10-21`, {
          headers: { "api-key": "emulator-key" },
        });
        expect((await file.json()).status).toBe("processed");
      },
    );
  });

  it("enforces a --quota per deployment", async () => {
    await withCli(["--quota", "gpt-4o=rpm:1", "--quota-window-ms", "60000"], async (base) => {
      const post = (deployment: string) =>
        fetch(deploymentUrl(base, deployment, "chat/completions"), {
          method: "POST",
          headers: { "api-key": "emulator-key", "content-type": "application/json" },
          body: JSON.stringify(USER_CHAT),
        });
      expect((await post("gpt-4o")).status).toBe(200);
      const refused = await post("gpt-4o");
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get("retry-after-ms"))).toBeGreaterThan(0);
      expect((await post("gpt-4o-mini")).status).toBe(200);
    });
  });

  it("rejects a bad port, time scale, deployment or quota with exit code 1", async () => {
    for (const args of [
      ["--port", "nope"],
      ["--time-scale", "-1"],
      ["--deployment", "no-model"],
      ["--quota", "gpt-4o=rpm:0"],
      ["--quota", "gpt-4o=qps:3"],
      ["--quota-window-ms", "0"],
    ]) {
      const child = spawn(process.execPath, [cli, ...args], { stdio: ["ignore", "pipe", "pipe"] });
      const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
      expect(code, args.join(" ")).toBe(1);
    }
  });
});
