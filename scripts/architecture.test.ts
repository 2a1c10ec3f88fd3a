// The architecture rules of docs/new-package.md, checked on the sources: dependencies point one
// way (features -> core, plus the uploads exception), no `node:` module is reachable from what a
// browser bundle takes, and every feature declares its User-Agent token as the template says.
// Static imports are read as text (one regular expression, as packages/core's import-graph test
// does): the sources are ESM with one import form, and a parser would need TypeScript's JS API,
// which TypeScript 7 does not have.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { builtinModules } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const packages = readdirSync(join(root, "packages")).filter((p) =>
  existsSync(join(root, "packages", p, "package.json")),
);
/** Packages that run in Node only (a local server): the browser rule does not apply. */
const NODE_ONLY = new Set(["emulator"]);
/** Features that may build on another feature's uploads. */
const MAY_USE_FILES = new Set(["batches", "vector-stores"]);

// `import … from "x"` and `export … from "x"`, `import "x"`, and `import("x")`.
const IMPORT =
  /^\s*(import|export)\s+(type\s+)?(?:[^;]*?\s+from\s+)?["']([^"']+)["'];?|import\(\s*["']([^"']+)["']\s*\)/gm;

interface Import {
  from: string;
  typeOnly: boolean;
}

// Type positions that name a module (`typeof import("node:fs")`, `import("node:http").Agent` as a
// type, `Promise<import("x").T>`): not loaded at run time.
const TYPE_IMPORT =
  /typeof\s+import\(\s*["'][^"']+["']\s*\)|<\s*import\(\s*["'][^"']+["']\s*\)|import\(\s*["'][^"']+["']\s*\)\.[A-Za-z_$][\w$]*(?!\s*\()/g;

function importsOf(file: string): Import[] {
  const text = readFileSync(file, "utf8").replace(TYPE_IMPORT, "");
  const out: Import[] = [];
  for (const m of text.matchAll(IMPORT)) {
    const from = m[3] ?? m[4];
    if (!from) continue;
    // `import { type A, type B } from` is type-only too.
    const clause = /\{([^}]*)\}/.exec(m[0])?.[1];
    const allTypes = clause?.split(",").every((n) => /^\s*(type\s|$)/.test(n)) === true;
    out.push({ from, typeOnly: m[2] !== undefined || (allTypes && !/\bimport\s*\(/.test(m[0])) });
  }
  return out;
}

function sources(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...sources(path));
    else if (name.endsWith(".ts") && !name.endsWith(".test.ts")) out.push(path);
  }
  return out;
}

const workspaceOf = (from: string) => /^@aoai\/([^/]+)/.exec(from)?.[1];

describe("dependencies point one way", () => {
  for (const pkg of packages) {
    it(`${pkg} imports only what the rules allow`, () => {
      const allowed = new Set(pkg === "core" ? [] : ["core", ...(MAY_USE_FILES.has(pkg) ? ["files"] : [])]);
      const manifest = JSON.parse(readFileSync(join(root, "packages", pkg, "package.json"), "utf8"));
      const deps = Object.keys(manifest.dependencies ?? {}).flatMap((d) => workspaceOf(d) ?? []);
      expect(
        deps.filter((d) => !allowed.has(d)),
        `${pkg}/package.json dependencies`,
      ).toEqual([]);
      const wrong: string[] = [];
      const src = join(root, "packages", pkg, "src");
      for (const file of sources(src)) {
        for (const { from } of importsOf(file)) {
          const at = relative(root, file);
          const other = workspaceOf(from);
          if (other !== undefined && other !== pkg && !allowed.has(other)) wrong.push(`${at}: ${from}`);
          if (from.startsWith(".") && relative(src, resolve(dirname(file), from)).startsWith(".."))
            wrong.push(`${at}: ${from} (outside the package's src)`);
        }
      }
      expect(wrong).toEqual([]);
    });
  }
});

/** Runtime imports reachable from `entry`, browser twins (`x.browser.ts`) taken where they exist. */
function reachable(entry: string): { file: string; from: string }[] {
  const seen = new Set<string>();
  const found: { file: string; from: string }[] = [];
  const visit = (file: string) => {
    const twin = file.replace(/\.ts$/, ".browser.ts");
    const real = existsSync(twin) ? twin : file;
    if (seen.has(real)) return;
    seen.add(real);
    for (const { from, typeOnly } of importsOf(real)) {
      if (typeOnly) continue;
      if (from.startsWith(".")) visit(resolve(dirname(real), from.replace(/\.js$/, ".ts")));
      else found.push({ file: relative(root, real), from });
    }
  };
  visit(entry);
  return found;
}

const isNodeBuiltin = (from: string) => from.startsWith("node:") || builtinModules.includes(from);

describe("no node: module is reachable from a browser entry", () => {
  for (const pkg of packages.filter((p) => !NODE_ONLY.has(p))) {
    const src = join(root, "packages", pkg, "src");
    const entries = ["index.ts", "internal.ts", "logging.ts"].filter((e) => existsSync(join(src, e)));
    for (const entry of entries) {
      it(`${pkg}/src/${entry}`, () => {
        const node = reachable(join(src, entry)).filter(({ from }) => isNodeBuiltin(from));
        expect(node.map(({ file, from }) => `${file}: ${from}`)).toEqual([]);
      });
    }
  }

  it("the walk finds a node: import behind a module unless a browser twin replaces it", () => {
    const dir = mkdtempSync(join(tmpdir(), "aoai-arch-"));
    try {
      writeFileSync(join(dir, "entry.ts"), 'import { a } from "./a.js";\nexport type { T } from "./t.js";\n');
      writeFileSync(join(dir, "a.ts"), 'import { readFile } from "node:fs/promises";\nexport const a = 1;\n');
      writeFileSync(
        join(dir, "t.ts"),
        'import type { Stats } from "node:fs";\nexport type T = typeof import("node:os");\n',
      );
      expect(reachable(join(dir, "entry.ts")).map(({ from }) => from)).toEqual(["node:fs/promises"]);
      writeFileSync(join(dir, "a.browser.ts"), "export const a = 2;\n");
      expect(reachable(join(dir, "entry.ts"))).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

/**
 * Whether a package can send a request: only through core's kit (`@aoai/core/internal`). One that
 * never imports it (webhooks, which verifies deliveries it receives) has no User-Agent to declare.
 */
const sends = (pkg: string) =>
  sources(join(root, "packages", pkg, "src")).some((file) =>
    importsOf(file).some(({ from }) => from === "@aoai/core/internal"),
  );

describe("every feature declares itself as the template says", () => {
  for (const pkg of packages.filter((p) => p !== "core" && !NODE_ONLY.has(p) && sends(p))) {
    it(`${pkg}/src/feature.ts sends aoai-${pkg}/<version>`, () => {
      const text = readFileSync(join(root, "packages", pkg, "src", "feature.ts"), "utf8");
      expect(text).toContain(`userAgent: \`aoai-${pkg}/\${VERSION}\``);
    });
  }
});
