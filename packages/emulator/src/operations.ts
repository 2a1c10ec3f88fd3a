import type { ImageStore } from "./image-store.js";
import { chatCompletions } from "./ops/chat.js";
import { completions } from "./ops/completions.js";
import { embeddings } from "./ops/embeddings.js";
import { imageEdits } from "./ops/image-edits.js";
import { imageGenerations } from "./ops/images.js";
import { speech } from "./ops/speech.js";
import { transcribe } from "./ops/transcriptions.js";
import type { OpRequest } from "./ops/types.js";
import type { Reply } from "./reply.js";

/** Operations the emulator implements. */
export const EMULATED_OPERATIONS = [
  "chat/completions",
  "completions",
  "embeddings",
  "images/generations",
  "images/edits",
  "audio/speech",
  "audio/transcriptions",
  "audio/translations",
  "responses",
] as const;

/**
 * Runs the handler of `operation`, or returns undefined when the emulator does not have one.
 * Speech may wait for its encoder to load.
 */
export function runOperation(
  operation: string,
  req: OpRequest,
  images: ImageStore,
): Reply | Promise<Reply> | undefined {
  switch (operation) {
    case "chat/completions":
      return chatCompletions(req);
    case "completions":
      return completions(req);
    case "embeddings":
      return embeddings(req);
    case "images/generations":
      return imageGenerations(req, images);
    case "images/edits":
      return imageEdits(req, images);
    case "audio/speech":
      return speech(req);
    case "audio/transcriptions":
      return transcribe(req, "transcribe");
    case "audio/translations":
      return transcribe(req, "translate");
    default:
      return undefined;
  }
}

/** Operations whose body is multipart/form-data. */
export function takesMultipart(operation: string): boolean {
  return (
    operation === "audio/transcriptions" || operation === "audio/translations" || operation === "images/edits"
  );
}
