import { API_VERSIONS } from "@aoai/core";
import { expect, it } from "vitest";
import { loadSpec, requestSchema, schemaProperties } from "../../../test-utils/specs.js";
import { versions } from "./versions.js";

const ROUTES = [
  "/openai/vector_stores",
  "/openai/vector_stores/{vector_store_id}",
  "/openai/vector_stores/{vector_store_id}/files",
  "/openai/vector_stores/{vector_store_id}/files/{file_id}",
  "/openai/vector_stores/{vector_store_id}/files/{file_id}/content",
  "/openai/vector_stores/{vector_store_id}/search",
  "/openai/vector_stores/{vector_store_id}/file_batches",
  "/openai/vector_stores/{vector_store_id}/file_batches/{batch_id}",
  "/openai/vector_stores/{vector_store_id}/file_batches/{batch_id}/cancel",
  "/openai/vector_stores/{vector_store_id}/file_batches/{batch_id}/files",
];

it("has every route of the 2025-04-01-preview spec, and 2024-10-21 has none", () => {
  const preview = Object.keys(loadSpec("2025-04-01-preview").paths).filter((p) =>
    p.includes("vector_stores"),
  );
  expect(preview.sort()).toEqual([...ROUTES].sort());
  expect(Object.keys(loadSpec("2024-10-21").paths).filter((p) => p.includes("vector_stores"))).toEqual([]);
  expect(versions("vector_stores")).toContain("2025-04-01-preview");
  expect(versions("vector_stores")).not.toContain("2024-10-21");
  expect(versions("vector_stores")).not.toContain("2024-06-01");
  // No preview this SDK knows is refused, and v1 (GA) has them.
  expect(versions("vector_stores")).toEqual(
    API_VERSIONS.filter((v) => v !== "2024-06-01" && v !== "2024-10-21"),
  );
});

it("attributes on add and on batches are refused only where the spec closes the request without them", () => {
  const preview = "2025-04-01-preview";
  for (const path of [
    "/vector_stores/{vector_store_id}/files",
    "/vector_stores/{vector_store_id}/file_batches",
  ]) {
    const schema = requestSchema(preview, path);
    expect(schema.additionalProperties).toBe(false);
    expect(Object.keys(schemaProperties(preview, schema))).not.toContain("attributes");
  }
  expect(versions("attributes")).toEqual(["v1", "preview"]);
  // Updating attributes later is in the dated spec, so it is not gated.
  const update = requestSchema(preview, "/vector_stores/{vector_store_id}/files/{file_id}");
  expect(Object.keys(schemaProperties(preview, update))).toEqual(["attributes"]);
});

it("the batch limit and the search bounds are the spec's", () => {
  const preview = "2025-04-01-preview";
  const batch = schemaProperties(
    preview,
    requestSchema(preview, "/vector_stores/{vector_store_id}/file_batches"),
  );
  expect(batch.file_ids).toMatchObject({ minItems: 1, maxItems: 500 });
  const create = schemaProperties(preview, requestSchema(preview, "/vector_stores"));
  expect(create.file_ids).toMatchObject({ maxItems: 500 });
  const search = schemaProperties(preview, requestSchema(preview, "/vector_stores/{vector_store_id}/search"));
  expect(search.max_num_results).toMatchObject({ minimum: 1, maximum: 50 });
});
