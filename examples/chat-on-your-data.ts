// Azure On Your Data: ground the reply in an Azure AI Search index; the answer carries
// `message.context` with citations and the search intent. Set AZURE_SEARCH_ENDPOINT,
// AZURE_SEARCH_INDEX and AZURE_SEARCH_KEY for a real index (the emulator makes up citations).
import { ChatClient } from "@aoai/chat";
import { connect } from "./connect.ts";

const { client, chatDeployment, close } = await connect();
try {
  const chat = new ChatClient(client, chatDeployment);
  const completion = await chat.complete({
    messages: [{ role: "user", content: "What do our care guides say about feeding parrots?" }],
    data_sources: [
      {
        type: "azure_search",
        parameters: {
          endpoint: process.env.AZURE_SEARCH_ENDPOINT ?? "https://my-search.search.windows.net",
          index_name: process.env.AZURE_SEARCH_INDEX ?? "parrot-care",
          authentication: process.env.AZURE_SEARCH_KEY
            ? { type: "api_key", key: process.env.AZURE_SEARCH_KEY }
            : { type: "system_assigned_managed_identity" },
          query_type: "simple",
          top_n_documents: 5,
          in_scope: true,
        },
      },
    ],
  });

  const message = completion.choices[0]!.message;
  console.log(message.content);
  console.log("intent:", message.context?.intent);
  for (const [i, citation] of (message.context?.citations ?? []).entries()) {
    console.log(`[doc${i + 1}] ${citation.title ?? citation.filepath ?? "untitled"} ${citation.url ?? ""}`);
  }
} finally {
  await close();
}
