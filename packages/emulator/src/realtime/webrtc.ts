import { sha256Hex } from "../hash.js";
import { PLACEHOLDER_TRANSCRIPT } from "../ops/transcriptions.js";
import type { MintedSecret } from "./secrets.js";
import { EmulatedSession } from "./session.js";

/** 20 ms Opus frames of microphone audio that make one user turn (1 s). */
const TURN_PACKETS = 50;
/** An Opus frame of 20 ms of silence: what the emulator "speaks" on the call's audio track. */
const OPUS_SILENCE = Buffer.from([0xf8, 0xff, 0xfe]);
/** Events that a WebRTC session carries as audio, not on the data channel. */
const AUDIO_EVENTS: ReadonlySet<string> = new Set([
  "response.output_audio.delta",
  "response.output_audio.done",
]);
/** Gathering ends at once on loopback; this only bounds a stuck one. */
const GATHER_MS = 5000;

/** A call the emulator answered: close it to hang up. */
export interface EmulatedCall {
  close(): Promise<void>;
}

/**
 * Answers a browser's SDP offer with werift (a WebRTC stack in TypeScript): the `oai-events` data
 * channel carries the session's events, the microphone's RTP packets stand for speech (the
 * emulator does not decode Opus: a second of them makes a user turn, transcribed as the
 * placeholder transcript), and the reply's events arrive on the data channel while its audio
 * goes out on the audio track (as Opus silence, framed as Azure frames it: `output_audio_buffer.started`
 * and `.stopped` on the data channel, no audio deltas).
 */
export async function answerCall(
  offer: string,
  secret: MintedSecret,
  onClosed: (call: EmulatedCall) => void,
): Promise<{ sdp: string; call: EmulatedCall }> {
  const { MediaStreamTrack, RTCPeerConnection, RtpHeader, RtpPacket } = await import("werift");
  const pc = new RTCPeerConnection({});
  const voice = new MediaStreamTrack({ kind: "audio" });
  let sequenceNumber = 0;
  let timestamp = 0;
  const speak = (ms: number) => {
    for (let t = 0; t < ms; t += 20) {
      sequenceNumber = (sequenceNumber + 1) & 0xffff;
      timestamp = (timestamp + 960) >>> 0;
      voice.writeRtp(
        new RtpPacket(new RtpHeader({ sequenceNumber, timestamp, marker: t === 0 }), OPUS_SILENCE),
      );
    }
  };
  let speaking: string | undefined;
  let session: EmulatedSession | undefined;
  let closed = false;
  const call: EmulatedCall = {
    async close() {
      if (closed) return;
      closed = true;
      session?.end();
      await pc.close();
      onClosed(call);
    },
  };
  pc.onDataChannel.subscribe((channel) => {
    if (channel.label !== "oai-events") return;
    const start = () => {
      if (session) return;
      session = new EmulatedSession(
        {
          send: (event) => {
            if (channel.readyState !== "open") return;
            const out = (e: Record<string, unknown>) => channel.send(JSON.stringify(e));
            if (AUDIO_EVENTS.has(event.type as string)) {
              if (event.type === "response.output_audio.done") return;
              if (speaking !== event.response_id) {
                speaking = event.response_id as string;
                out({
                  type: "output_audio_buffer.started",
                  event_id: `${event.event_id}_s`,
                  response_id: speaking,
                });
              }
              return speak(200);
            }
            out(event);
            if (event.type === "response.done" && speaking) {
              out({
                type: "output_audio_buffer.stopped",
                event_id: `${event.event_id}_s`,
                response_id: speaking,
              });
              speaking = undefined;
            }
          },
          close: () => void call.close(),
        },
        { dialect: "ga", model: secret.model, seed: sha256Hex(offer), session: secret.session },
      );
    };
    if (channel.readyState === "open") start();
    channel.stateChanged.subscribe((state) => {
      if (state === "open") start();
      if (state === "closed") void call.close();
    });
    channel.onMessage.subscribe((data) => {
      session?.receive(typeof data === "string" ? data : data.toString("utf8"));
    });
  });
  let packets = 0;
  pc.onTrack.subscribe((track) => {
    track.onReceiveRtp.subscribe(() => {
      if (++packets % TURN_PACKETS === 0 && packets <= TURN_PACKETS * 3)
        session?.speechTurn(PLACEHOLDER_TRANSCRIPT);
    });
  });
  pc.connectionStateChange.subscribe((state) => {
    if (state === "failed" || state === "closed") void call.close();
  });
  try {
    await pc.setRemoteDescription({ type: "offer", sdp: offer });
    const audio = pc.getTransceivers().find((t) => t.kind === "audio");
    if (audio) {
      audio.setDirection("sendrecv");
      await audio.sender.replaceTrack(voice);
    }
    await pc.setLocalDescription(await pc.createAnswer());
    await gathered(pc);
    return { sdp: pc.localDescription!.sdp, call };
  } catch (error) {
    await call.close();
    throw error;
  }
}

function gathered(pc: {
  iceGatheringState: string;
  iceGatheringStateChange: { subscribe(f: (s: string) => void): unknown };
}): Promise<void> {
  return new Promise((resolve) => {
    if (pc.iceGatheringState === "complete") return resolve();
    const timer = setTimeout(resolve, GATHER_MS);
    pc.iceGatheringStateChange.subscribe((state) => {
      if (state !== "complete") return;
      clearTimeout(timer);
      resolve();
    });
  });
}
