// Speak, then transcribe, all in memory: the speech's bytes go straight back up. On the
// emulator (no Azure account needed) the text comes back exactly, since its speech carries the
// text in the samples; on Azure, with real speech, it comes back as a model hears it.
import { AudioClient, createSpeech } from "@aoai/audio";
import { connect } from "./connect.ts";

const whisperDeployment = process.env.AZURE_OPENAI_WHISPER_DEPLOYMENT ?? "whisper";
const ttsDeployment = process.env.AZURE_OPENAI_TTS_DEPLOYMENT ?? "tts";

const { client, emulated, close } = await connect({ apiVersion: "2025-04-01-preview" });
try {
  const input = "Round trips are how you know both ends work.";
  const speech = await createSpeech(new AudioClient(client, ttsDeployment), {
    input,
    voice: "nova", // tts has alloy, echo, fable, onyx, nova, shimmer (coral is gpt-4o-mini-tts's)
    response_format: "wav",
  });
  const audioBytes = await speech.bytes();
  console.log(`spoke ${input.length} characters: ${audioBytes.length} bytes of ${speech.contentType}`);

  const whisper = new AudioClient(client, whisperDeployment);
  const heard = await whisper.transcribe({ file: audioBytes, response_format: "verbose_json" });
  console.log(`heard ${heard.duration} s: ${heard.text}`);
  if (emulated && heard.text !== input) throw new Error("the emulator's round trip lost the text");
  console.log(heard.text === input ? "round trip: exact" : "round trip: as the model heard it");
} finally {
  await close();
}
