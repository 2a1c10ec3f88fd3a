import { LruCache } from "./vectors.js";

/** Generated images, kept so the URLs the emulator hands out can be fetched. */
export class ImageStore {
  readonly #images: LruCache<Buffer>;

  constructor(limit = 256) {
    this.#images = new LruCache(limit);
  }

  put(id: string, png: Buffer): void {
    this.#images.set(id, png);
  }

  get(id: string): Buffer | undefined {
    return this.#images.get(id);
  }
}
