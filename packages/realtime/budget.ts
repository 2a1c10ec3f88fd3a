// Budget: 8 KB gzip. A browser app that only connects over WebRTC: a client secret from its server, the call's events.
import { connectWebRTC } from "@aoai/realtime";

const { value } = await (await fetch("/token", { method: "POST" })).json();
const call = await connectWebRTC({ endpoint: "https://example.openai.azure.com", clientSecret: value });
const turn = call.response();
for await (const delta of turn.transcriptDeltas()) console.log(delta);
console.log((await turn.done()).transcript);
await call.close();
