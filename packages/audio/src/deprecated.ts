import { saveSpeech } from "./save-speech.js";

/**
 * @deprecated Renamed `saveSpeech`, as every call that writes a file is named `save<Thing>`
 * (`saveImage`); this alias goes in the next minor release.
 */
export const speechToFile: typeof saveSpeech = saveSpeech;
