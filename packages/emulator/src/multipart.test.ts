import { describe, expect, it } from "vitest";
import { parseMultipart } from "./multipart.js";

async function encode(form: FormData): Promise<{ body: Buffer; type: string }> {
  const res = new Response(form);
  return { body: Buffer.from(await res.arrayBuffer()), type: res.headers.get("content-type")! };
}

describe("parseMultipart", () => {
  it("reads fields, repeated fields and binary files", async () => {
    const form = new FormData();
    form.append("model", "whisper");
    form.append("timestamp_granularities[]", "word");
    form.append("timestamp_granularities[]", "segment");
    const bytes = Uint8Array.from([0, 13, 10, 45, 45, 255]);
    form.append("file", new Blob([bytes], { type: "audio/wav" }), 'a "b".wav');
    const { body, type } = await encode(form);
    const parts = parseMultipart(body, type);
    expect(parts.fields).toEqual({ model: "whisper", "timestamp_granularities[]": ["word", "segment"] });
    expect(parts.files.file!.contentType).toBe("audio/wav");
    expect([...parts.files.file!.data]).toEqual([...bytes]);
  });

  it("throws a 400-style error on broken bodies", () => {
    for (const [body, type] of [
      ["", "multipart/form-data"],
      ["nothing here", "multipart/form-data; boundary=x"],
      [
        "--x\r\nContent-Disposition: form-data; name=a\r\n\r\nunterminated",
        "multipart/form-data; boundary=x",
      ],
      ["--x\r\nno-headers-end", "multipart/form-data; boundary=x"],
    ] as const) {
      expect(() => parseMultipart(Buffer.from(body), type)).toThrow(/multipart/);
    }
  });
});
