// Client events, as the service names them. The GA API (`/openai/v1/realtime`, gpt-realtime) and the
// preview API (`/openai/realtime?api-version=2025-04-01-preview`) share most of them; where their
// session shapes differ both are typed, each field marked with the API that has it.

/** An audio format: GA takes an object, the preview API a name. */
export type RealtimeAudioFormat =
  | { type: "audio/pcm"; rate?: 24000 }
  | { type: "audio/pcmu" }
  | { type: "audio/pcma" }
  | "pcm16"
  | "g711_ulaw"
  | "g711_alaw";

/** How the service finds the end of a user's turn; `null` turns it off (commit by hand). */
export type RealtimeTurnDetection =
  | {
      type: "server_vad";
      threshold?: number;
      prefix_padding_ms?: number;
      silence_duration_ms?: number;
      create_response?: boolean;
      interrupt_response?: boolean;
      idle_timeout_ms?: number | null;
    }
  | {
      type: "semantic_vad";
      eagerness?: "low" | "medium" | "high" | "auto";
      create_response?: boolean;
      interrupt_response?: boolean;
    }
  | null;

/** Transcription of the user's audio. On Azure `model` names a transcription deployment. */
export interface RealtimeTranscriptionConfig {
  model?: string;
  language?: string;
  prompt?: string;
}

/** A function the model may call. */
export interface RealtimeFunctionTool {
  type: "function";
  name: string;
  description?: string;
  /** A JSON Schema of the arguments. */
  parameters?: Record<string, unknown>;
}

export type RealtimeToolChoice = "auto" | "none" | "required" | { type: "function"; name: string };

/** Session settings (`session.update`, `client_secrets`, `response.create`'s overrides). */
export interface RealtimeSessionConfig {
  /** GA: `"realtime"` (or `"transcription"`); required by the GA API on `session.update`. */
  type?: "realtime" | "transcription";
  /** The deployment; filled in by `createClientSecret`. */
  model?: string;
  instructions?: string;
  /** GA. @default ["audio"] */
  output_modalities?: ("text" | "audio")[];
  /** GA: input and output audio settings. */
  audio?: {
    input?: {
      format?: RealtimeAudioFormat;
      transcription?: RealtimeTranscriptionConfig | null;
      turn_detection?: RealtimeTurnDetection;
      noise_reduction?: { type: "near_field" | "far_field" } | null;
    };
    output?: { format?: RealtimeAudioFormat; voice?: string; speed?: number };
  };
  tools?: RealtimeFunctionTool[];
  tool_choice?: RealtimeToolChoice;
  max_output_tokens?: number | "inf";
  /** Preview. */
  modalities?: ("text" | "audio")[];
  /** Preview. */
  voice?: string;
  /** Preview. */
  input_audio_format?: RealtimeAudioFormat;
  /** Preview. */
  output_audio_format?: RealtimeAudioFormat;
  /** Preview. */
  input_audio_transcription?: RealtimeTranscriptionConfig | null;
  /** Preview. */
  turn_detection?: RealtimeTurnDetection;
  /** Preview. */
  input_audio_noise_reduction?: { type: "near_field" | "far_field" } | null;
  /** Preview. */
  temperature?: number;
  /** Preview. */
  max_response_output_tokens?: number | "inf";
  tracing?: "auto" | Record<string, unknown> | null;
  truncation?: "auto" | "disabled" | Record<string, unknown>;
}

/** A content part of a message item. GA names model output `output_text`/`output_audio`. */
export type RealtimeContentPart =
  | { type: "input_text"; text: string }
  | { type: "input_audio"; audio?: string; transcript?: string | null }
  | { type: "input_image"; image_url: string; detail?: "auto" | "low" | "high" }
  | { type: "text" | "output_text"; text: string }
  | { type: "audio" | "output_audio"; audio?: string; transcript?: string | null }
  | { type: "item_reference"; id: string };

/** A conversation item. */
export type RealtimeItem =
  | {
      id?: string;
      object?: "realtime.item";
      type: "message";
      role: "user" | "assistant" | "system";
      status?: "completed" | "incomplete" | "in_progress";
      content: RealtimeContentPart[];
    }
  | {
      id?: string;
      object?: "realtime.item";
      type: "function_call";
      status?: "completed" | "incomplete" | "in_progress";
      call_id: string;
      name: string;
      arguments: string;
    }
  | {
      id?: string;
      object?: "realtime.item";
      type: "function_call_output";
      status?: "completed" | "incomplete" | "in_progress";
      call_id: string;
      output: string;
    };

/** `response.create`'s optional settings for this response only. */
export interface RealtimeResponseConfig extends Omit<RealtimeSessionConfig, "type" | "model"> {
  /** `"none"` makes an out-of-band response that is not added to the conversation. */
  conversation?: "auto" | "none";
  metadata?: Record<string, string> | null;
  /** Items to use as the input instead of the conversation. */
  input?: RealtimeItem[];
}

/** Fields every client event may have. */
export interface ClientEventBase {
  /** Echoed in an `error` event this event causes. */
  event_id?: string;
}

export interface SessionUpdateEvent extends ClientEventBase {
  type: "session.update";
  session: RealtimeSessionConfig;
}
export interface InputAudioBufferAppendEvent extends ClientEventBase {
  type: "input_audio_buffer.append";
  /** Base64 of the audio in the session's input format (PCM16 24 kHz mono by default). */
  audio: string;
}
export interface InputAudioBufferCommitEvent extends ClientEventBase {
  type: "input_audio_buffer.commit";
}
export interface InputAudioBufferClearEvent extends ClientEventBase {
  type: "input_audio_buffer.clear";
}
/** WebRTC only: stops the audio being played. */
export interface OutputAudioBufferClearEvent extends ClientEventBase {
  type: "output_audio_buffer.clear";
}
export interface ConversationItemCreateEvent extends ClientEventBase {
  type: "conversation.item.create";
  previous_item_id?: string | null;
  item: RealtimeItem;
}
export interface ConversationItemRetrieveEvent extends ClientEventBase {
  type: "conversation.item.retrieve";
  item_id: string;
}
export interface ConversationItemTruncateEvent extends ClientEventBase {
  type: "conversation.item.truncate";
  item_id: string;
  content_index: number;
  audio_end_ms: number;
}
export interface ConversationItemDeleteEvent extends ClientEventBase {
  type: "conversation.item.delete";
  item_id: string;
}
export interface ResponseCreateEvent extends ClientEventBase {
  type: "response.create";
  response?: RealtimeResponseConfig;
}
export interface ResponseCancelEvent extends ClientEventBase {
  type: "response.cancel";
  response_id?: string;
}
/** Preview: settings of a transcription-only session. */
export interface TranscriptionSessionUpdateEvent extends ClientEventBase {
  type: "transcription_session.update";
  session: Record<string, unknown>;
}

/** Every event a client sends. */
export type RealtimeClientEvent =
  | SessionUpdateEvent
  | InputAudioBufferAppendEvent
  | InputAudioBufferCommitEvent
  | InputAudioBufferClearEvent
  | OutputAudioBufferClearEvent
  | ConversationItemCreateEvent
  | ConversationItemRetrieveEvent
  | ConversationItemTruncateEvent
  | ConversationItemDeleteEvent
  | ResponseCreateEvent
  | ResponseCancelEvent
  | TranscriptionSessionUpdateEvent;
