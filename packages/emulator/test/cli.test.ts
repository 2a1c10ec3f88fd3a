import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deploymentUrl, USER_CHAT } from "./helpers.js";

// The CLI is TypeScript; bundle it once with esbuild (fast) rather than depending on a prior build.
let dir: string;
let cli: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "aoai-emulator-cli-"));
  cli = join(dir, "cli.mjs");
  await build({
    entryPoints: [fileURLToPath(new URL("../src/cli.ts", import.meta.url))],
    bundle: true,
    platform: "node",
    format: "esm",
    outfile: cli,
    logLevel: "silent",
    // Bundled CommonJS dependencies (via @aoai/core) call require() for Node built-ins.
    banner: {
      js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);",
    },
  });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

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

  it("rejects a bad port with exit code 1", async () => {
    const child = spawn(process.execPath, [cli, "--port", "nope"], { stdio: ["ignore", "pipe", "pipe"] });
    const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
    expect(code).toBe(1);
  });
});
