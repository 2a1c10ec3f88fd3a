import { sha256Hex } from "../hash.js";
import { PLACEHOLDER_TRANSCRIPT } from "../ops/transcriptions.js";
import type { MintedSecret } from "./secrets.js";
import { EmulatedSession } from "./session.js";

/** 20 ms Opus frames of microphone audio that make one user turn (1 s). */
const TURN_PACKETS = 50;
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
 * placeholder transcript), and the reply's events arrive on the data channel.
 */
export async function answerCall(
  offer: string,
  secret: MintedSecret,
  onClosed: (call: EmulatedCall) => void,
): Promise<{ sdp: string; call: EmulatedCall }> {
  const { RTCPeerConnection } = await import("werift");
  const pc = new RTCPeerConnection({});
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
            if (channel.readyState === "open") channel.send(JSON.stringify(event));
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
