import type { Response, ResponseWithText } from "./response-types.js";

/** The text of every `output_text` part of the response's messages, joined (as `openai`'s `output_text`). */
export function outputText(response: Pick<Response, "output">): string {
  let text = "";
  for (const item of response.output ?? [])
    if (item.type === "message")
      for (const part of item.content ?? []) if (part.type === "output_text") text += part.text;
  return text;
}

/** Adds `output_text` to a response the service sent (the same object, not a copy). */
export function withText<T extends Response>(response: T): T & ResponseWithText {
  (response as T & ResponseWithText).output_text = outputText(response);
  return response as T & ResponseWithText;
}
