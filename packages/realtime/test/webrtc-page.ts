// The page of the WebRTC test (webrtc.test.ts bundles it for the browser): it gets a client
// secret from the page's own server, connects to the emulator over WebRTC with Chromium's fake
// microphone, and reports the events it received.
import { AuthenticationError } from "@aoai/core";
import { connectWebRTC } from "../src/index.js";

/** What the page reports to the test. */
export interface PageResult {
  events: string[];
  transcript?: string;
  reply?: string;
  /** Remote tracks, and audio packets received on them. */
  tracks: number;
  packets: number;
  /** The reply plays in the given audio element. */
  playing: boolean;
  /** How a secret the service did not mint was refused. */
  refused: string;
}

declare global {
  interface Window {
    realtimeResult?: PageResult | { error: string };
  }
}

const { endpoint } = (await (await fetch("/config")).json()) as { endpoint: string };
try {
  // A secret the service did not mint is refused with the typed 401.
  const refused = await connectWebRTC({
    endpoint,
    clientSecret: "ek_not-minted",
    audio: false,
    audioElement: null,
  }).then(
    () => "connected",
    (e: unknown) => (AuthenticationError.isInstance(e) ? `AuthenticationError ${e.status}` : String(e)),
  );
  const { value } = (await (await fetch("/token", { method: "POST" })).json()) as { value: string };
  const audio = document.createElement("audio");
  const call = await connectWebRTC({ endpoint, clientSecret: value, audioElement: audio });
  const events: string[] = [];
  let transcript: string | undefined;
  let reply: string | undefined;
  for await (const event of call) {
    events.push(event.type);
    if (event.type === "conversation.item.input_audio_transcription.completed") transcript = event.transcript;
    if (event.type === "response.output_audio_transcript.done") reply = event.transcript;
    if (event.type === "response.done") break;
  }
  const tracks = call.remoteStream.getTracks().length;
  let packets = 0;
  (await call.peerConnection.getStats()).forEach(
    (report: { type: string; kind?: string; packetsReceived?: number }) => {
      if (report.type === "inbound-rtp" && report.kind === "audio") packets += report.packetsReceived ?? 0;
    },
  );
  const playing = audio.srcObject === call.remoteStream && audio.autoplay;
  await call.close();
  window.realtimeResult = { events, transcript, reply, tracks, packets, playing, refused };
} catch (error) {
  window.realtimeResult = { error: String((error as Error)?.stack ?? error) };
}
