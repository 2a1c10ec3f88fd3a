/// <reference path="./provided.d.ts" />
import type { TestProject } from "vitest/node";
import { startEmulator } from "../packages/emulator/src/index.js";
import { type LaunchedPrism, launchPrism } from "./prism.js";

/**
 * Starts, once per vitest project, the shared emulator on 127.0.0.1 (a free port) and two Prism
 * validating proxies in front of it (GA 2024-10-21 and preview 2025-04-01-preview).
 *
 * Prism needs 1-1.5 s alone and 3-5 s on a busy machine, so setup does not wait for it: the
 * proxies start in the background while tests run, and a test that uses a Prism URL first calls
 * `waitForPrism(url)` from test-utils/prism.ts. Runs that never touch Prism pay nothing in wall
 * time. AOAI_PRISM=0 skips Prism entirely (the URLs are then "" and Prism tests skip themselves);
 * AOAI_PRISM_TIMING=1 prints how long each proxy took to start.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const emulator = await startEmulator();
  let proxies: LaunchedPrism[] = [];
  if (process.env.AOAI_PRISM !== "0") {
    try {
      proxies = await Promise.all([
        launchPrism({ target: emulator.url, version: "2024-10-21" }),
        launchPrism({ target: emulator.url, version: "2025-04-01-preview" }),
      ]);
    } catch (error) {
      await Promise.all(proxies.map((p) => p.close()));
      await emulator.close();
      throw error;
    }
    for (const proxy of proxies) {
      // Failures surface in the tests that wait for the proxy; keep them from being unhandled here.
      proxy.ready.then(
        (ms) => {
          if (process.env.AOAI_PRISM_TIMING === "1")
            process.stderr.write(`prism ${proxy.url} ready in ${ms} ms\n`);
        },
        (error: unknown) => process.stderr.write(`prism failed to start: ${String(error)}\n`),
      );
    }
  }
  project.provide("emulatorUrl", emulator.url);
  project.provide("emulatorApiKey", emulator.apiKey);
  project.provide("prismGaUrl", proxies[0]?.url ?? "");
  project.provide("prismPreviewUrl", proxies[1]?.url ?? "");
  return async () => {
    await Promise.all(proxies.map((p) => p.close()));
    await emulator.close();
  };
}
