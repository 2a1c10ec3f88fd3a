import { beforeAll, describe, expect, inject, it } from "vitest";
import { waitForPrism } from "../../../test-utils/prism.js";

// Prism validates against the committed inference specs (specs/), which have no fine-tuning
// routes: they are in Azure's authoring specs, which are not committed. Prism therefore cannot
// validate these requests; this test proves it (Prism answers "no path matched"), so the day the
// specs gain the routes the test fails and a real check replaces it. The request shapes are
// checked against the emulator and the authoring specs' facts instead (fine-tuning.test.ts,
// versions.test.ts).
describe("Prism and the fine-tuning routes", () => {
  const preview = inject("prismPreviewUrl");
  beforeAll(() => waitForPrism(preview), 90_000);

  it("has no fine-tuning route to validate against", async () => {
    const res = await fetch(`${preview}/openai/fine_tuning/jobs?api-version=2025-04-01-preview`, {
      headers: { "api-key": inject("emulatorApiKey") },
    });
    expect(res.status).toBe(404);
    expect(((await res.json()) as { type?: string }).type).toMatch(/NO_PATH_MATCHED_ERROR$/);
  });
});
