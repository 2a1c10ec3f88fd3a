import type { Dialect } from "./names.js";

/** The session as the emulator starts it, in the dialect's shape. */
export function defaultSession(dialect: Dialect, id: string, model: string, expiresAt: number) {
  const vad = {
    type: "server_vad",
    threshold: 0.5,
    prefix_padding_ms: 300,
    silence_duration_ms: 500,
    create_response: true,
    interrupt_response: true,
  };
  if (dialect === "ga")
    return {
      type: "realtime",
      object: "realtime.session",
      id,
      model,
      output_modalities: ["audio"],
      instructions: "",
      tools: [] as unknown[],
      tool_choice: "auto",
      max_output_tokens: "inf",
      expires_at: expiresAt,
      audio: {
        input: {
          format: { type: "audio/pcm", rate: 24000 },
          transcription: null as unknown,
          noise_reduction: null,
          turn_detection: vad as unknown,
        },
        output: { format: { type: "audio/pcm", rate: 24000 }, voice: "alloy", speed: 1 },
      },
    };
  return {
    object: "realtime.session",
    id,
    model,
    modalities: ["audio", "text"],
    instructions: "",
    voice: "alloy",
    input_audio_format: "pcm16",
    output_audio_format: "pcm16",
    input_audio_transcription: null as unknown,
    turn_detection: vad as unknown,
    tools: [] as unknown[],
    tool_choice: "auto",
    temperature: 0.8,
    max_response_output_tokens: "inf",
    expires_at: expiresAt,
  };
}

export type SessionState = ReturnType<typeof defaultSession> & Record<string, unknown>;

/** Merges a `session.update` into the session, nested objects (GA `audio`) field by field. */
export function mergeSession(into: Record<string, unknown>, update: Record<string, unknown>): void {
  for (const [key, value] of Object.entries(update)) {
    if (key === "id" || key === "object" || key === "model" || key === "expires_at") continue;
    const current = into[key];
    if (isObject(value) && isObject(current) && key !== "turn_detection" && key !== "transcription")
      mergeSession(current, value);
    else into[key] = value;
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/** Settings the reply reads, in either dialect. */
export function settings(session: Record<string, unknown>) {
  const audio = session.audio as
    | { input?: { transcription?: unknown; turn_detection?: unknown } }
    | undefined;
  const modalities = (session.output_modalities ?? session.modalities) as string[] | undefined;
  const vad = (audio?.input?.turn_detection ?? session.turn_detection) as
    | { type?: string; create_response?: boolean }
    | null
    | undefined;
  return {
    transcribe: Boolean(audio?.input?.transcription ?? session.input_audio_transcription),
    audio: modalities === undefined || modalities.includes("audio"),
    vad: vad ? vad.create_response !== false : false,
    tools: (Array.isArray(session.tools) ? session.tools : []) as { name?: string; parameters?: unknown }[],
    toolChoice: session.tool_choice,
  };
}
