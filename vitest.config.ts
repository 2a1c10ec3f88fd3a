import { existsSync, readdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { playwright } from "@vitest/browser-playwright";
import { defineConfig } from "vitest/config";
import { CHROMIUM_ARGS, CHROMIUM_PATH } from "./test-utils/chromium.ts";

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

// Tests run against the sources of sibling packages, so no build is needed before a test run:
// `@aoai/<dir>` is packages/<dir>/src/index.ts, and each other entry point is its src file
// (`@aoai/core/internal` -> packages/core/src/internal.ts). Packages are found, not listed.
const packages = readdirSync(here("./packages")).filter((dir) =>
  existsSync(here(`./packages/${dir}/src/index.ts`)),
);
const alias = packages.flatMap((dir) => {
  const entries = [
    { find: new RegExp(`^@aoai/${dir}$`), replacement: here(`./packages/${dir}/src/index.ts`) },
  ];
  for (const file of readdirSync(here(`./packages/${dir}/src`))) {
    const entry = /^(internal|logging|node)\.ts$/.exec(file)?.[1];
    if (entry)
      entries.push({
        find: new RegExp(`^@aoai/${dir}/${entry}$`),
        replacement: here(`./packages/${dir}/src/${file}`),
      });
  }
  return entries;
});

// Browsers get each module's `.browser.ts` twin where it has one, as the published browser build
// does (packages/core/tsdown.config.ts): fetch instead of node:http, uploads as a Blob.
const browserTwins = {
  name: "browser-twins",
  enforce: "pre" as const,
  resolveId(source: string, importer: string | undefined) {
    if (!importer || !source.startsWith(".")) return null;
    const twin = `${resolve(dirname(importer), source.replace(/\.js$/, ""))}.browser.ts`;
    return existsSync(twin) ? twin : null;
  },
};

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: "node",
          environment: "node",
          include: [
            "packages/*/src/**/*.test.ts",
            "packages/*/test/**/*.test.ts",
            "examples/**/*.test.ts",
            "bench/**/*.test.ts",
            "reliability/**/*.test.ts",
            "scripts/**/*.test.ts",
          ],
          exclude: ["**/*.browser.test.ts", "**/node_modules/**", "**/dist/**"],
          globalSetup: ["./test-utils/global-setup.ts"],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        resolve: { alias },
        plugins: [browserTwins],
        test: {
          name: "browser",
          include: ["packages/*/test/**/*.browser.test.ts"],
          globalSetup: ["./test-utils/global-setup.ts"],
          browser: {
            enabled: true,
            headless: true,
            provider: playwright({
              launchOptions: {
                executablePath: CHROMIUM_PATH,
                args: CHROMIUM_ARGS,
              },
            }),
            instances: [{ browser: "chromium" }],
          },
        },
      },
    ],
  },
});
