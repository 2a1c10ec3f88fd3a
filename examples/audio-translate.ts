// The docs' translation (`audio.translations.create`): speech in another language becomes English
// text. The emulator cannot translate: it gives back the text its own speech carries, so by
// default this example speaks a French sentence first and prints it as "translated".
import { AudioClient, createSpeech } from "@aoai/audio";
import { connect } from "./connect.ts";

const whisperDeployment = process.env.AZURE_OPENAI_WHISPER_DEPLOYMENT ?? "whisper";
const ttsDeployment = process.env.AZURE_OPENAI_TTS_DEPLOYMENT ?? "tts";

const { client, close } = await connect({ apiVersion: "2025-04-01-preview" });
try {
  // AUDIO_FILE when set (a path), else French speech from the TTS deployment, as bytes.
  const file =
    process.env.AUDIO_FILE ??
    (await (
      await createSpeech(new AudioClient(client, ttsDeployment), {
        input: "Bonjour, comment allez-vous aujourd'hui ?",
        voice: "alloy",
        response_format: "wav",
      })
    ).bytes());

  const audio = new AudioClient(client, whisperDeployment);
  const translation = await audio.translate({ file, response_format: "text" });
  // Text formats (text, srt, vtt) come back as { text, contentType }, with the request id.
  console.log("Translation:", translation.text.trim());
  console.log(`content type: ${translation.contentType} | request id: ${translation._response.requestId}`);

  const subtitles = await audio.translate({ file, response_format: "srt" });
  console.log("\nAs subtitles (srt):");
  console.log(subtitles.text);
} finally {
  await close();
}
