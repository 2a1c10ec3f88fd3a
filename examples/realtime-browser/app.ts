// The page's script: a client secret from the page's own server, then WebRTC straight to Azure
// OpenAI with the microphone. The api-key stays on the server.
import { connectWebRTC, type RealtimeCall } from "@aoai/realtime";

const log = (line: string) => {
  document.querySelector("#log")!.textContent += `${line}\n`;
};
const talk = document.querySelector<HTMLButtonElement>("#talk")!;
const hangUp = document.querySelector<HTMLButtonElement>("#hang-up")!;
let call: RealtimeCall | undefined;

talk.onclick = async () => {
  talk.disabled = true;
  const { endpoint, value } = await (await fetch("/token", { method: "POST" })).json();
  call = await connectWebRTC({ endpoint, clientSecret: value });
  hangUp.disabled = false;
  log("connected: speak");
  for await (const event of call) {
    if (event.type === "conversation.item.input_audio_transcription.completed")
      log(`you: ${event.transcript}`);
    if (event.type === "response.output_audio_transcript.done") log(`model: ${event.transcript}`);
    if (event.type === "error") log(`error: ${event.error.message}`);
  }
};
hangUp.onclick = async () => {
  await call?.close();
  hangUp.disabled = true;
  talk.disabled = false;
};
