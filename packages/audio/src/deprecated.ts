import type {
  SpeechCreateRequest,
  TranscriptionCreateRequest,
  TranslationCreateRequest,
} from "./request-types.js";
import { saveSpeech } from "./save-speech.js";

/**
 * @deprecated Renamed `saveSpeech`, as every call that writes a file is named `save<Thing>`
 * (`saveImage`); this alias goes in the next minor release.
 */
export const speechToFile: typeof saveSpeech = saveSpeech;

/** @deprecated Renamed `SpeechCreateRequest`: a request is named `<Thing><Verb>Request`. Goes in the next minor release. */
export type SpeechRequest = SpeechCreateRequest;
/** @deprecated Renamed `TranscriptionCreateRequest`: a request is named `<Thing><Verb>Request`. Goes in the next minor release. */
export type TranscriptionRequest = TranscriptionCreateRequest;
/** @deprecated Renamed `TranslationCreateRequest`: a request is named `<Thing><Verb>Request`. Goes in the next minor release. */
export type TranslationRequest = TranslationCreateRequest;
