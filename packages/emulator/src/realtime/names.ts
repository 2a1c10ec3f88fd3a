/** Which realtime API a session speaks: the GA route's event names and shapes, or the preview's. */
export type Dialect = "ga" | "preview";

/** Server event names that differ between the GA API and the preview API. */
export function eventNames(dialect: Dialect) {
  const ga = dialect === "ga";
  return {
    itemAdded: ga ? "conversation.item.added" : "conversation.item.created",
    audioDelta: ga ? "response.output_audio.delta" : "response.audio.delta",
    audioDone: ga ? "response.output_audio.done" : "response.audio.done",
    transcriptDelta: ga ? "response.output_audio_transcript.delta" : "response.audio_transcript.delta",
    transcriptDone: ga ? "response.output_audio_transcript.done" : "response.audio_transcript.done",
    textDelta: ga ? "response.output_text.delta" : "response.text.delta",
    textDone: ga ? "response.output_text.done" : "response.text.done",
    audioPart: ga ? "output_audio" : "audio",
    textPart: ga ? "output_text" : "text",
  };
}

/** Client events the service takes; anything else gets an `invalid_value` error. */
export const CLIENT_EVENTS: readonly string[] = [
  "session.update",
  "input_audio_buffer.append",
  "input_audio_buffer.commit",
  "input_audio_buffer.clear",
  "output_audio_buffer.clear",
  "conversation.item.create",
  "conversation.item.retrieve",
  "conversation.item.truncate",
  "conversation.item.delete",
  "response.create",
  "response.cancel",
  "transcription_session.update",
];
