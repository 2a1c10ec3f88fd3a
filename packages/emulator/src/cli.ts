#!/usr/bin/env node
import { parseArgs } from "node:util";
import { startEmulator } from "./server.js";

const USAGE = `Usage: aoai-emulator [options]

A local emulator of the Azure OpenAI data plane. Prints its URL as the first line of stdout.

Options:
  --port <n>            Port to listen on; 0 picks a free one (default 0)
  --host <addr>         Interface to bind (default 127.0.0.1)
  --api-key <key>       Accepted api-key value; repeat for several (default emulator-key)
  --bearer-token <tok>  Accepted bearer token; repeat for several (default: any non-empty token)
  --region <name>       x-ms-region header value (default Local)
  -h, --help            Show this help
`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: "string" },
      host: { type: "string" },
      "api-key": { type: "string", multiple: true },
      "bearer-token": { type: "string", multiple: true },
      region: { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) {
    process.stdout.write(USAGE);
    return;
  }
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new Error(`invalid --port: ${values.port}`);
  const emulator = await startEmulator({
    port,
    ...(values.host && { host: values.host }),
    ...(values["api-key"] && { apiKeys: values["api-key"] }),
    ...(values["bearer-token"] && { bearerTokens: values["bearer-token"] }),
    ...(values.region && { region: values.region }),
  });
  process.stdout.write(`${emulator.url}\n`);
  process.stderr.write(`aoai-emulator listening on ${emulator.url} (api-key: ${emulator.apiKey})\n`);
  const stop = () => {
    void emulator.close().then(() => process.exit(0));
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`aoai-emulator: ${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
  process.exit(1);
});
