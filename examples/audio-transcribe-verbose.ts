// The docs' verbose transcription (.NET: `azureClient.GetAudioClient("whisper")`, then
// `TranscribeAudio(path, { ResponseFormat = Verbose, TimestampGranularities = Word | Segment })`):
// the text, then every word and segment with its start and end time.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { AudioClient, saveSpeech } from "@aoai/audio";
import { connect } from "./connect.ts";

const whisperDeployment = process.env.AZURE_OPENAI_WHISPER_DEPLOYMENT ?? "whisper";
const ttsDeployment = process.env.AZURE_OPENAI_TTS_DEPLOYMENT ?? "tts";

// Speech (used below to make the audio) needs a preview API version; transcription has every one.
const { client, close } = await connect({ apiVersion: "2025-04-01-preview" });
const dir = await mkdtemp(join(tmpdir(), "aoai-audio-"));
try {
  // The audio file: AUDIO_FILE when set, else speech made by the TTS deployment. The emulator can
  // transcribe only audio it made itself (the text rides in the samples), so by default it speaks
  // first; with Azure any recording works.
  let audioFilePath = process.env.AUDIO_FILE;
  if (!audioFilePath) {
    audioFilePath = join(dir, "speech.flac");
    const input = "The quick brown fox jumps over the lazy dog. It barely noticed.";
    await saveSpeech(
      new AudioClient(client, ttsDeployment),
      { input, voice: "alloy", response_format: "flac" },
      audioFilePath,
    );
  }

  const audio = new AudioClient(client, whisperDeployment);
  const transcription = await audio.transcribe({
    file: audioFilePath, // a path (Node), or a File, Blob, bytes or stream
    response_format: "verbose_json",
    timestamp_granularities: ["word", "segment"],
  });

  const ms = (seconds: number) => String(Math.round(seconds * 1000)).padStart(5);
  console.log("Transcription:");
  console.log(transcription.text);
  console.log();
  console.log("Words:");
  for (const word of transcription.words ?? [])
    console.log(`  ${word.word.padStart(15)} : ${ms(word.start)} - ${ms(word.end)}`);
  console.log();
  console.log("Segments:");
  for (const segment of transcription.segments ?? [])
    console.log(`  ${segment.text.padStart(70)} : ${ms(segment.start)} - ${ms(segment.end)}`);
  console.log();
  console.log(
    `language: ${transcription.language} | duration: ${transcription.duration} s | request id: ${transcription._response.requestId}`,
  );
} finally {
  await rm(dir, { recursive: true, force: true });
  await close();
}
