// The docs' text to speech (.NET: `azureClient.GetAudioClient("tts-hd")`, then
// `GenerateSpeech(input, GeneratedSpeechVoice.Alloy)` copied to a file): the audio is written to
// the file as it downloads, never held in memory whole. Then the same speech played as it arrives.
import { tmpdir } from "node:os";
import { join } from "node:path";
import { AudioClient, createSpeech, saveSpeech } from "@aoai/audio";
import { connect } from "./connect.ts";

const ttsDeployment = process.env.AZURE_OPENAI_TTS_DEPLOYMENT ?? "tts";

// Speech is not in the GA API versions: use a preview (on the v1 API, apiVersion "preview").
const { client, close } = await connect({ apiVersion: "2025-04-01-preview" });
try {
  const audio = new AudioClient(client, ttsDeployment);
  const input = "Testing, testing, 1, 2, 3";

  // mp3, the service's default, works on Azure; the emulator encodes wav, pcm and flac.
  const path = process.env.SPEECH_FILE ?? join(tmpdir(), "aoai-speech.flac");
  const saved = await saveSpeech(audio, { input, voice: "alloy", response_format: "flac" }, path);
  console.log(`wrote ${saved.bytes} bytes of ${saved.contentType} to ${saved.path}`);
  console.log(`request id: ${saved._response.requestId}`);

  // To play while it downloads, read the stream chunk by chunk (or hand
  // `speech.toReadableStream()` to a web response or a media source).
  const story = "Once upon a time, a parrot learned to read the news aloud. ".repeat(12);
  const speech = await createSpeech(audio, {
    input: story,
    voice: "nova",
    response_format: "wav",
    speed: 1.25,
  });
  let chunks = 0;
  let bytes = 0;
  for await (const chunk of speech) {
    if (chunks++ === 0) console.log(`first chunk: ${chunk.length} bytes, playable now`);
    bytes += chunk.length;
  }
  console.log(`streamed ${bytes} bytes in ${chunks} chunks`);
} finally {
  await close();
}
