import { fileURLToPath } from "node:url";
import { playwright } from "@vitest/browser-playwright";
import { defineConfig } from "vitest/config";

const src = (pkg: string) => fileURLToPath(new URL(`./packages/${pkg}/src/index.ts`, import.meta.url));

// Tests run against the sources of sibling packages, so no build is needed before a test run.
const alias = {
  "@aoai/core": src("core"),
  "@aoai/chat": src("chat"),
  "@aoai/embeddings": src("embeddings"),
  "@aoai/emulator": src("emulator"),
};

// Browsers get core's fetch client, as the published browser build does (packages/core/tsdown.config.ts).
const browserAlias = [
  {
    find: /^\.\/transport\/default-http-client\.js$/,
    replacement: fileURLToPath(
      new URL("./packages/core/src/transport/default-http-client.browser.ts", import.meta.url),
    ),
  },
  ...Object.entries(alias).map(([find, replacement]) => ({ find, replacement })),
];

const chromiumArgs = [
  "--no-sandbox",
  "--headless",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

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
            "scripts/**/*.test.ts",
          ],
          exclude: ["**/*.browser.test.ts", "**/node_modules/**", "**/dist/**"],
          globalSetup: ["./test-utils/global-setup.ts"],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        resolve: { alias: browserAlias },
        test: {
          name: "browser",
          include: ["packages/*/test/**/*.browser.test.ts"],
          globalSetup: ["./test-utils/global-setup.ts"],
          browser: {
            enabled: true,
            headless: true,
            provider: playwright({
              launchOptions: {
                executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
                args: chromiumArgs,
              },
            }),
            instances: [{ browser: "chromium" }],
          },
        },
      },
    ],
  },
});
