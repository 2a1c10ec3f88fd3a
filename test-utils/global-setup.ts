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
 * time. The specs are committed (specs/), so Prism always starts and its tests always run.
 * AOAI_PRISM_TIMING=1 prints how long each proxy took to start.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const emulator = await startEmulator();
  const launched = await Promise.allSettled([
    launchPrism({ target: emulator.url, version: "2024-10-21" }),
    launchPrism({ target: emulator.url, version: "2025-04-01-preview" }),
  ]);
  const proxies = launched.flatMap((r) => (r.status === "fulfilled" ? [r.value] : []));
  const failed = launched.find((r): r is PromiseRejectedResult => r.status === "rejected");
  if (failed) {
    await Promise.all(proxies.map((p) => p.close()));
    await emulator.close();
    throw failed.reason;
  }
  const [ga, preview] = proxies as [LaunchedPrism, LaunchedPrism];
  let closing = false;
  for (const proxy of proxies) {
    // Failures surface in the tests that wait for the proxy; keep them from being unhandled here.
    proxy.ready.then(
      (ms) => {
        if (process.env.AOAI_PRISM_TIMING === "1")
          process.stderr.write(`prism ${proxy.url} ready in ${ms} ms\n`);
      },
      // A run shorter than Prism's startup closes it before it is up; that is no failure.
      (error: unknown) => {
        if (!closing) process.stderr.write(`prism failed to start: ${String(error)}\n`);
      },
    );
  }
  project.provide("emulatorUrl", emulator.url);
  project.provide("emulatorApiKey", emulator.apiKey);
  project.provide("prismGaUrl", ga.url);
  project.provide("prismPreviewUrl", preview.url);
  return async () => {
    closing = true;
    await Promise.all(proxies.map((p) => p.close()));
    await emulator.close();
  };
}
