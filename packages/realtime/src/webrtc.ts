import { APIConnectionError } from "@aoai/core";
import { createAPIError, invalid, normalizeEndpoint, parseErrorBody } from "@aoai/core/internal";
import { RealtimeClosedError } from "./errors.js";
import { abortWith, checkEvent, RealtimeChannel } from "./realtime-channel.js";
import type { RealtimeClientEvent, RealtimeSessionConfig } from "./request-types.js";

/** Options of {@link connectWebRTC}. */
export interface WebRTCOptions {
  /** The resource endpoint, e.g. `https://my-resource.openai.azure.com`. */
  endpoint: string;
  /** The ephemeral key your server minted with `createClientSecret` (its `value`, or the whole answer). */
  clientSecret: string | { value: string };
  /**
   * The microphone: a stream or track, or `false` for none (text only).
   * @default the default microphone, from getUserMedia({ audio: true })
   */
  audio?: MediaStream | MediaStreamTrack | false;
  /**
   * Where the reply plays. `null` plays nothing (use `remoteStream`).
   * @default a new autoplaying Audio element
   */
  audioElement?: HTMLAudioElement | null;
  /** Sent as `session.update` once the data channel opens. */
  session?: RealtimeSessionConfig;
  /** Passed to `RTCPeerConnection`. */
  rtcConfiguration?: RTCConfiguration;
  signal?: AbortSignal;
}

/** A browser's realtime session over WebRTC: audio on media tracks, the same events on a data channel. */
export class RealtimeCall extends RealtimeChannel {
  readonly peerConnection: RTCPeerConnection;
  /** The model's audio. */
  readonly remoteStream: MediaStream;
  readonly #channel: RTCDataChannel;
  readonly #owned: MediaStreamTrack | undefined;
  #closing = false;

  /** @internal */
  constructor(
    pc: RTCPeerConnection,
    channel: RTCDataChannel,
    remote: MediaStream,
    owned: MediaStreamTrack | undefined,
  ) {
    super();
    this.peerConnection = pc;
    this.remoteStream = remote;
    this.#channel = channel;
    this.#owned = owned;
    channel.onmessage = (e) => {
      if (typeof e.data === "string") this.receive(e.data);
    };
    channel.onclose = () => {
      this.#stop();
      if (this.#closing) this.finish();
      else this.finish(new RealtimeClosedError(1006, "the data channel closed"));
    };
  }

  async send(event: RealtimeClientEvent): Promise<void> {
    const text = checkEvent(event);
    const channel = this.#channel;
    if (channel.bufferedAmount > 1024 * 1024)
      await new Promise((resolve) => {
        channel.bufferedAmountLowThreshold = 256 * 1024;
        channel.addEventListener("bufferedamountlow", resolve, { once: true });
        channel.addEventListener("close", resolve, { once: true });
      });
    if (this.ended || channel.readyState !== "open")
      throw this.failure ?? new RealtimeClosedError(1006, "the call is closed");
    channel.send(text);
  }

  // A message that is no event ends the call.
  protected override fail(error: Error): void {
    super.fail(error);
    this.#closing = true;
    this.#channel.close();
    this.#stop();
  }

  #stop(): void {
    this.#owned?.stop();
    this.peerConnection.close();
  }

  /** Hangs up: closes the data channel and the peer connection, and stops a microphone it opened. */
  async close(): Promise<void> {
    this.#closing = true;
    this.#channel.close();
    this.#stop();
    this.finish();
  }
}

/**
 * Connects a browser to a realtime deployment over WebRTC with an ephemeral client secret: sends
 * the microphone, plays the reply, and gives the session's events over the `oai-events` data
 * channel. The SDP offer goes to `/openai/v1/realtime/calls`.
 */
export async function connectWebRTC(options: WebRTCOptions): Promise<RealtimeCall> {
  const base = normalizeEndpoint(options.endpoint);
  const secret =
    typeof options.clientSecret === "string" ? options.clientSecret : options.clientSecret?.value;
  if (typeof secret !== "string" || !secret.trim()) invalid("clientSecret", "is missing.");
  const pc = new RTCPeerConnection(options.rtcConfiguration);
  let owned: MediaStreamTrack | undefined;
  const release = abortWith(options.signal, () => {
    owned?.stop();
    pc.close();
  });
  try {
    let track: MediaStreamTrack | undefined;
    const audio = options.audio;
    if (audio === undefined) {
      track = owned = (await navigator.mediaDevices.getUserMedia({ audio: true })).getAudioTracks()[0];
    } else if (audio) {
      track = "kind" in audio ? audio : audio.getAudioTracks()[0];
    }
    if (track) pc.addTrack(track);
    else pc.addTransceiver("audio", { direction: "recvonly" });
    const remote = new MediaStream();
    pc.ontrack = (e) => remote.addTrack(e.track);
    const element = options.audioElement === undefined ? new Audio() : options.audioElement;
    if (element) {
      element.autoplay = true;
      element.srcObject = remote;
    }
    const channel = pc.createDataChannel("oai-events");
    await pc.setLocalDescription(await pc.createOffer());
    await gathered(pc);
    const response = await fetch(`${base}/openai/v1/realtime/calls`, {
      method: "POST",
      body: pc.localDescription!.sdp,
      headers: { authorization: `Bearer ${secret}`, "content-type": "application/sdp" },
      signal: options.signal ?? null,
    });
    const text = await response.text();
    if (!response.ok) {
      const headers: Record<string, string> = {};
      response.headers.forEach((value, name) => {
        headers[name] = value;
      });
      throw createAPIError({ status: response.status, error: parseErrorBody(text), headers, body: text });
    }
    await pc.setRemoteDescription({ type: "answer", sdp: text });
    await new Promise<void>((resolve, reject) => {
      channel.onopen = () => resolve();
      pc.onconnectionstatechange = () => {
        if (pc.connectionState === "failed")
          reject(new APIConnectionError("The WebRTC connection failed.", { code: "WEBRTC_FAILED" }));
      };
    });
    const call = new RealtimeCall(pc, channel, remote, owned);
    release();
    abortWith(options.signal, () => void call.close());
    if (options.session) await call.updateSession(options.session);
    return call;
  } catch (error) {
    release();
    owned?.stop();
    pc.close();
    throw error;
  }
}

// The offer is posted whole (no trickle ICE), once gathering ends or after 3 s.
function gathered(pc: RTCPeerConnection): Promise<void> {
  return new Promise((resolve) => {
    if (pc.iceGatheringState === "complete") return resolve();
    const timer = setTimeout(resolve, 3000);
    pc.addEventListener("icegatheringstatechange", () => {
      if (pc.iceGatheringState !== "complete") return;
      clearTimeout(timer);
      resolve();
    });
  });
}
