import { describe, expect, it } from "vitest";
import type { ChatCompletion, ChatCompletionCreateRequest, ChatMessage } from "./index.js";

// Bodies shaped as in Azure's REST examples (2024-10-21 and 2025-04-01-preview): each must
// type-check as it is, since users paste them. The assertions run; the types are the test.
describe("the wire types take Azure's REST examples as they are", () => {
  it("requests: role_information, the azure_ml_index source, an assistant message with its context", () => {
    const search: ChatCompletionCreateRequest = {
      messages: [{ role: "user", content: "can you tell me how to care for a parrot?" }],
      data_sources: [
        {
          type: "azure_search",
          parameters: {
            endpoint: "https://your-search-endpoint.search.windows.net/",
            index_name: "{index name}",
            authentication: { type: "api_key", key: "{api key}" },
            role_information: "You are an AI assistant that helps people find information.",
          },
        },
      ],
    };
    const cosmos: ChatCompletionCreateRequest = {
      messages: [{ role: "user", content: "can you tell me how to care for a cat?" }],
      data_sources: [
        {
          type: "azure_cosmos_db",
          parameters: {
            authentication: { type: "connection_string", connection_string: "mongodb+srv://…" },
            database_name: "vectordb",
            container_name: "azuredocs",
            index_name: "azuredocindex",
            embedding_dependency: { type: "deployment_name", deployment_name: "{embedding deployment name}" },
            fields_mapping: { content_fields: ["content"], vector_fields: ["contentvector"] },
            role_information: "You are an AI assistant that helps people find information.",
          },
        },
      ],
    };
    const mlIndex: ChatCompletionCreateRequest = {
      messages: [{ role: "user", content: "Who is DRI?" }],
      data_sources: [
        {
          type: "azure_ml_index",
          parameters: {
            project_resource_id:
              "/subscriptions/…/resourceGroups/…/providers/Microsoft.MachineLearningServices/workspaces/…",
            name: "my-index",
            version: "1",
            authentication: { type: "system_assigned_managed_identity" },
          },
        },
      ],
    };
    const history: ChatMessage[] = [
      { role: "user", content: "can you tell me how to care for a parrot?" },
      {
        role: "assistant",
        content: "Parrots need a varied diet [doc1].",
        context: {
          intent: '["How to care for a parrot?"]',
          citations: [
            {
              content: "Parrots eat seeds and fruit.",
              title: "Care",
              url: null,
              filepath: null,
              chunk_id: "0",
            },
          ],
        },
      },
      { role: "user", content: "and a cat?" },
    ];
    expect([search, cosmos, mlIndex, history].every(Boolean)).toBe(true);
  });

  it("responses: what Azure's examples leave out (object, model, refusal, logprobs) is optional", () => {
    const response: ChatCompletion = {
      id: "chatcmpl-7R1nGnsXO8n4oi9UPz2f3UHdgAYMn",
      created: 1686676106,
      choices: [
        {
          index: 0,
          finish_reason: "stop",
          message: {
            role: "assistant",
            content: "Ahoy matey! So ye be wantin' to care for a fine squawkin' parrot, eh?",
          },
        },
      ],
      usage: { completion_tokens: 557, prompt_tokens: 33, total_tokens: 590 },
    };
    expect(response.choices[0]?.logprobs).toBeUndefined();
  });
});
