import { fnv1a, prng } from "./hash.js";

// Printing 1.5M doubles (512 inputs x 3072 dims) costs seconds in V8, so every vector is a
// signed permutation of one fixed unit "basis" vector per dimension count: the norm is exactly
// the basis norm (1), and the text of each component comes from a pre-printed table. The
// permutation (an affine map i -> (a*i + b) mod dims with a coprime to dims) and the signs come
// from a PRNG seeded by the input, so different inputs give different, stable vectors.

interface Basis {
  values: Float32Array;
  positive: string[];
  negative: string[];
}

const bases = new Map<number, Basis>();

function basis(dims: number): Basis {
  let b = bases.get(dims);
  if (b) return b;
  const next = prng(fnv1a(`basis|${dims}`));
  const raw = new Float64Array(dims);
  let sum = 0;
  for (let i = 0; i < dims; i++) {
    // Sum of uniforms: roughly bell-shaped, like real embedding components.
    const x = next() + next() + next() - 1.5;
    raw[i] = x;
    sum += x * x;
  }
  const scale = 1 / Math.sqrt(sum);
  const values = new Float32Array(dims);
  const positive: string[] = [];
  const negative: string[] = [];
  for (let i = 0; i < dims; i++) {
    const v = Math.round(Math.abs(raw[i]! * scale) * 1e8) / 1e8;
    values[i] = v;
    positive.push(String(v));
    negative.push(v === 0 ? "0" : `-${v}`);
  }
  b = { values, positive, negative };
  bases.set(dims, b);
  return b;
}

function gcd(a: number, b: number): number {
  while (b) [a, b] = [b, a % b];
  return a;
}

/** The permutation and signs for `key`; component i is `sign(i) * basis[(a*i + b) % dims]`. */
function plan(key: string, dims: number): { a: number; b: number; signs: Uint32Array } {
  const next = prng(fnv1a(`${dims}|${key}`));
  let a = 1 + Math.floor(next() * Math.max(1, dims - 1));
  while (gcd(a, dims) !== 1) a = (a % dims) + 1;
  const b = Math.floor(next() * dims);
  const signs = new Uint32Array(Math.ceil(dims / 32));
  for (let i = 0; i < signs.length; i++) signs[i] = Math.floor(next() * 4294967296);
  return { a, b, signs };
}

function negative(signs: Uint32Array, i: number): boolean {
  return ((signs[i >>> 5]! >>> (i & 31)) & 1) === 1;
}

/** A unit vector of `dims` numbers derived from `key`: the same key always gives the same vector. */
export function unitVector(key: string, dims: number): Float32Array {
  const { values } = basis(dims);
  const { a, b, signs } = plan(key, dims);
  const v = new Float32Array(dims);
  for (let i = 0; i < dims; i++) {
    const x = values[(a * i + b) % dims]!;
    v[i] = negative(signs, i) ? -x : x;
  }
  return v;
}

/** The JSON array text of {@link unitVector}, built from pre-printed components. */
export function unitVectorJson(key: string, dims: number): string {
  const { positive, negative: neg } = basis(dims);
  const { a, b, signs } = plan(key, dims);
  const parts = new Array<string>(dims);
  for (let i = 0; i < dims; i++) {
    const j = (a * i + b) % dims;
    parts[i] = negative(signs, i) ? neg[j]! : positive[j]!;
  }
  return `[${parts.join(",")}]`;
}

/** Little-endian float32 bytes as base64, what `encoding_format: "base64"` returns. */
export function vectorBase64(v: Float32Array): string {
  const bytes = Buffer.alloc(v.length * 4);
  for (let i = 0; i < v.length; i++) bytes.writeFloatLE(v[i]!, i * 4);
  return bytes.toString("base64");
}

/** A small LRU so benchmarks that repeat inputs pay for each vector once. */
export class LruCache<V> {
  readonly #map = new Map<string, V>();
  readonly #limit: number;

  constructor(limit: number) {
    this.#limit = limit;
  }

  get(key: string): V | undefined {
    const value = this.#map.get(key);
    if (value !== undefined) {
      this.#map.delete(key);
      this.#map.set(key, value);
    }
    return value;
  }

  set(key: string, value: V): void {
    this.#map.delete(key);
    this.#map.set(key, value);
    if (this.#map.size > this.#limit) this.#map.delete(this.#map.keys().next().value!);
  }
}
