// Server events, as the service names them. The GA API renamed the response's output events
// (`response.output_audio.delta`, `response.output_audio_transcript.delta`,
// `response.output_text.delta`); the preview API sends `response.audio.delta`,
// `response.audio_transcript.delta` and `response.text.delta`. Both are typed, and the helpers
// read either.
import type { RealtimeContentPart, RealtimeItem, RealtimeSessionConfig } from "./request-types.js";

/** The `error` of an `error` event. */
export interface RealtimeErrorDetails {
  type: string;
  code?: string | null;
  message: string;
  param?: string | null;
  /** The client event that caused it. */
  event_id?: string | null;
}

/** Token counts of a response. */
export interface RealtimeUsage {
  total_tokens?: number;
  input_tokens?: number;
  output_tokens?: number;
  input_token_details?: Record<string, unknown>;
  output_token_details?: Record<string, unknown>;
}

/** A response, as `response.created` and `response.done` carry it. */
export interface RealtimeResponse {
  id: string;
  object: "realtime.response";
  status: "in_progress" | "completed" | "cancelled" | "failed" | "incomplete";
  status_details?: {
    type?: string;
    reason?: string;
    error?: { type?: string; code?: string } | null;
  } | null;
  output: RealtimeItem[];
  usage?: RealtimeUsage | null;
  conversation_id?: string | null;
  metadata?: Record<string, string> | null;
  [key: string]: unknown;
}

/** A session as the service reports it (`session.created`, `session.updated`). */
export interface RealtimeSessionState extends RealtimeSessionConfig {
  id: string;
  object?: string;
  expires_at?: number;
  [key: string]: unknown;
}

/** Fields every server event has. */
export interface ServerEventBase {
  event_id: string;
}
/** Where a piece of a response belongs. */
export interface ResponsePart extends ServerEventBase {
  response_id: string;
  item_id: string;
  output_index: number;
  content_index: number;
}

export interface ErrorEvent extends ServerEventBase {
  type: "error";
  error: RealtimeErrorDetails;
}
export interface SessionCreatedEvent extends ServerEventBase {
  type: "session.created";
  session: RealtimeSessionState;
}
export interface SessionUpdatedEvent extends ServerEventBase {
  type: "session.updated";
  session: RealtimeSessionState;
}
/** Preview. */
export interface TranscriptionSessionUpdatedEvent extends ServerEventBase {
  type: "transcription_session.updated";
  session: Record<string, unknown>;
}
/** Preview. */
export interface ConversationCreatedEvent extends ServerEventBase {
  type: "conversation.created";
  conversation: { id: string; object: "realtime.conversation" };
}
export interface ConversationItemEvent extends ServerEventBase {
  type:
    | "conversation.item.created"
    | "conversation.item.added"
    | "conversation.item.done"
    | "conversation.item.retrieved";
  previous_item_id?: string | null;
  item: RealtimeItem;
}
export interface ConversationItemDeletedEvent extends ServerEventBase {
  type: "conversation.item.deleted";
  item_id: string;
}
export interface ConversationItemTruncatedEvent extends ServerEventBase {
  type: "conversation.item.truncated";
  item_id: string;
  content_index: number;
  audio_end_ms: number;
}
export interface InputAudioTranscriptionCompletedEvent extends ServerEventBase {
  type: "conversation.item.input_audio_transcription.completed";
  item_id: string;
  content_index: number;
  transcript: string;
  usage?: Record<string, unknown>;
}
export interface InputAudioTranscriptionDeltaEvent extends ServerEventBase {
  type: "conversation.item.input_audio_transcription.delta";
  item_id: string;
  content_index?: number;
  delta: string;
}
export interface InputAudioTranscriptionFailedEvent extends ServerEventBase {
  type: "conversation.item.input_audio_transcription.failed";
  item_id: string;
  content_index: number;
  error: RealtimeErrorDetails;
}
export interface InputAudioTranscriptionSegmentEvent extends ServerEventBase {
  type: "conversation.item.input_audio_transcription.segment";
  item_id: string;
  content_index: number;
  id: string;
  text: string;
  speaker?: string;
  start: number;
  end: number;
}
export interface InputAudioBufferCommittedEvent extends ServerEventBase {
  type: "input_audio_buffer.committed";
  previous_item_id?: string | null;
  item_id: string;
}
export interface InputAudioBufferClearedEvent extends ServerEventBase {
  type: "input_audio_buffer.cleared";
}
export interface InputAudioBufferSpeechStartedEvent extends ServerEventBase {
  type: "input_audio_buffer.speech_started";
  audio_start_ms: number;
  item_id: string;
}
export interface InputAudioBufferSpeechStoppedEvent extends ServerEventBase {
  type: "input_audio_buffer.speech_stopped";
  audio_end_ms: number;
  item_id: string;
}
export interface InputAudioBufferTimeoutTriggeredEvent extends ServerEventBase {
  type: "input_audio_buffer.timeout_triggered";
  audio_start_ms: number;
  audio_end_ms: number;
  item_id: string;
}
/** WebRTC only. */
export interface OutputAudioBufferEvent extends ServerEventBase {
  type: "output_audio_buffer.started" | "output_audio_buffer.stopped" | "output_audio_buffer.cleared";
  response_id: string;
}
export interface RateLimitsUpdatedEvent extends ServerEventBase {
  type: "rate_limits.updated";
  rate_limits: { name: string; limit: number; remaining: number; reset_seconds: number }[];
}
export interface ResponseCreatedEvent extends ServerEventBase {
  type: "response.created";
  response: RealtimeResponse;
}
export interface ResponseDoneEvent extends ServerEventBase {
  type: "response.done";
  response: RealtimeResponse;
}
export interface ResponseOutputItemEvent extends ServerEventBase {
  type: "response.output_item.added" | "response.output_item.done";
  response_id: string;
  output_index: number;
  item: RealtimeItem;
}
export interface ResponseContentPartEvent extends ResponsePart {
  type: "response.content_part.added" | "response.content_part.done";
  part: RealtimeContentPart;
}
/** A text or transcript delta: GA `response.output_*`, preview `response.text`/`response.audio_transcript`. */
export interface ResponseTextDeltaEvent extends ResponsePart {
  type:
    | "response.output_text.delta"
    | "response.text.delta"
    | "response.output_audio_transcript.delta"
    | "response.audio_transcript.delta";
  delta: string;
}
export interface ResponseTextDoneEvent extends ResponsePart {
  type: "response.output_text.done" | "response.text.done";
  text: string;
}
export interface ResponseAudioTranscriptDoneEvent extends ResponsePart {
  type: "response.output_audio_transcript.done" | "response.audio_transcript.done";
  transcript: string;
}
/** Base64 audio in the session's output format: GA `response.output_audio.delta`, preview `response.audio.delta`. */
export interface ResponseAudioDeltaEvent extends ResponsePart {
  type: "response.output_audio.delta" | "response.audio.delta";
  delta: string;
}
export interface ResponseAudioDoneEvent extends ResponsePart {
  type: "response.output_audio.done" | "response.audio.done";
}
export interface ResponseFunctionCallArgumentsDeltaEvent extends ServerEventBase {
  type: "response.function_call_arguments.delta";
  response_id: string;
  item_id: string;
  output_index: number;
  call_id: string;
  delta: string;
}
export interface ResponseFunctionCallArgumentsDoneEvent extends ServerEventBase {
  type: "response.function_call_arguments.done";
  response_id: string;
  item_id: string;
  output_index: number;
  call_id: string;
  /** GA sends the function's name here too. */
  name?: string;
  arguments: string;
}

/**
 * Every server event the service documents. A session also hands over events this SDK does not
 * know (a newer one, `mcp_list_tools.*`…) as they came; TypeScript cannot narrow a union that has
 * an open `type: string` member, so read those through {@link UnknownServerEvent}:
 * `if ((event.type as string) === "mcp_list_tools.completed") use(event as UnknownServerEvent)`.
 */
export type RealtimeServerEvent =
  | ErrorEvent
  | SessionCreatedEvent
  | SessionUpdatedEvent
  | TranscriptionSessionUpdatedEvent
  | ConversationCreatedEvent
  | ConversationItemEvent
  | ConversationItemDeletedEvent
  | ConversationItemTruncatedEvent
  | InputAudioTranscriptionCompletedEvent
  | InputAudioTranscriptionDeltaEvent
  | InputAudioTranscriptionFailedEvent
  | InputAudioTranscriptionSegmentEvent
  | InputAudioBufferCommittedEvent
  | InputAudioBufferClearedEvent
  | InputAudioBufferSpeechStartedEvent
  | InputAudioBufferSpeechStoppedEvent
  | InputAudioBufferTimeoutTriggeredEvent
  | OutputAudioBufferEvent
  | RateLimitsUpdatedEvent
  | ResponseCreatedEvent
  | ResponseDoneEvent
  | ResponseOutputItemEvent
  | ResponseContentPartEvent
  | ResponseTextDeltaEvent
  | ResponseTextDoneEvent
  | ResponseAudioTranscriptDoneEvent
  | ResponseAudioDeltaEvent
  | ResponseAudioDoneEvent
  | ResponseFunctionCallArgumentsDeltaEvent
  | ResponseFunctionCallArgumentsDoneEvent;

/** An event this SDK does not know, as it came. */
export interface UnknownServerEvent {
  type: string;
  event_id?: string;
  [key: string]: unknown;
}
