import { readFile, rm, writeFile } from "node:fs/promises";
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import {
  type AdditionalPolicy,
  APIConnectionError,
  APIUserAbortError,
  AzureOpenAIClient,
  ContentFilterError,
  InvalidInputError,
  NotFoundError,
  UnsupportedApiVersionError,
} from "@aoai/core";
// From source: @aoai/emulator is not (yet) a devDependency of this package.
import { type Emulator, startEmulator } from "@aoai/emulator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { editImage, ImageClient, type ImageSize, imageBytes, saveImage, VERSION } from "../src/index.js";
import { DALLE, fault, GPT_IMAGE, imageClient, PNG_SIGNATURE, pngSize } from "./helpers.js";

// Integration: real HTTP to the shared emulator on 127.0.0.1 (test-utils/global-setup.ts).

const tmp = (name: string) => join(tmpdir(), `aoai-images-${process.pid}-${name}`);

describe("generate()", () => {
  it("answers the docs' rabbit with typed results, Azure's filter results and _response", async () => {
    const images = imageClient();
    const r = await images.generate({
      prompt: "A rabbit eating pancakes",
      size: "1792x1024",
      quality: "hd",
      style: "vivid",
      response_format: "b64_json",
    });
    expect(r.created).toBeTypeOf("number");
    expect(r.data).toHaveLength(1);
    const [image] = r.data;
    expect(image!.revised_prompt).toContain("A rabbit eating pancakes");
    expect(image!.content_filter_results?.violence).toEqual({ filtered: false, severity: "safe" });
    expect(image!.prompt_filter_results?.jailbreak).toEqual({ filtered: false, detected: false });
    expect(image!.url).toBeUndefined();
    const bytes = await imageBytes(images, image!);
    expect([...bytes.subarray(0, 8)]).toEqual(PNG_SIGNATURE);
    // The emulator draws at 1/16 of the requested size.
    expect(pngSize(bytes)).toEqual({ width: 112, height: 64 });
    expect(bytes.byteOffset).toBe(0);
    expect(bytes.buffer.byteLength).toBe(bytes.byteLength);
    // Typed Uint8Array<ArrayBuffer>: the README's `new Blob([bytes])` compiles (TS 5.7 and later).
    expect(new Blob([bytes], { type: "image/png" }).size).toBe(bytes.byteLength);
    expect(r._response.status).toBe(200);
    expect(r._response.requestId).toBeTypeOf("string");
    expect(Object.keys(r)).not.toContain("_response");
  });

  it("gives the same bytes for a url result, downloaded, as for b64_json", async () => {
    const images = imageClient();
    const request = { prompt: "a lighthouse", size: "1024x1792" } as const;
    const linked = await images.generate(request);
    expect(linked.data[0]!.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/emulator\/images\/\w+\.png$/);
    const inline = await images.generate({ ...request, response_format: "b64_json" });
    const downloaded = await imageBytes(images, linked.data[0]!);
    expect(downloaded).toEqual(await imageBytes(images, inline.data[0]!));
    expect(pngSize(downloaded)).toEqual({ width: 64, height: 112 });
  });

  it("gpt-image-1: four 1536x1024 images as b64_json with usage, jpeg on request", async () => {
    const images = imageClient({ apiVersion: "2025-04-01-preview" }, GPT_IMAGE);
    const r = await images.generate({
      prompt: "A rabbit eating pancakes",
      n: 4,
      size: "1536x1024",
      quality: "high",
      output_format: "png",
      background: "opaque",
    });
    expect(r.data).toHaveLength(4);
    expect(r.usage).toMatchObject({ output_tokens: 4 * 6240 });
    expect(r.usage!.total_tokens).toBe(r.usage!.input_tokens + r.usage!.output_tokens);
    for (const image of r.data)
      expect(pngSize(await imageBytes(images, image))).toEqual({ width: 96, height: 64 });
    const jpeg = await images.generate({ prompt: "x", output_format: "jpeg", output_compression: 80 });
    const bytes = await imageBytes(images, jpeg.data[0]!);
    expect([...bytes.subarray(0, 3)]).toEqual([0xff, 0xd8, 0xff]);
  });

  it("saves b64_json and url results to files", async () => {
    const images = imageClient();
    const inline = await images.generate({ prompt: "saved", response_format: "b64_json" });
    const linked = await images.generate({ prompt: "saved" });
    const a = tmp("inline.png");
    const b = tmp("linked.png");
    try {
      // The shape of audio's saveSpeech result: path, bytes, contentType and _response.
      const saved = await saveImage(images, inline.data[0]!, a);
      expect(saved).toEqual({ path: a, bytes: saved.bytes, contentType: "image/png" });
      expect(saved._response).toBeUndefined(); // b64_json: no request was made
      const fetched = await saveImage(images, linked.data[0]!, b);
      expect(fetched).toMatchObject({ path: b, bytes: saved.bytes, contentType: "image/png" });
      expect(fetched._response?.status).toBe(200);
      const written = saved.bytes;
      const file = await readFile(a);
      expect(file.byteLength).toBe(written);
      expect(new Uint8Array(file)).toEqual(await imageBytes(images, inline.data[0]!));
      expect(await readFile(b)).toEqual(file);
    } finally {
      await rm(a, { force: true });
      await rm(b, { force: true });
    }
  });

  it("sends aoai-images/<version> in the User-Agent and per-call headers", async () => {
    const seen: Record<string, string | undefined> = {};
    const spy: AdditionalPolicy = {
      position: "perRetry",
      policy: {
        name: "spy",
        sendRequest: (request, next) => {
          seen.ua = request.headers.get("user-agent");
          seen.custom = request.headers.get("x-custom");
          return next(request);
        },
      },
    };
    await imageClient({ policies: [spy] }).generate({ prompt: "x" }, { headers: { "x-custom": "1" } });
    expect(seen.ua).toContain(`aoai-images/${VERSION}`);
    expect(seen.custom).toBe("1");
  });

  it("throws core's ContentFilterError, with its results, for a filtered prompt", async () => {
    const error = await imageClient()
      .generate({ prompt: "something filtered" }, fault({ kind: "content-filter", id: "images-sdk" }))
      .catch((e: unknown) => e);
    expect(ContentFilterError.isInstance(error)).toBe(true);
    const e = error as ContentFilterError;
    expect(e.status).toBe(400);
    expect(e.code).toBe("content_policy_violation");
    expect(e.innerCode).toBe("ResponsibleAIPolicyViolation");
    expect(e.filtered).toEqual(["violence"]);
    expect(e.contentFilterResults?.jailbreak).toEqual({ filtered: false, detected: false });
    expect(e.message).toMatch(/safety system.*\[filtered: violence\]$/);
    // The body stays as Azure sent it.
    expect(e.error?.inner_error).toMatchObject({ code: "ResponsibleAIPolicyViolation" });
    expect(e.requestId).toBeTypeOf("string");
  });

  it("refuses options the API version lacks, and the operation on v1 without preview", async () => {
    const ga = imageClient({ apiVersion: "2024-10-21" });
    for (const request of [
      { prompt: "x", output_format: "jpeg" },
      { prompt: "x", output_compression: 50 },
      { prompt: "x", background: "transparent" },
    ] as const) {
      const error = await ga.generate(request).catch((e: unknown) => e);
      expect(UnsupportedApiVersionError.isInstance(error), String(error)).toBe(true);
    }
    const v1 = await imageClient({ apiVersion: "v1" })
      .generate({ prompt: "x" })
      .catch((e: unknown) => e);
    expect(UnsupportedApiVersionError.isInstance(v1)).toBe(true);
    expect((v1 as UnsupportedApiVersionError).supportedVersions).toContain("preview");
    // `null` counts as unset for the version check, but the body still carries the field, which
    // the service refuses on a version whose spec lacks it.
    const sentNull = await ga
      .generate({ prompt: "x", output_format: null as never })
      .catch((e: unknown) => e);
    expect(UnsupportedApiVersionError.isInstance(sentNull)).toBe(false);
    expect(String(sentNull)).toContain("Unrecognized request argument supplied: output_format");
  });

  it("works on the v1 API with api-version=preview (deployment as model)", async () => {
    const r = await imageClient({ apiVersion: "preview" }, GPT_IMAGE).generate({
      prompt: "x",
      quality: "low",
    });
    expect(r.data[0]!.b64_json).toBeTypeOf("string");
    expect(r.usage?.output_tokens).toBe(272);
  });

  it("honours signal: an aborted call throws APIUserAbortError", async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(
      imageClient().generate({ prompt: "x" }, { signal: controller.signal }),
    ).rejects.toBeInstanceOf(APIUserAbortError);
  });
});

describe("editImage()", () => {
  const edits = () => imageClient({ apiVersion: "2025-04-01-preview" }, GPT_IMAGE);
  const base = async (size: ImageSize = "1024x1024") =>
    imageBytes(edits(), (await edits().generate({ prompt: "a photo", size })).data[0]!);

  it("edits an image with a mask (bytes, a Blob and a path), as b64_json with usage", async () => {
    const png = await base();
    const path = tmp("mask.png");
    await writeFile(path, png);
    try {
      const first = await editImage(edits(), { image: png, mask: path, prompt: "Add a hat" });
      const second = await editImage(edits(), {
        image: new Blob([png as BlobPart], { type: "image/png" }),
        mask: new File([png as BlobPart], "mask.png"),
        prompt: "Add a hat",
      });
      expect(first.data[0]!.b64_json).toBe(second.data[0]!.b64_json);
      expect(pngSize(await imageBytes(edits(), first.data[0]!))).toEqual({ width: 64, height: 64 });
      expect(first.usage?.input_tokens_details?.image_tokens).toBe(323);
      expect(first._response.status).toBe(200);
    } finally {
      await rm(path, { force: true });
    }
  });

  it("sends several images as image[], and works on the v1 API as preview", async () => {
    const [a, b] = [await base("1536x1024"), await base()];
    const r = await editImage(edits(), { image: [a, b], prompt: "merge", n: 2 });
    expect(r.data).toHaveLength(2);
    expect(r.usage?.input_tokens_details?.image_tokens).toBe(2 * 323);
    // size auto follows the first image: landscape.
    expect(pngSize(await imageBytes(edits(), r.data[0]!))).toEqual({ width: 96, height: 64 });
    const v1 = imageClient({ apiVersion: "preview" }, GPT_IMAGE);
    expect((await editImage(v1, { image: a, prompt: "x" })).data).toHaveLength(1);
  });

  it("is refused before sending on versions without images/edits", async () => {
    for (const apiVersion of ["2024-10-21", "2025-03-01-preview", "v1"]) {
      const images = imageClient({ apiVersion }, GPT_IMAGE);
      const error = await editImage(images, { image: new Uint8Array(8), prompt: "x" }).catch(
        (e: unknown) => e,
      );
      expect(UnsupportedApiVersionError.isInstance(error), apiVersion).toBe(true);
    }
  });

  it("throws ContentFilterError for a filtered edit prompt", async () => {
    const error = await editImage(
      edits(),
      { image: await base(), prompt: "x" },
      fault({ kind: "content-filter", id: "images-sdk-edit" }),
    ).catch((e: unknown) => e);
    expect(ContentFilterError.isInstance(error)).toBe(true);
    expect((error as ContentFilterError).filtered).toEqual(["violence"]);
  });

  it("surfaces the service's 400 for a mask of another size", async () => {
    const error = await editImage(edits(), {
      image: await base(),
      mask: await base("1536x1024"),
      prompt: "x",
    }).catch((e: unknown) => e);
    expect((error as { status?: number }).status).toBe(400);
    expect((error as { param?: string }).param).toBe("mask");
  });
});

describe("imageBytes() and saveImage() downloads", () => {
  const images = imageClient();
  let server: ReturnType<typeof createServer>;
  let origin: string;
  const seen: IncomingHttpHeaders[] = [];
  beforeAll(async () => {
    // A second origin standing in for the storage host.
    server = createServer((req, res) => {
      seen.push(req.headers);
      if (req.url === "/missing.png") {
        res.writeHead(404, { "content-type": "application/xml", "x-ms-request-id": "storage-1" });
        res.end(
          "<?xml version='1.0'?><Error><Code>BlobNotFound</Code><Message>The blob does not exist.</Message></Error>",
        );
      } else if (req.url === "/slow.png") {
        res.writeHead(200, { "content-type": "image/png" });
        res.write(new Uint8Array(PNG_SIGNATURE)); // and never ends
      } else {
        res.writeHead(200, { "content-type": "image/png" });
        res.end(new Uint8Array(PNG_SIGNATURE));
      }
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it("sends no credential, cookie or SDK header to the image's host", async () => {
    seen.length = 0;
    expect([...(await imageBytes(images, { url: `${origin}/ok.png` }))]).toEqual(PNG_SIGNATURE);
    expect(seen).toHaveLength(1);
    expect(Object.keys(seen[0]!).filter((h) => /api-key|authorization|cookie|x-ms-/.test(h))).toEqual([]);
  });

  it("turns a storage error into a typed APIError with its status, body and request id", async () => {
    const error = await imageBytes(images, { url: `${origin}/missing.png` }).catch((e: unknown) => e);
    expect(NotFoundError.isInstance(error)).toBe(true);
    const e = error as NotFoundError;
    expect(e.status).toBe(404);
    expect(e.requestId).toBe("storage-1");
    expect(e.message).toMatch(/^404: BlobNotFound The blob does not exist\.$/);
    expect(e.body).toContain("<Code>BlobNotFound</Code>");
    const path = tmp("missing.png");
    await expect(saveImage(images, { url: `${origin}/missing.png` }, path)).rejects.toBeInstanceOf(
      NotFoundError,
    );
    await expect(readFile(path)).rejects.toThrow(/ENOENT/);
  });

  it("checks the path before downloading: a missing folder or a folder is InvalidInputError (path)", async () => {
    seen.length = 0;
    const folder = dirname(tmp("x.png"));
    for (const [path, message] of [
      [join(folder, "no-such-folder", "x.png"), /does not exist/],
      [folder, /is a folder/],
    ] as const) {
      for (const image of [{ url: `${origin}/ok.png` }, { b64_json: "iVBORw0KGgo=" }]) {
        const error = await saveImage(images, image, path).catch((e: unknown) => e);
        expect(InvalidInputError.isInstance(error) && error.param).toBe("path");
        expect((error as Error).message).toMatch(message);
      }
    }
    expect(seen).toHaveLength(0);
  });

  it("aborts a download in progress, leaving no partial file", async () => {
    const controller = new AbortController();
    const pending = imageBytes(images, { url: `${origin}/slow.png` }, { signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    await expect(pending).rejects.toBeInstanceOf(APIUserAbortError);
    const path = tmp("slow.png");
    const again = new AbortController();
    const saving = saveImage(images, { url: `${origin}/slow.png` }, path, { signal: again.signal });
    setTimeout(() => again.abort(), 50);
    await expect(saving).rejects.toBeInstanceOf(APIUserAbortError);
    await expect(readFile(path)).rejects.toThrow(/ENOENT/);
  });

  it("maps an unreachable host to APIConnectionError without the URL in the message", async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const error = await imageBytes(images, { url: `http://127.0.0.1:${port}/x.png?sig=secret` }).catch(
      (e: unknown) => e,
    );
    expect(APIConnectionError.isInstance(error)).toBe(true);
    expect((error as APIConnectionError).message).not.toContain("secret");
    expect((error as APIConnectionError).code).toBe("ECONNREFUSED");
  });

  it("refuses an image with neither b64_json nor an http(s) url", async () => {
    for (const image of [{}, { url: "file:///etc/passwd" }, null]) {
      const error = await imageBytes(images, image as never).catch((e: unknown) => e);
      expect(InvalidInputError.isInstance(error)).toBe(true);
      expect((error as InvalidInputError).param).toBe("image");
    }
  });
});

describe("on a private emulator (request log)", () => {
  let emulator: Emulator;
  let images: ImageClient;
  let edits: ImageClient;
  beforeAll(async () => {
    emulator = await startEmulator({ port: 0 });
    const client = (apiVersion?: string) =>
      new AzureOpenAIClient({ endpoint: emulator.url, apiKey: emulator.apiKey, maxRetries: 0, apiVersion });
    images = new ImageClient(client(), DALLE);
    edits = new ImageClient(client("2025-04-01-preview"), GPT_IMAGE);
  });
  afterAll(() => emulator.close());

  it("with no apiVersion, generates on 2024-10-21 (GA), and with gpt-image-1's options on the newest preview", async () => {
    emulator.reset();
    const byDefault = new ImageClient(
      new AzureOpenAIClient({ endpoint: emulator.url, apiKey: emulator.apiKey, maxRetries: 0 }),
      GPT_IMAGE,
    );
    await byDefault.generate({ prompt: "A rabbit" });
    await byDefault.generate({ prompt: "A rabbit", output_format: "jpeg" });
    expect(emulator.requests.map((r) => r.query["api-version"])).toEqual([
      "2024-10-21",
      "2025-04-01-preview",
    ]);
  });

  it("downloads a url result without sending the api-key there", async () => {
    emulator.reset();
    const r = await images.generate({ prompt: "A rabbit eating pancakes" });
    await imageBytes(images, r.data[0]!);
    const [post, get] = emulator.requests;
    expect(post!.method).toBe("POST");
    expect(post!.headers["api-key"]).toBe("[redacted]");
    expect(get!.method).toBe("GET");
    expect(get!.path).toBe(new URL(r.data[0]!.url!).pathname);
    expect(get!.headers["api-key"]).toBeUndefined();
    expect(get!.headers.authorization).toBeUndefined();
    // The SDK's User-Agent is no secret: it goes there as with every request.
    expect(get!.headers["user-agent"]).toContain("aoai-images");
  });

  it("sends the request as given and the edit as multipart with image[] and mask", async () => {
    emulator.reset();
    await images.generate({ prompt: "x", n: 1, size: "1024x1024", quality: "standard", user: "u-1" });
    expect(emulator.requests[0]!.body).toEqual({
      prompt: "x",
      n: 1,
      size: "1024x1024",
      quality: "standard",
      user: "u-1",
    });
    expect(emulator.requests[0]!.headers["user-agent"]).toContain(`aoai-images/${VERSION}`);
    const png = await imageBytes(edits, (await edits.generate({ prompt: "p" })).data[0]!);
    emulator.reset();
    await editImage(edits, { image: [png, png], mask: png, prompt: "edit", n: 2, size: "1024x1024" });
    const [edit] = emulator.requests;
    expect(edit!.path).toBe(`/openai/deployments/${GPT_IMAGE}/images/edits`);
    expect(edit!.headers["content-type"]).toMatch(/^multipart\/form-data; boundary=/);
    expect(edit!.body).toMatchObject({
      prompt: "edit",
      n: "2",
      size: "1024x1024",
      "image[]": { content_type: "image/png", size: png.byteLength },
      "image[]#1": { content_type: "image/png", size: png.byteLength },
      mask: { content_type: "image/png", size: png.byteLength },
    });
  });

  it("sends nothing for bad input and names the parameter", async () => {
    emulator.reset();
    const jpeg = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0, 0, 0]);
    const png = new Uint8Array(PNG_SIGNATURE);
    const cases: [() => Promise<unknown>, string][] = [
      [() => images.generate("a rabbit" as never), "request"],
      [() => images.generate({ prompt: "" }), "prompt"],
      [() => images.generate({ prompt: "   " }), "prompt"],
      [() => images.generate({} as never), "prompt"],
      [() => images.generate({ prompt: "x", n: 0 }), "n"],
      [() => images.generate({ prompt: "x", n: 11 }), "n"],
      [() => images.generate({ prompt: "x", n: 1.5 }), "n"],
      [() => images.generate({ prompt: "x", size: "big" as never }), "size"],
      [() => images.generate({ prompt: "x", size: "1024X1024" as never }), "size"],
      [() => images.generate({ prompt: "x", quality: "ultra" as never }), "quality"],
      [() => images.generate({ prompt: "x", style: "bold" as never }), "style"],
      [() => images.generate({ prompt: "x", response_format: "png" as never }), "response_format"],
      [() => edits.generate({ prompt: "x", output_format: "gif" as never }), "output_format"],
      [() => edits.generate({ prompt: "x", output_compression: 101 }), "output_compression"],
      [() => edits.generate({ prompt: "x", background: "clear" as never }), "background"],
      [() => images.generate({ prompt: "x", user: 5 as never }), "user"],
      [() => editImage(edits, { prompt: "x" } as never), "image"],
      [() => editImage(edits, { image: [], prompt: "x" }), "image"],
      [() => editImage(edits, { image: png, prompt: "" }), "prompt"],
      [() => editImage(edits, { image: new Uint8Array(0), prompt: "x" }), "image"],
      [() => editImage(edits, { image: [png, 42 as never], prompt: "x" }), "image[1]"],
      [() => editImage(edits, { image: png, mask: jpeg, prompt: "x" }), "mask"],
      [
        () => editImage(edits, { image: png, mask: new Blob([png], { type: "image/jpeg" }), prompt: "x" }),
        "mask",
      ],
      [() => editImage(edits, { image: png, mask: new File([png], "mask.webp"), prompt: "x" }), "mask"],
      [() => editImage(edits, { image: png, mask: new Blob([jpeg]), prompt: "x" }), "mask"],
      [() => editImage(edits, { image: png, mask: "/tmp/mask.jpg", prompt: "x" }), "mask"],
    ];
    for (const [run, param] of cases) {
      const error = await run().catch((e: unknown) => e);
      expect(InvalidInputError.isInstance(error), `${param}: ${String(error)}`).toBe(true);
      expect((error as InvalidInputError).param).toBe(param);
    }
    expect(emulator.requests).toHaveLength(0);
  });

  it("a client made with versionChecks: false lets the service judge the version", async () => {
    emulator.reset();
    const loose = new ImageClient(
      new AzureOpenAIClient({
        endpoint: emulator.url,
        apiKey: emulator.apiKey,
        apiVersion: "2024-10-21",
        versionChecks: false,
        maxRetries: 0,
      }),
      GPT_IMAGE,
    );
    const error = await editImage(loose, { image: new Uint8Array(PNG_SIGNATURE), prompt: "x" }).catch(
      (e: unknown) => e,
    );
    expect(NotFoundError.isInstance(error)).toBe(true);
    expect(emulator.requests).toHaveLength(1);
  });
});
