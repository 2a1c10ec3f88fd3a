#!/usr/bin/env node
import { parseArgs } from "node:util";
import { DEFAULT_DEPLOYMENTS } from "./models.js";
import type { DeploymentQuota } from "./quotas.js";
import { startEmulator } from "./server.js";

const USAGE = `Usage: aoai-emulator [options]

A local emulator of the Azure OpenAI data plane. Prints its URL as the first line of stdout.

Options:
  --port <n>               Port to listen on; 0 picks a free one (default 0)
  --host <addr>            Interface to bind (default 127.0.0.1)
  --api-key <key>          Accepted api-key value; repeat for several (default emulator-key)
  --bearer-token <tok>     Accepted bearer token; repeat for several (default: any non-empty token)
  --region <name>          x-ms-region header value (default Local)
  --deployment <name=model>
                           A deployment and its model, e.g. chat=gpt-4o-2024-11-20; repeat for
                           several. Added to the default deployments (see --only-deployments)
  --only-deployments       Have only the --deployment ones, not the defaults
  --any-deployment         Take every deployment name as a deployment of the model of that name
  --quota <name=rpm:N,tpm:N>
                           Enforce a deployment's requests and/or tokens per minute, e.g.
                           ptu=rpm:60,tpm:10000; past it requests get Azure's 429 with
                           retry-after-ms; repeat for several deployments
  --quota-window-ms <ms>   Length of the quota window (default 60000, a minute as on Azure)
  --time-scale <x>         Speed of files, batches and fine-tuning jobs: 0.01 is 100x faster,
                           0 ends each phase when looked at (default 1)
  -h, --help               Show this help
`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: "string" },
      host: { type: "string" },
      "api-key": { type: "string", multiple: true },
      "bearer-token": { type: "string", multiple: true },
      region: { type: "string" },
      deployment: { type: "string", multiple: true },
      "only-deployments": { type: "boolean" },
      "any-deployment": { type: "boolean" },
      "time-scale": { type: "string" },
      quota: { type: "string", multiple: true },
      "quota-window-ms": { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) {
    process.stdout.write(USAGE);
    return;
  }
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new Error(`invalid --port: ${values.port}`);
  const timeScale = values["time-scale"] === undefined ? undefined : Number(values["time-scale"]);
  if (timeScale !== undefined && !(Number.isFinite(timeScale) && timeScale >= 0))
    throw new Error(`invalid --time-scale: ${values["time-scale"]} (a number >= 0)`);
  if (values["any-deployment"] && (values.deployment || values["only-deployments"]))
    throw new Error("--any-deployment cannot be combined with --deployment or --only-deployments");
  const windowMs = values["quota-window-ms"] === undefined ? undefined : Number(values["quota-window-ms"]);
  if (windowMs !== undefined && !(Number.isFinite(windowMs) && windowMs > 0))
    throw new Error(`invalid --quota-window-ms: ${values["quota-window-ms"]} (a number > 0)`);
  const emulator = await startEmulator({
    port,
    ...(values.host && { host: values.host }),
    ...(values["api-key"] && { apiKeys: values["api-key"] }),
    ...(values["bearer-token"] && { bearerTokens: values["bearer-token"] }),
    ...(values.region && { region: values.region }),
    ...(timeScale !== undefined && { timeScale }),
    ...(values.quota && { quotas: quotas(values.quota) }),
    ...(windowMs !== undefined && { quotaWindowMs: windowMs }),
    deployments: values["any-deployment"]
      ? "any"
      : deployments(values.deployment ?? [], values["only-deployments"] === true),
  });
  process.stdout.write(`${emulator.url}\n`);
  process.stderr.write(`aoai-emulator listening on ${emulator.url} (api-key: ${emulator.apiKey})\n`);
  const stop = () => {
    void emulator.close().then(() => process.exit(0));
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

function deployments(pairs: string[], only: boolean): Record<string, string> {
  const table: Record<string, string> = only ? {} : { ...DEFAULT_DEPLOYMENTS };
  for (const pair of pairs) {
    const at = pair.indexOf("=");
    const name = pair.slice(0, at).trim();
    const model = pair.slice(at + 1).trim();
    if (at < 1 || !name || !model) throw new Error(`invalid --deployment: ${pair} (expected name=model)`);
    table[name] = model;
  }
  if (only && pairs.length === 0) throw new Error("--only-deployments needs at least one --deployment");
  return table;
}

function quotas(specs: string[]): Record<string, DeploymentQuota> {
  const table: Record<string, DeploymentQuota> = {};
  for (const spec of specs) {
    const at = spec.indexOf("=");
    const name = spec.slice(0, at).trim();
    if (at < 1 || !name) throw new Error(`invalid --quota: ${spec} (expected name=rpm:N,tpm:N)`);
    const quota: DeploymentQuota = {};
    for (const part of spec.slice(at + 1).split(",")) {
      const [kind, raw] = part.split(":").map((x) => x.trim());
      const n = Number(raw);
      if (!raw || !Number.isInteger(n) || n <= 0 || (kind !== "rpm" && kind !== "tpm"))
        throw new Error(`invalid --quota: ${spec} (expected name=rpm:N,tpm:N with whole numbers > 0)`);
      if (kind === "rpm") quota.requestsPerMinute = n;
      else quota.tokensPerMinute = n;
    }
    table[name] = quota;
  }
  return table;
}

main().catch((error: unknown) => {
  process.stderr.write(`aoai-emulator: ${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
  process.exit(1);
});
