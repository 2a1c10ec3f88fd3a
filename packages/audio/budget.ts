// Budget: 11 KB gzip. A browser app that only transcribes.
import { AudioClient } from "@aoai/audio";
import { AzureOpenAIClient } from "@aoai/core";

const client = new AzureOpenAIClient({ endpoint: "https://example.openai.azure.com", apiKey: "key" });
const audio = new AudioClient(client, "whisper");
const recording = new Blob([new Uint8Array([0x52, 0x49, 0x46, 0x46])], { type: "audio/wav" });
const result = await audio.transcribe({ file: recording, response_format: "verbose_json" });
console.log(result.text, result.segments?.length, result._response.requestId);
