import { InvalidInputError } from "@aoai/core";

const PREFIX = "whsec_";
const encoder = /* @__PURE__ */ new TextEncoder();

/**
 * The HMAC-SHA256 key of a webhook secret: the bytes after `whsec_`, base64-decoded, as the
 * Standard Webhooks scheme has it; a secret without the prefix is used as its UTF-8 bytes.
 */
export function webhookKey(secret: string, usage: "sign" | "verify"): Promise<CryptoKey> {
  if (typeof secret !== "string" || secret.trim() === "")
    throw new InvalidInputError("secret must be the webhook's signing secret (whsec_…).", "secret");
  let bytes: Uint8Array;
  if (secret.startsWith(PREFIX)) {
    try {
      bytes = Uint8Array.from(atob(secret.slice(PREFIX.length)), (c) => c.charCodeAt(0));
    } catch {
      throw new InvalidInputError("secret is not a whsec_ secret: its key is not base64.", "secret");
    }
  } else bytes = encoder.encode(secret);
  return subtle().importKey("raw", bytes as BufferSource, { name: "HMAC", hash: "SHA-256" }, false, [usage]);
}

/** What is signed: `{id}.{timestamp}.{body}`, the body as its exact bytes. */
export function signedContent(id: string, timestamp: string, body: string | Uint8Array): Uint8Array {
  const head = encoder.encode(`${id}.${timestamp}.`);
  const tail = typeof body === "string" ? encoder.encode(body) : body;
  const out = new Uint8Array(head.length + tail.length);
  out.set(head);
  out.set(tail, head.length);
  return out;
}

/** Web Crypto: Node 22+, Deno, Bun, edge runtimes and browsers all have it. */
export function subtle(): SubtleCrypto {
  const api = globalThis.crypto?.subtle;
  if (!api) throw new Error("Web Crypto (globalThis.crypto.subtle) is not available in this runtime.");
  return api;
}
