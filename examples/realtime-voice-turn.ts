// A voice turn over a WebSocket: a question from a WAV file goes up as PCM16, the spoken reply
// streams back (its transcript printed as it comes) and is written to a WAV file. Pass your own
// 24 kHz mono PCM16 WAV as the first argument; without one, the question is spoken first with the
// speech endpoint. On the emulator, its speech carries the text, so the question comes back word
// for word in the input transcript.
import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { AudioClient, createSpeech } from "@aoai/audio";
import { fromWav, RealtimeClient, SAMPLE_RATE } from "@aoai/realtime";
import { connect } from "./connect.ts";

const realtimeDeployment = process.env.AZURE_OPENAI_REALTIME_DEPLOYMENT ?? "gpt-realtime";
const ttsDeployment = process.env.AZURE_OPENAI_TTS_DEPLOYMENT ?? "tts";

// `preview`: the realtime GA route (sent without an api-version) and the speech endpoint both serve it.
const { client, emulated, close } = await connect({ apiVersion: "preview" });
const dir = await mkdtemp(join(tmpdir(), "aoai-realtime-"));
try {
  let questionPath = process.argv[2];
  const question = "What is the tallest mountain in Portugal?";
  if (!questionPath) {
    const speech = await createSpeech(new AudioClient(client, ttsDeployment), {
      input: question,
      voice: "alloy",
      response_format: "wav",
    });
    questionPath = join(dir, "question.wav");
    await writeFile(questionPath, await speech.bytes());
  }
  const { sampleRate, samples } = fromWav(await readFile(questionPath));
  if (sampleRate !== SAMPLE_RATE)
    throw new Error(`${questionPath} is ${sampleRate} Hz; the session takes 24 kHz.`);

  const session = await new RealtimeClient(client, realtimeDeployment).connect({
    session: {
      type: "realtime",
      instructions: "Answer in one sentence.",
      // Turns are taken by hand here (commit, then response.create), not by voice activity.
      audio: { input: { turn_detection: null, transcription: { model: "gpt-4o-transcribe" } } },
    },
  });
  try {
    await session.appendAudio(samples);
    await session.send({ type: "input_audio_buffer.commit" });
    await session.send({ type: "response.create" });
    const turn = session.response();
    process.stdout.write("reply: ");
    for await (const delta of turn.transcriptDeltas()) process.stdout.write(delta);
    const reply = await turn.done();
    console.log(`\nheard: ${reply.inputTranscript}`);
    const replyPath = join(dir, "reply.wav");
    await writeFile(replyPath, reply.wav());
    console.log(`reply audio: ${(reply.audio.length / SAMPLE_RATE).toFixed(2)} s -> ${replyPath}`);
    if (emulated && reply.inputTranscript !== question) throw new Error("the emulator lost the question");
    if (reply.response.status !== "completed") throw new Error(`response ${reply.response.status}`);
  } finally {
    await session.close();
  }
} finally {
  await close();
}
