import { createdFrom } from "../hash.js";
import type { ImageStore } from "../image-store.js";
import type { Reply } from "../reply.js";
import { readImageOptions } from "./image-options.js";
import { imageData } from "./image-output.js";
import type { OpRequest } from "./types.js";

/**
 * `images/generations`: small real PNGs (or JPEGs), as `url` (served by the emulator) or
 * `b64_json`. DALL-E deployments answer `url` by default with a `revised_prompt`; GPT image
 * deployments (a model name with `gpt-image`) answer `b64_json` with `usage`.
 */
export function imageGenerations(req: OpRequest, store: ImageStore): Reply {
  const options = readImageOptions(req);
  const size = options.size ?? [1024, 1024];
  const { data, usage } = imageData(options, size, options.prompt, req.seed, store, req.baseUrl);
  return {
    kind: "json",
    status: 200,
    body: { created: createdFrom(req.seed), data, ...(usage && { usage }) },
  };
}
