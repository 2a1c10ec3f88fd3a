import { beforeAll, describe, expect, inject, it } from "vitest";
import { waitForPrism } from "../../../test-utils/prism.js";

// Prism validates against the committed inference specs (specs/), which have no files routes:
// files are in Azure's authoring specs, which are not committed. Prism therefore cannot validate
// these requests; this test proves it (Prism answers "no path matched" instead of passing the
// request on), so the day the specs gain the routes the test fails and a real check replaces it.
// The request shapes are checked against the emulator and the authoring specs' facts instead
// (files.test.ts, versions.test.ts).
describe("Prism and the files routes", () => {
  const preview = inject("prismPreviewUrl");
  beforeAll(() => waitForPrism(preview), 90_000);

  it("has no files route to validate against", async () => {
    const res = await fetch(`${preview}/openai/files?api-version=2025-04-01-preview`, {
      headers: { "api-key": inject("emulatorApiKey") },
    });
    expect(res.status).toBe(404);
    const problem = (await res.json()) as { type?: string };
    expect(problem.type).toMatch(/NO_PATH_MATCHED_ERROR$/);
  });
});
