import type { Wire } from "./helpers.js";

/** Calls a resource route of an emulator with its default key; JSON in and out. */
export function resourceCaller(base: string, apiVersion = "2024-10-21") {
  const url = (path: string, query = "") =>
    apiVersion === "v1"
      ? `${base}/openai/v1/${path}${query ? `?${query}` : ""}`
      : `${base}/openai/${path}?api-version=${apiVersion}${query ? `&${query}` : ""}`;
  const call = async (
    method: string,
    path: string,
    options: { body?: unknown; query?: string; headers?: Record<string, string> } = {},
  ): Promise<{ status: number; json: Wire; text: string; res: Response }> => {
    const isForm = options.body instanceof FormData;
    const res = await fetch(url(path, options.query), {
      method,
      headers: {
        "api-key": "emulator-key",
        ...(options.body !== undefined && !isForm && { "content-type": "application/json" }),
        ...options.headers,
      },
      body: isForm
        ? (options.body as FormData)
        : options.body === undefined
          ? undefined
          : JSON.stringify(options.body),
    });
    const text = await res.text();
    let json: Wire;
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
    return { status: res.status, json, text, res };
  };
  return { url, call };
}

/** A multipart upload body for `files`. */
export function uploadForm(
  content: string,
  purpose: string,
  filename = "data.jsonl",
  extra: Record<string, string> = {},
): FormData {
  const form = new FormData();
  form.set("purpose", purpose);
  for (const [k, v] of Object.entries(extra)) form.set(k, v);
  form.set("file", new Blob([content], { type: "application/jsonl" }), filename);
  return form;
}

/** JSONL of chat batch lines for `deployment`. */
export function chatLines(count: number, deployment = "gpt-4o-batch"): string {
  let out = "";
  for (let i = 0; i < count; i++)
    out += `${JSON.stringify({
      custom_id: `task-${i}`,
      method: "POST",
      url: "/chat/completions",
      body: { model: deployment, messages: [{ role: "user", content: `Question ${i}?` }] },
    })}\n`;
  return out;
}

/** JSONL of `count` chat training examples. */
export function trainingLines(count: number): string {
  let out = "";
  for (let i = 0; i < count; i++)
    out += `${JSON.stringify({
      messages: [
        { role: "user", content: `What is ${i} + 1?` },
        { role: "assistant", content: String(i + 1) },
      ],
    })}\n`;
  return out;
}
