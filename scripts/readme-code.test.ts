// Every TypeScript code block of every README (the root one and packages/*/README.md) is compiled
// under TypeScript strict with `module`/`moduleResolution` nodenext against the built packages, as
// an app that installed them would, and each block that is a program is run on the emulator.
// docs/new-package.md ("README code blocks") says how a block declares what it needs.
import { execFile } from "node:child_process";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { crc32, deflateSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_API_KEY, type Emulator, startEmulator } from "../packages/emulator/src/index.js";

const run = promisify(execFile);
const root = fileURLToPath(new URL("..", import.meta.url));

/** The endpoint README programs use; it is pointed at the emulator when they run. */
const PLACEHOLDER_ENDPOINT = "https://my-resource.openai.azure.com";
const FLAGS = new Set(["continues", "typecheck", "dom"]);

interface Block {
  readme: string;
  /** 1-based, among the README's TypeScript blocks. */
  index: number;
  /** Line of the block's first code line in the README (1-based). */
  line: number;
  code: string;
  flags: Set<string>;
  /** Hidden lines of the directive, compiled before the block. */
  hidden: string;
}

/** The TypeScript blocks of a README, each with the `<!-- snippet: … -->` directive above it. */
function readmeBlocks(readme: string, text: string): Block[] {
  const lines = text.split("\n");
  const blocks: Block[] = [];
  for (let i = 0; i < lines.length; i++) {
    const fence = /^```(ts|typescript)\s*$/.exec(lines[i] ?? "");
    if (!fence) {
      if (/^```/.test(lines[i] ?? "")) i = closing(lines, i, readme);
      continue;
    }
    const end = closing(lines, i, readme);
    const { flags, hidden } = directive(lines, i, readme);
    blocks.push({
      readme,
      index: blocks.length + 1,
      line: i + 2,
      code: lines.slice(i + 1, end).join("\n"),
      flags,
      hidden,
    });
    i = end;
  }
  return blocks;
}

function closing(lines: string[], open: number, readme: string): number {
  for (let j = open + 1; j < lines.length; j++) if (/^```\s*$/.test(lines[j] ?? "")) return j;
  throw new Error(`${readme}:${open + 1}: a code block is never closed`);
}

/** Reads the HTML comment that ends on the line right above a fence, if it is a directive. */
function directive(lines: string[], fence: number, readme: string) {
  const flags = new Set<string>();
  if (!lines[fence - 1]?.trimEnd().endsWith("-->")) return { flags, hidden: "" };
  let start = fence - 1;
  while (start >= 0 && !lines[start]?.includes("<!--")) start--;
  const head = /^<!--\s*snippet:(.*?)(-->)?\s*$/.exec(lines[start] ?? "");
  if (!head) return { flags, hidden: "" };
  // One line (`<!-- snippet: flags -->`), or flags on the first line and hidden code up to `-->`.
  const body = head[2] ? [] : lines.slice(start + 1, fence - 1);
  const last = head[2] ? "" : (lines[fence - 1] ?? "").replace(/-->\s*$/, "");
  if (last.trim()) body.push(last);
  for (const flag of (head[1] ?? "").split(/[\s,]+/).filter(Boolean)) {
    if (!FLAGS.has(flag)) throw new Error(`${readme}:${start + 1}: unknown snippet flag "${flag}"`);
    flags.add(flag);
  }
  return { flags, hidden: body.map((line) => `${line}\n`).join("") };
}

/** The source compiled (and run) for a block: the quick start first if it continues it. */
function source(block: Block, blocks: Block[]): { text: string; offset: number } {
  const parts: string[] = [];
  if (block.flags.has("continues")) {
    const first = blocks[0];
    if (!first || first === block) throw new Error(`${label(block)}: "continues" needs an earlier block`);
    parts.push(first.hidden, first.code);
  }
  parts.push(block.hidden);
  const before = parts.filter(Boolean).join("\n");
  const text = before ? `${before}\n${block.code}\n` : `${block.code}\n`;
  return { text, offset: before ? before.split("\n").length : 0 };
}

const label = (block: Block) => `${block.readme} block ${block.index} (line ${block.line})`;
const fileName = (block: Block) =>
  `${block.readme.replace(/\/?README\.md$/, "").replace(/^packages\//, "") || "root"}-${block.index}.ts`;

const readmes = [
  "README.md",
  ...readdirSync(join(root, "packages"))
    .filter((dir) => existsSync(join(root, "packages", dir, "README.md")))
    .map((dir) => `packages/${dir}/README.md`),
];
const byReadme = new Map(readmes.map((r) => [r, readmeBlocks(r, readFileSync(join(root, r), "utf8"))]));
const blocks = [...byReadme.values()].flat();
const programs = blocks.filter((b) => !b.flags.has("typecheck"));

describe("readmeBlocks", () => {
  it("reads flags and hidden lines from the comment above a fence, and skips other languages", () => {
    const text = [
      "```sh",
      "echo ```ts",
      "```",
      "```ts",
      "const a = 1;",
      "```",
      "<!-- snippet: continues, typecheck",
      "declare const x: number;",
      "-->",
      "```ts",
      "a + x;",
      "```",
      "<!-- snippet: dom -->",
      "```ts",
      "document;",
      "```",
    ].join("\n");
    const [one, two, three] = readmeBlocks("R.md", text);
    expect(one).toMatchObject({ index: 1, line: 5, code: "const a = 1;", hidden: "" });
    expect([...(one?.flags ?? [])]).toEqual([]);
    expect(two).toMatchObject({ index: 2, line: 11, code: "a + x;", hidden: "declare const x: number;\n" });
    expect([...(two?.flags ?? [])]).toEqual(["continues", "typecheck"]);
    expect([...(three?.flags ?? [])]).toEqual(["dom"]);
    expect(() => readmeBlocks("R.md", "<!-- snippet: runs -->\n```ts\nx\n```")).toThrow(
      /unknown snippet flag "runs"/,
    );
  });
});

describe("README code blocks", () => {
  let dir = "";
  let diagnostics = new Map<string, string[]>();
  let emulator: Emulator | undefined;

  beforeAll(async () => {
    assertBuilt();
    mkdirSync(join(root, ".tmp"), { recursive: true });
    dir = mkdtempSync(join(root, ".tmp", "readme-code-"));
    linkDependencies(dir);
    writeFileSync(join(dir, "package.json"), JSON.stringify({ type: "module", private: true }));
    const names = { node: [] as string[], dom: [] as string[] };
    for (const block of blocks) {
      const name = fileName(block);
      writeFileSync(join(dir, name), source(block, byReadme.get(block.readme) ?? []).text);
      names[block.flags.has("dom") ? "dom" : "node"].push(name);
    }
    // A Node app: the ES libraries and @types/node; browser blocks add the DOM.
    for (const [kind, files] of Object.entries(names)) {
      if (files.length === 0) continue;
      const lib = kind === "dom" ? ["es2023", "dom", "dom.iterable"] : ["es2023"];
      const compilerOptions = {
        target: "es2022",
        lib,
        module: "nodenext",
        moduleResolution: "nodenext",
        strict: true,
        noEmit: true,
        skipLibCheck: true,
        erasableSyntaxOnly: true,
        allowImportingTsExtensions: true,
        types: ["node"],
        typeRoots: [join(root, "node_modules/@types")],
      };
      writeFileSync(join(dir, `tsconfig.${kind}.json`), JSON.stringify({ compilerOptions, files }));
    }
    diagnostics = new Map();
    await Promise.all(
      Object.entries(names).map(async ([kind, files]) => {
        if (files.length === 0) return;
        const tsc = join(root, "node_modules/typescript/bin/tsc");
        const out = await run(process.execPath, [tsc, "-p", `tsconfig.${kind}.json`, "--pretty", "false"], {
          cwd: dir,
        }).then(
          (r) => r.stdout,
          (e: { stdout?: string; message: string }) => e.stdout || e.message,
        );
        let file = "";
        for (const line of out.split("\n").filter(Boolean)) {
          // An indented line continues the diagnostic above it.
          if (!/^\s/.test(line)) file = /^([^(]+)\(/.exec(line)?.[1] ?? "";
          diagnostics.set(file, [...(diagnostics.get(file) ?? []), line]);
        }
      }),
    );
    emulator = await startEmulator({ timeScale: 0 });
    writeFixtures(dir);
  }, 120_000);

  afterAll(async () => {
    await emulator?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("finds the blocks of every README", () => {
    expect(readmes.length).toBeGreaterThan(5);
    expect(blocks.length).toBeGreaterThan(30);
    const unattributed = [...diagnostics.keys()].filter((f) => !blocks.some((b) => fileName(b) === f));
    expect(unattributed.map((f) => diagnostics.get(f))).toEqual([]);
  });

  it("JSON and JSON Lines blocks parse (jsonc: JSON Lines with comments)", () => {
    let checked = 0;
    for (const readme of readmes) {
      const text = readFileSync(join(root, readme), "utf8");
      for (const [, lang, body] of text.matchAll(/^```(json|jsonl|jsonc)\n([\s\S]*?)^```$/gm)) {
        const plain = lang === "jsonc" ? (body ?? "").replace(/^\s*\/\/.*$|\s\/\/ .*$/gm, "") : (body ?? "");
        // A jsonc block here is JSON Lines with comments (the emulator's faults).
        const docs = lang === "json" ? [plain] : plain.split("\n").filter((line) => line.trim());
        for (const doc of docs) expect(() => JSON.parse(doc), `${readme}: ${doc.slice(0, 60)}`).not.toThrow();
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(0);
  });

  it.each(blocks.map((b) => [label(b), b] as const))("%s type-checks", (_, block) => {
    const { offset } = source(block, byReadme.get(block.readme) ?? []);
    // Errors as README lines: the line of the code block, or "hidden"/"quick start" before it.
    const errors = (diagnostics.get(fileName(block)) ?? []).map((line) =>
      line.replace(/^[^(]+\((\d+),(\d+)\)/, (_, l: string, c: string) => {
        const n = Number(l) - offset;
        return n > 0
          ? `${block.readme}:${block.line + n - 1}:${c}`
          : `${block.readme} (before the block, line ${l})`;
      }),
    );
    expect(errors).toEqual([]);
  });

  it.each(programs.map((b) => [label(b), b] as const))(
    "%s runs on the emulator",
    async (_, block) => {
      if (!emulator) throw new Error("no emulator");
      const cwd = mkdtempSync(join(dir, "run-"));
      writeFixtures(cwd);
      const name = join(dir, `run-${fileName(block)}`);
      const text = source(block, byReadme.get(block.readme) ?? []).text.replaceAll(
        PLACEHOLDER_ENDPOINT,
        emulator.url,
      );
      writeFileSync(name, text);
      const result = await run(process.execPath, ["--no-warnings", name], {
        cwd,
        timeout: 30_000,
        env: {
          ...process.env,
          AZURE_OPENAI_ENDPOINT: emulator.url,
          AZURE_OPENAI_API_KEY: DEFAULT_API_KEY,
        },
      }).then(
        () => "ok",
        (e: { stderr?: string; message: string }) => e.stderr || e.message,
      );
      expect(result).toBe("ok");
    },
    40_000,
  );
});

/** The tests compile against dist/: refuse sources newer than their build. */
function assertBuilt() {
  for (const dir of readdirSync(join(root, "packages"))) {
    const src = join(root, "packages", dir, "src");
    if (!existsSync(src)) continue;
    const built = join(root, "packages", dir, "dist", "index.js");
    const newest = Math.max(
      ...readdirSync(src, { recursive: true }).map((f) => statSync(join(src, String(f))).mtimeMs),
    );
    if (!existsSync(built) || statSync(built).mtimeMs < newest)
      throw new Error(
        `packages/${dir} is not built or its build is older than src: run \`pnpm build\` first`,
      );
  }
}

/**
 * node_modules of the generated app: every @aoai package linked to its folder (resolved through
 * its `exports`, so to dist/), and each other package the blocks import found in the workspace.
 */
function linkDependencies(dir: string) {
  const modules = join(dir, "node_modules");
  const link = (name: string, target: string) => {
    mkdirSync(dirname(join(modules, name)), { recursive: true });
    if (!existsSync(join(modules, name))) symlinkSync(target, join(modules, name), "dir");
  };
  for (const pkg of readdirSync(join(root, "packages")))
    if (existsSync(join(root, "packages", pkg, "package.json")))
      link(`@aoai/${pkg}`, join(root, "packages", pkg));
  const imported = new Set<string>();
  for (const block of blocks)
    for (const [, spec] of `${block.hidden}\n${block.code}`.matchAll(/from\s+"([^"]+)"/g))
      if (spec && !spec.startsWith("node:") && !spec.startsWith("@aoai/") && !spec.startsWith("."))
        imported.add(
          spec.startsWith("@") ? spec.split("/").slice(0, 2).join("/") : (spec.split("/")[0] ?? spec),
        );
  const places = [
    root,
    join(root, "examples"),
    ...readdirSync(join(root, "packages")).map((p) => join(root, "packages", p)),
  ];
  for (const name of imported) {
    const found = places
      .map((place) => {
        try {
          return dirname(createRequire(join(place, "package.json")).resolve(`${name}/package.json`));
        } catch {
          return undefined;
        }
      })
      .find(Boolean);
    if (!found) throw new Error(`a README imports ${name}, which no workspace package depends on`);
    link(name, found);
  }
}

/** Files README programs read by name, as a user would have them in the current folder. */
function writeFixtures(cwd: string) {
  // A short WAV (the emulator transcribes any audio it can parse).
  const samples = 1600;
  const wav = Buffer.alloc(44 + samples * 2);
  wav.write("RIFF", 0);
  wav.writeUInt32LE(36 + samples * 2, 4);
  wav.write("WAVEfmt ", 8);
  wav.writeUInt32LE(16, 16);
  wav.writeUInt16LE(1, 20);
  wav.writeUInt16LE(1, 22);
  wav.writeUInt32LE(16000, 24);
  wav.writeUInt32LE(32000, 28);
  wav.writeUInt16LE(2, 32);
  wav.writeUInt16LE(16, 34);
  wav.write("data", 36);
  wav.writeUInt32LE(samples * 2, 40);
  writeFileSync(join(cwd, "speech.mp3"), wav);
  const batch = (i: number) =>
    JSON.stringify({
      custom_id: `r-${i}`,
      method: "POST",
      url: "/chat/completions",
      body: { model: "gpt-4o-batch", messages: [{ role: "user", content: `Question ${i}` }] },
    });
  writeFileSync(join(cwd, "requests.jsonl"), `${[1, 2].map(batch).join("\n")}\n`);
  const example = (i: number) =>
    JSON.stringify({
      messages: [
        { role: "system", content: "Clippy is a factual chatbot that is also sarcastic." },
        { role: "user", content: `Question ${i}?` },
        { role: "assistant", content: `Answer ${i}.` },
      ],
    });
  for (const name of ["cat.png", "photo.png", "mask.png"]) writeFileSync(join(cwd, name), png(64, 64));
  writeFileSync(
    join(cwd, "training.jsonl"),
    `${Array.from({ length: 10 }, (_, i) => example(i)).join("\n")}\n`,
  );
}

/** A transparent RGBA PNG of the given size. */
function png(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const head = Buffer.alloc(8);
    head.writeUInt32BE(data.length, 0);
    head.write(type, 4);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
    return Buffer.concat([head, data, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 6, 0, 0, 0], 8);
  const rows = Buffer.alloc(height * (1 + width * 4));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(rows)),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}
