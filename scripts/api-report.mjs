// The public API of every published package, one committed report per entry point
// (packages/<pkg>/api/<pkg>.api.md; `@aoai/core/internal` is packages/core/api/core-internal.api.md),
// made by API Extractor from the built `.d.ts` files (it brings its own TypeScript, so it does not
// matter which compiler built them). Run after `pnpm build`.
//
//   pnpm api          rewrites the reports (commit them with the change and its changeset)
//   pnpm api:check    fails if a report differs from the build: the public API changed and the
//                     report was not updated (scripts/check.sh runs it)
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { Extractor, ExtractorConfig } from "@microsoft/api-extractor";

const root = fileURLToPath(new URL("..", import.meta.url));
const check = process.argv.includes("--check");
const only = process.argv.slice(2).filter((arg) => !arg.startsWith("--"));
const temp = mkdtempSync(join(tmpdir(), "aoai-api-"));

/** Each published package's entry points: [report name, `.d.ts` file]. */
function entryPoints(dir) {
  const manifest = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
  const unscoped = manifest.name.replace(/^@[^/]+\//, "");
  return Object.entries(manifest.exports ?? {})
    .filter(([subpath]) => subpath !== "./package.json")
    .map(([subpath, conditions]) => {
      const types = conditions.import?.types ?? conditions.types;
      const name = subpath === "." ? unscoped : `${unscoped}-${subpath.slice(2).replaceAll("/", "-")}`;
      return { package: manifest.name, name, dts: join(dir, types) };
    });
}

/** The first lines of a unified diff from the committed report to the built one. */
function diff(committed, built) {
  const { stdout } = spawnSync("diff", ["-u", committed, built], { encoding: "utf8" });
  const lines = (stdout ?? "").split("\n");
  return lines.slice(0, 60).join("\n") + (lines.length > 60 ? `\n… ${lines.length - 60} more lines` : "");
}

const messages = {
  compilerMessageReporting: { default: { logLevel: "warning" } },
  extractorMessageReporting: {
    default: { logLevel: "warning" },
    // No release tags (@public, @beta…) in this SDK: what an entry point exports is its API.
    "ae-missing-release-tag": { logLevel: "none" },
    // A type used but not exported is part of the API all the same: noted in the report.
    "ae-forgotten-export": { logLevel: "none", addToApiReportFile: true },
    "ae-internal-missing-underscore": { logLevel: "none" },
    "ae-unresolved-link": { logLevel: "none" },
    "ae-undocumented": { logLevel: "none" },
  },
  tsdocMessageReporting: { default: { logLevel: "none" } },
};

let changed = 0;
let failed = 0;
const packages = readdirSync(join(root, "packages")).sort();
for (const pkg of packages) {
  const dir = join(root, "packages", pkg);
  let manifest;
  try {
    manifest = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
  } catch {
    continue;
  }
  if (manifest.private || (only.length > 0 && !only.includes(pkg))) continue;
  const reportFolder = join(dir, "api");
  mkdirSync(reportFolder, { recursive: true });
  for (const entry of entryPoints(dir)) {
    const config = ExtractorConfig.prepare({
      configObject: {
        projectFolder: dir,
        mainEntryPointFilePath: entry.dts,
        compiler: {
          overrideTsconfig: {
            compilerOptions: {
              target: "es2022",
              lib: ["es2023", "dom", "dom.iterable"],
              module: "nodenext",
              moduleResolution: "nodenext",
              types: [],
              skipLibCheck: true,
            },
            files: [entry.dts],
          },
        },
        apiReport: {
          enabled: true,
          reportFileName: `${entry.name}.api.md`,
          reportFolder,
          reportTempFolder: join(temp, pkg),
        },
        docModel: { enabled: false },
        dtsRollup: { enabled: false },
        tsdocMetadata: { enabled: false },
        newlineKind: "lf",
        messages,
      },
      configObjectFullPath: undefined,
      packageJsonFullPath: join(dir, "package.json"),
    });
    const result = Extractor.invoke(config, {
      localBuild: !check,
      showVerboseMessages: false,
      messageCallback: (message) => {
        // The report's own "changed" warning is summarised below.
        if (message.messageId === "console-api-report-changed" || message.messageId?.startsWith("console-"))
          message.logLevel = "none";
      },
    });
    const file = `packages/${pkg}/api/${entry.name}.api.md`;
    if (result.errorCount > 0) {
      failed++;
      console.error(`FAIL ${file}: ${result.errorCount} errors`);
    } else if (result.apiReportChanged) {
      changed++;
      console.log(`${check ? "DIFFERS" : "updated"} ${file}`);
      if (check)
        console.log(
          diff(join(reportFolder, `${entry.name}.api.md`), join(temp, pkg, `${entry.name}.api.md`)),
        );
    } else console.log(`ok   ${file}`);
  }
}
rmSync(temp, { recursive: true, force: true });
if (check && changed > 0) {
  console.error(
    `api:check: the public API of ${changed} entry points differs from its committed report. If the change ` +
      "is meant, run `pnpm build && pnpm api`, commit the reports, and give the change a changeset of the " +
      "right kind (while 0.x: minor for a breaking or new API, patch otherwise).",
  );
  process.exit(1);
}
if (failed > 0) process.exit(1);
