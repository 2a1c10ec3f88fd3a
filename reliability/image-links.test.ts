import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  APIConnectionError,
  APIConnectionTimeoutError,
  AzureOpenAIClient,
  InvalidResponseError,
  type RequestOptions,
} from "@aoai/core";
import { type Emulator, startEmulator } from "@aoai/emulator";
import { type GeneratedImage, ImageClient, imageBytes, saveImage } from "@aoai/images";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Fault, type FaultProxy, gatewayPage, planner, startFaultProxy } from "./fault-proxy.js";
import { captureLogs, inspectAll, leakedSecret, SECRET_KEY, SECRET_TOKEN, settle } from "./support.js";

// Image links go through the client's pipeline (timeout, streamIdleTimeout, retries, logging,
// proxy) to the storage host, another origin: a second fault proxy here, in front of the emulator's
// image store. Nothing of the client's credential or default headers may reach it.

const APIM_KEY = "rel-apim-5ecret-Hq40Zt";
let emulator: Emulator;
let service: FaultProxy;
let storage: FaultProxy;
let images: ImageClient;
let image: GeneratedImage;
let reference: Uint8Array;
const dir = mkdtempSync(join(tmpdir(), "aoai-rel-images-"));

beforeAll(async () => {
  emulator = await startEmulator({ apiKeys: [SECRET_KEY] });
  service = await startFaultProxy({ target: emulator.url, seed: 0x1a6e });
  storage = await startFaultProxy({ target: emulator.url, seed: 0x570e });
  images = imageClient({ apiKey: SECRET_KEY });
  const generated = await images.generate({ prompt: "a lighthouse", size: "1024x1024" });
  const url = new URL(generated.data[0]!.url!);
  // The link as a storage host would hand it out: another origin, a signature in the query.
  image = { url: `${storage.url}${url.pathname}?sv=2024&sig=s1gnature-${SECRET_TOKEN}` };
  reference = new Uint8Array(await (await fetch(url)).arrayBuffer());
});

afterAll(async () => {
  await service?.close();
  await storage?.close();
  await emulator?.close();
  rmSync(dir, { recursive: true, force: true });
});

function imageClient(auth: { apiKey: string } | { tokenProvider: () => string }): ImageClient {
  const client = new AzureOpenAIClient({
    endpoint: service.url,
    ...auth,
    maxRetries: 2,
    defaultHeaders: { "ocp-apim-subscription-key": APIM_KEY },
  });
  return new ImageClient(client, "dall-e-3");
}

const planned = planner<RequestOptions>(() => storage, "image");

function expectNothingSecretSent(id: string): void {
  for (const request of storage.requestsOf(id)) {
    const headers = JSON.stringify(request.headers);
    expect(request.headers["api-key"]).toBeUndefined();
    expect(request.headers.authorization).toBeUndefined();
    expect(headers).not.toContain(SECRET_KEY);
    expect(headers).not.toContain(SECRET_TOKEN);
    expect(headers).not.toContain(APIM_KEY);
  }
}

describe("image links through the client's pipeline", () => {
  it("downloads the bytes, sending neither the api-key, a token nor the client's default headers", async () => {
    const keyed = planned([]);
    expect(await imageBytes(images, image, keyed.options)).toEqual(reference);
    expect(storage.requestsOf(keyed.id)).toHaveLength(1);
    expectNothingSecretSent(keyed.id);
    const token = planned([]);
    expect(
      await imageBytes(imageClient({ tokenProvider: () => SECRET_TOKEN }), image, token.options),
    ).toEqual(reference);
    expectNothingSecretSent(token.id);
  });

  it("a connection reset before the answer is retried, per the client's maxRetries", async () => {
    const call = planned([{ kind: "reset-before" }, { kind: "reset-before" }]);
    expect(await imageBytes(images, image, call.options)).toEqual(reference);
    expect(storage.requestsOf(call.id)).toHaveLength(3);
    expectNothingSecretSent(call.id);
  });

  it("no answer within `timeout`: APIConnectionTimeoutError after the retries", async () => {
    const stall: Fault = { kind: "stall-before-headers" };
    const call = planned([stall, stall], { timeout: 150, maxRetries: 1 });
    const outcome = await settle(imageBytes(images, image, call.options));
    expect(APIConnectionTimeoutError.isInstance((outcome as { error: unknown }).error)).toBe(true);
    expect(storage.requestsOf(call.id)).toHaveLength(2);
  });

  it("a download stalled halfway ends after `streamIdleTimeout`, and saveImage leaves the file as it was", async () => {
    const call = planned([{ kind: "stall-mid-body" }], { streamIdleTimeout: 150, maxRetries: 0 });
    const path = join(dir, "precious.png");
    writeFileSync(path, "precious bytes");
    const outcome = await settle(saveImage(images, image, path, call.options));
    expect(APIConnectionTimeoutError.isInstance((outcome as { error: unknown }).error)).toBe(true);
    expect(readFileSync(path, "utf8")).toBe("precious bytes");
    expect(readdirSync(dir)).toEqual(["precious.png"]);
  });

  it("a download cut midway: APIConnectionError (a body is never resent); the file is left as it was", async () => {
    const call = planned([{ kind: "reset-mid-body", at: "any" }]);
    const path = join(dir, "precious.png");
    const outcome = await settle(saveImage(images, image, path, call.options));
    expect(APIConnectionError.isInstance((outcome as { error: unknown }).error)).toBe(true);
    expect(readFileSync(path, "utf8")).toBe("precious bytes");
    expect(storage.requestsOf(call.id)).toHaveLength(1);
  });

  it("a sign-in page instead of the image: InvalidResponseError, and no file written", async () => {
    const page: Fault = {
      kind: "status",
      status: 200,
      body: gatewayPage(200, 1000),
      contentType: "text/html",
    };
    const bytes = planned([page]);
    const error = ((await settle(imageBytes(images, image, bytes.options))) as { error: unknown }).error;
    expect(InvalidResponseError.isInstance(error)).toBe(true);
    expect((error as Error).message).toContain("text/html");
    const saved = planned([page]);
    const path = join(dir, "page.png");
    await settle(saveImage(images, image, path, saved.options));
    expect(existsSync(path)).toBe(false);
  });

  it("saves the image whole, and no log line or error shows the link's signature", async () => {
    const logs = await captureLogs("verbose");
    try {
      const call = planned([
        { kind: "status", status: 403, body: "<Error><Code>AuthenticationFailed</Code></Error>" },
      ]);
      const failed = await settle(imageBytes(images, image, call.options));
      expect(leakedSecret(inspectAll((failed as { error: unknown }).error))).toBeUndefined();
      const path = join(dir, "saved.png");
      expect((await saveImage(images, image, path)).bytes).toBe(reference.length);
      expect(new Uint8Array(readFileSync(path))).toEqual(reference);
    } finally {
      logs.restore();
    }
    expect(logs.lines.some((line) => line.includes("/emulator/images/"))).toBe(true);
    expect(logs.lines.filter((line) => leakedSecret(line) || line.includes(APIM_KEY))).toEqual([]);
  });
});
