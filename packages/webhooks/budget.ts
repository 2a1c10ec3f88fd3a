// Budget: 2.5 KB gzip. An edge function that verifies Azure OpenAI's webhook deliveries.
import { verifyWebhook, WebhookVerificationError } from "@aoai/webhooks";

export async function handle(request: Request): Promise<Response> {
  try {
    const event = await verifyWebhook(await request.text(), request.headers, "whsec_c2VjcmV0");
    if (event.type === "batch.completed") console.log("batch done:", event.data.id);
    return new Response(null, { status: 200 });
  } catch (error) {
    if (WebhookVerificationError.isInstance(error)) return new Response(error.reason, { status: 400 });
    throw error;
  }
}
