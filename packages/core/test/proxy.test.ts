import { createServer, request as httpRequest, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callJson, chat, clientFor } from "./support/client.js";
import { json, startServer, type TestServer } from "./support/server.js";

let server: TestServer;
let proxy: Server;
let proxyUrl: string;
const proxied: string[] = [];

beforeAll(async () => {
  server = await startServer();
  // A forward proxy for plain http: the request line carries the absolute URL, passed on as is.
  proxy = createServer((req, res) => {
    proxied.push(`${req.method} ${req.url}`);
    const upstream = httpRequest(req.url!, { method: req.method, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode!, answer.headers);
      answer.pipe(res);
    });
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => proxy.listen(0, "127.0.0.1", resolve));
  proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
});
afterAll(async () => {
  proxy.closeAllConnections();
  await new Promise((resolve) => proxy.close(resolve));
  await server.close();
});

describe("proxies from the environment (Node's default HTTP client)", () => {
  it("sends through HTTP_PROXY when it is set at the client's first request", async () => {
    server.script(json(200, { via: "proxy" }));
    const saved = process.env.HTTP_PROXY;
    process.env.HTTP_PROXY = proxyUrl;
    let result: { via: string };
    try {
      result = await callJson<{ via: string }>(clientFor(server), chat);
    } finally {
      if (saved === undefined) delete process.env.HTTP_PROXY;
      else process.env.HTTP_PROXY = saved;
    }
    expect(result.via).toBe("proxy");
    expect(proxied).toEqual([`POST ${server.url}/openai/v1/chat/completions`]);
    expect(server.requests).toHaveLength(1);
  });
});
