export { AudioClient } from "./audio-client.js";
export { MAX_SPEECH_INPUT } from "./check-speech.js";
export { MAX_FILE_BYTES } from "./check-transcription.js";
export { createSpeech } from "./create-speech.js";
export {
  type SpeechRequest,
  speechToFile,
  type TranscriptionRequest,
  type TranslationRequest,
} from "./deprecated.js";
export type {
  AudioResponseFormat,
  AudioTextFormat,
  SpeechCreateRequest,
  SpeechFormat,
  SpeechVoice,
  TimestampGranularity,
  TranscriptionChunkingStrategy,
  TranscriptionCreateRequest,
  TranslationCreateRequest,
} from "./request-types.js";
export type {
  Transcription,
  TranscriptionFor,
  TranscriptionLogprob,
  TranscriptionSegment,
  TranscriptionStreamEvent,
  TranscriptionUsage,
  TranscriptionWord,
  TranscriptTextDeltaEvent,
  TranscriptTextDoneEvent,
  VerboseTranscription,
} from "./response-types.js";
export { type SavedSpeech, saveSpeech } from "./save-speech.js";
export { transcribeStream } from "./transcribe-stream.js";
export { TranscriptionAccumulator, TranscriptionStream } from "./transcription-stream.js";
export { VERSION } from "./version.js";
