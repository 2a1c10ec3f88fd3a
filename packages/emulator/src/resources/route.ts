import { notFound } from "../errors.js";
import type { ResolvedOptions } from "../options.js";
import { pathVersion } from "../router.js";
import { VECTOR_STORE_TEMPLATES } from "./vector-stores.js";
import { resourceVersions } from "./versions.js";

/** A request for a resource (files, batches, fine-tuning jobs) rather than a deployment's operation. */
export interface ResourceRoute {
  shape: "resource" | "v1";
  /** The path template, e.g. `files/{file_id}/content`: the fault scope's `operation`. */
  operation: string;
  /** Values of the template's placeholders. */
  params: Record<string, string>;
  /** The dated `api-version`, or `v1` / `preview` on the v1 API. */
  apiVersion: string;
  query: URLSearchParams;
}

const RESOURCE = /^\/openai\/(v1\/)?((?:files|batches|fine_tuning|vector_stores)(?:\/.*)?)$/;

// Each template: its segments (`{x}` is a placeholder) and the version family it belongs to.
const TEMPLATES: readonly [string, string][] = [
  ["files", "files"],
  ["files/{file_id}", "files"],
  ["files/{file_id}/content", "files"],
  ["batches", "batches"],
  ["batches/{batch_id}", "batches"],
  ["batches/{batch_id}/cancel", "batches"],
  ["fine_tuning/jobs", "fine_tuning"],
  ["fine_tuning/jobs/{job_id}", "fine_tuning"],
  ["fine_tuning/jobs/{job_id}/events", "fine_tuning"],
  ["fine_tuning/jobs/{job_id}/checkpoints", "fine_tuning"],
  ["fine_tuning/jobs/{job_id}/cancel", "fine_tuning"],
  ["fine_tuning/jobs/{job_id}/pause", "fine_tuning/pause"],
  ["fine_tuning/jobs/{job_id}/resume", "fine_tuning/pause"],
  ...VECTOR_STORE_TEMPLATES,
];

/**
 * The resource route of a path, or `undefined` when the path is not a resource's (the deployment
 * router takes it). Like Azure, an unknown path, a missing or unknown `api-version` and a route
 * the version lacks all answer 404; the v1 API refuses a dated `api-version` with 400.
 */
export function matchResource(pathname: string, query: URLSearchParams): ResourceRoute | undefined {
  const m = RESOURCE.exec(pathname);
  if (!m) return undefined;
  const v1 = m[1] !== undefined;
  const apiVersion = pathVersion(v1, query.get("api-version"));
  const segments = m[2]!.replace(/\/$/, "").split("/");
  for (const [template, family] of TEMPLATES) {
    const params = matchTemplate(template, segments);
    if (!params) continue;
    if (!resourceVersions(family)?.includes(apiVersion)) throw notFound();
    return { shape: v1 ? "v1" : "resource", operation: template, params, apiVersion, query };
  }
  throw notFound();
}

function matchTemplate(template: string, segments: readonly string[]): Record<string, string> | undefined {
  const parts = template.split("/");
  if (parts.length !== segments.length) return undefined;
  const params: Record<string, string> = {};
  for (const [i, part] of parts.entries()) {
    const segment = segments[i]!;
    if (part.startsWith("{")) {
      let value: string;
      try {
        value = decodeURIComponent(segment);
      } catch {
        return undefined;
      }
      if (!value) return undefined;
      params[part.slice(1, -1)] = value;
    } else if (part !== segment) return undefined;
  }
  return params;
}

// Room for the multipart framing and the text fields around the file.
const FORM_OVERHEAD = 1024 * 1024;

/** The largest request body accepted: file uploads may carry up to `maxFileBytes`. */
export function bodyLimit(pathname: string, multipart: boolean, options: ResolvedOptions): number {
  if (!multipart) return options.maxJsonBodyBytes;
  const upload = /^\/openai\/(?:v1\/)?files\/?$/.test(pathname);
  return upload
    ? Math.max(options.maxMultipartBodyBytes, options.maxFileBytes + FORM_OVERHEAD)
    : options.maxMultipartBodyBytes;
}
