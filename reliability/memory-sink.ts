// The other end of memory.test.ts, in a process of its own so that its socket buffers are not
// counted as the SDK's. It holds nothing: an upload is counted, speech is written from one reused
// megabyte as the socket drains, and a results file is generated as it is sent. Started by path
// (node strips the types); it sends its port to the test and exits when the test goes.
import { createServer, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

const MB = 1024 * 1024;
const megabyte = Buffer.alloc(MB, 7);

/** `count` bytes from one reused megabyte, written as the socket drains. */
function writeBytes(res: ServerResponse, count: number): void {
  let left = count;
  const pump = () => {
    while (left > 0) {
      const part = left >= MB ? megabyte : megabyte.subarray(0, left);
      left -= part.length;
      if (!res.write(part)) return void res.once("drain", pump);
    }
    res.end();
  };
  pump();
}

/** `lines` result lines, 2,000 to a write, written as the socket drains. */
function writeLines(res: ServerResponse, lines: number): void {
  let i = 0;
  const pump = () => {
    while (i < lines) {
      let text = "";
      for (const end = Math.min(lines, i + 2000); i < end; i++)
        text += `{"id":"r${i}","custom_id":"t${i}","error":null}\n`;
      if (!res.write(text)) return void res.once("drain", pump);
    }
    res.end();
  };
  pump();
}

const server = createServer((req, res) => {
  const url = req.url ?? "";
  if (req.method === "POST" && url.startsWith("/openai/files")) {
    let uploaded = 0;
    req.on("data", (chunk: Buffer) => {
      uploaded += chunk.length;
    });
    req.on("end", () => {
      res.writeHead(200, { "content-type": "application/json" });
      res.end(
        JSON.stringify({
          id: "file-big",
          object: "file",
          bytes: uploaded,
          status: "pending",
          purpose: "fine-tune",
          filename: "big.jsonl",
          created_at: 0,
        }),
      );
    });
    return;
  }
  if (url.includes("/audio/speech")) {
    // The speech's input is the number of bytes to answer with.
    let body = "";
    req.setEncoding("utf8");
    req.on("data", (text: string) => {
      body += text;
    });
    req.on("end", () => {
      res.writeHead(200, { "content-type": "audio/wav" });
      writeBytes(res, Number((JSON.parse(body) as { input: string }).input));
    });
    return;
  }
  // /openai/files/results-<lines>/content
  const results = /^\/openai\/files\/results-(\d+)\/content/.exec(url);
  if (results) {
    res.writeHead(200, { "content-type": "application/octet-stream" });
    return writeLines(res, Number(results[1]));
  }
  res.writeHead(404).end();
});

server.listen(0, "127.0.0.1", () => process.send?.((server.address() as AddressInfo).port));
process.on("disconnect", () => process.exit(0));
