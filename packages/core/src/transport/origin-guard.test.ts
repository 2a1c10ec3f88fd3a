import type { PipelineRequest, PipelineResponse } from "@azure/core-rest-pipeline";
import { describe, expect, it } from "vitest";
import { createHeaders } from "./http-headers.js";
import { originGuard } from "./origin-guard.js";

const auth = {
  name: "auth",
  sendRequest(request: PipelineRequest, next: (r: PipelineRequest) => Promise<PipelineResponse>) {
    request.headers.set("api-key", "k");
    return next(request);
  },
};

async function sent(url: string): Promise<Record<string, string>> {
  const guard = originGuard("https://res.openai.azure.com", auth, ["Ocp-Apim-Subscription-Key"]);
  const headers = createHeaders({
    "ocp-apim-subscription-key": "s",
    authorization: "Bearer t",
    "x-call": "c",
  });
  headers.set("x-ms-useragent", "aoai");
  let out: Record<string, string> = {};
  await guard.sendRequest({ url, headers } as PipelineRequest, async (r) => {
    out = r.headers.toJSON();
    return {} as PipelineResponse;
  });
  return out;
}

describe("originGuard", () => {
  it("sends the credential and every header to the endpoint's API", async () => {
    expect(await sent("https://res.openai.azure.com/openai/deployments/d/chat/completions")).toMatchObject({
      "api-key": "k",
      "ocp-apim-subscription-key": "s",
    });
  });

  it.each([
    "https://dalleprodsec.blob.core.windows.net/private/images/x.png?sig=s",
    "https://res.openai.azure.com.evil.example/openai/x",
    "https://res.openai.azure.com/emulator/images/x.png",
    "http://res.openai.azure.com/openai/x",
  ])("sends neither the credential nor the client's headers to %s", async (url) => {
    expect(await sent(url)).toEqual({ "x-call": "c" });
  });
});
