import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { checkPackage } from "./check-tarballs.mjs";

const run = promisify(execFile);
const root = fileURLToPath(new URL("..", import.meta.url));
const rootManifest = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
const published = readdirSync(join(root, "packages")).filter((dir) => {
  try {
    return !JSON.parse(readFileSync(join(root, "packages", dir, "package.json"), "utf8")).private;
  } catch {
    return false;
  }
});
const temp = mkdtempSync(join(tmpdir(), "aoai-release-guards-"));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

/** Runs a command, resolving with its exit code and output instead of throwing. */
async function attempt(file: string, args: string[], cwd: string) {
  try {
    const { stdout, stderr } = await run(file, args, { cwd, timeout: 60_000 });
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { code: e.code ?? 1, output: `${e.stdout ?? ""}${e.stderr ?? ""}` };
  }
}

describe("published packages' manifests", () => {
  it.each(published)("%s: LICENSE, repository, homepage, bugs, engines, files, publish guard", (dir) => {
    const pkgDir = join(root, "packages", dir);
    const manifest = JSON.parse(readFileSync(join(pkgDir, "package.json"), "utf8"));
    expect(readFileSync(join(pkgDir, "LICENSE"), "utf8")).toBe(readFileSync(join(root, "LICENSE"), "utf8"));
    expect(manifest.license).toBe("MIT");
    expect(manifest.repository).toEqual({
      type: "git",
      url: rootManifest.repository.url,
      directory: `packages/${dir}`,
    });
    const web = rootManifest.repository.url.replace(/^git\+/, "").replace(/\.git$/, "");
    expect(manifest.homepage).toBe(`${web}/tree/main/packages/${dir}#readme`);
    expect(manifest.bugs).toEqual({ url: `${web}/issues` });
    // Node 20 is past its end of life and the current @azure/* packages need 22; the registry
    // test runs the packages on every major this allows.
    expect(manifest.engines).toEqual({ node: ">=22" });
    expect(manifest.files).toEqual(["dist", "README.md", "CHANGELOG.md", "LICENSE"]);
    expect(manifest.scripts.prepublishOnly).toBe("node ../../scripts/prepublish-guard.mjs");
  });
});

describe("the workspace: guard", () => {
  const chat = join(root, "packages", "chat");

  it("`npm publish` from a package folder is refused before anything is sent", async () => {
    const { code, output } = await attempt("npm", ["publish", "--dry-run"], chat);
    expect(code).not.toBe(0);
    expect(output).toContain("@aoai/core@workspace:^");
    expect(output).toContain("pnpm release");
  });

  it("a tarball packed by npm (workspace: range kept) is refused; one packed by pnpm passes", async () => {
    const byNpm = join(temp, "npm");
    const byPnpm = join(temp, "pnpm");
    mkdirSync(byNpm);
    mkdirSync(byPnpm);
    await run("npm", ["pack", "--pack-destination", byNpm, "--loglevel=error"], {
      cwd: chat,
      timeout: 60_000,
    });
    await run("pnpm", ["pack", "--pack-destination", byPnpm], { cwd: chat, timeout: 60_000 });

    const refused = await attempt("node", [join(root, "scripts/check-tarballs.mjs"), byNpm], root);
    expect(refused.code).toBe(1);
    expect(refused.output).toMatch(/still has @aoai\/core@workspace:\^: no consumer can install that/);

    const packed = await attempt("node", [join(root, "scripts/check-tarballs.mjs"), byPnpm], root);
    expect(packed.output).not.toContain("workspace:");
  });
});

describe("checkPackage", () => {
  function fixture(files: Record<string, string>) {
    const dir = mkdtempSync(join(temp, "pkg-"));
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(join(dir, path, ".."), { recursive: true });
      writeFileSync(join(dir, path), text);
    }
    return dir;
  }
  const manifest = {
    name: "@aoai/x",
    version: "0.1.0",
    license: "MIT",
    repository: { type: "git", url: "git+https://git.example.com/a/b.git", directory: "packages/x" },
    homepage: "https://git.example.com/a/b/tree/main/packages/x#readme",
    bugs: { url: "https://git.example.com/a/b/issues" },
    engines: { node: ">=22" },
    dependencies: { "@aoai/core": "^0.1.0" },
  };
  const shared = Array.from(
    { length: 30 },
    (_, i) => `export const value${i} = "a line long enough to count as code";`,
  );
  const good: Record<string, string> = {
    "package.json": JSON.stringify({ ...manifest, bin: { x: "./dist/cli.js" } }),
    LICENSE: "MIT",
    "README.md": "See [`@aoai/core`](https://git.example.com/a/b/tree/main/packages/core#readme); `a[0](b)`.",
    "CHANGELOG.md": "# @aoai/x",
    "dist/index.js": shared.join("\n"),
    "dist/cli.js": 'import { value0 } from "./index.js";\nconsole.log(value0);',
  };

  it("accepts a complete package", () => {
    expect(checkPackage(fixture(good), { release: true }).problems).toEqual([]);
  });

  it("refuses what a registry page or a consumer cannot use", () => {
    const { "CHANGELOG.md": _, ...withoutChangelog } = good;
    const { problems } = checkPackage(
      fixture({
        ...withoutChangelog,
        "package.json": JSON.stringify({
          ...manifest,
          version: "0.0.0",
          homepage: undefined,
          bin: { x: "./dist/cli.js" },
          dependencies: { "@aoai/core": "workspace:^" },
        }),
        "README.md": "On top of [`@aoai/core`](../core).",
        "dist/index.js": `${shared.join("\n")}\n//# sourceMappingURL=index.js.map`,
        "dist/cli.js": shared.join("\n"),
        "dist/index.test.js": "",
        "dist/other.js.map": "{}",
      }),
      { release: true },
    );
    const text = problems.join("\n");
    expect(text).toContain("@aoai/core@workspace:^");
    expect(text).toContain("version 0.0.0 was never released");
    expect(text).toContain("`homepage` is missing");
    expect(text).toContain("CHANGELOG.md is missing");
    expect(text).toContain("README.md links only work in the repository: ../core");
    expect(text).toContain("dist/index.js points at a source map it does not ship");
    expect(text).toContain("bin dist/cli.js repeats 30 of its 30 lines from dist/index.js");
    expect(text).toContain("ships dist/index.test.js, a test file");
    expect(text).toContain("ships dist/other.js.map, a source map");
  });
});
