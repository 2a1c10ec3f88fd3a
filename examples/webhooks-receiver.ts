// A webhook receiver for Azure OpenAI's events (a batch, a background response or a fine-tuning job
// that ended): it verifies each delivery's signature and timestamp before acting on it. Here the
// deliveries are signed locally with signWebhook(), as a handler's tests would; on Azure the service
// signs them with the endpoint's whsec_ secret.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { signWebhook, verifyWebhook, WebhookVerificationError } from "@aoai/webhooks";

const secret =
  process.env.AZURE_OPENAI_WEBHOOK_SECRET ?? "whsec_ZXhhbXBsZS13ZWJob29rLXNlY3JldC0wMTIzNDU2Nzg5";

const server = createServer(async (req, res) => {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  try {
    // The raw bytes, as signed: never JSON.parse then stringify before verifying.
    const event = await verifyWebhook(Buffer.concat(chunks), req.headers, secret);
    res.writeHead(200).end();
    switch (event.type) {
      case "batch.completed":
        console.log(`batch ${event.data.id} completed: read its output file`);
        break;
      case "response.completed":
        console.log(`background response ${event.data.id} completed: retrieve it`);
        break;
      default:
        console.log(`${event.type} for ${JSON.stringify(event.data)}`);
    }
  } catch (error) {
    if (!WebhookVerificationError.isInstance(error)) throw error;
    console.log(`refused a delivery: ${error.reason}`);
    res.writeHead(400).end(error.reason);
  }
});
await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhook`;

try {
  const deliver = async (type: string, id: string, tamper = false) => {
    const body = JSON.stringify({
      id: `evt_${id}`,
      object: "event",
      created_at: Math.floor(Date.now() / 1000),
      type,
      data: { id },
    });
    const headers = await signWebhook(body, secret, { id: `wh_${id}` });
    const sent = tamper ? body.replace(id, `${id}-changed`) : body;
    return (await fetch(url, { method: "POST", headers: { ...headers }, body: sent })).status;
  };
  console.log("status:", await deliver("batch.completed", "batch_abc123"));
  console.log("status:", await deliver("response.completed", "resp_456"));
  console.log("status:", await deliver("fine_tuning.job.succeeded", "ftjob-789"));
  console.log("status:", await deliver("batch.completed", "batch_def", true));
} finally {
  server.close();
}
