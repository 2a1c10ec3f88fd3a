import { LruCache } from "./vectors.js";

/** A stored image file and its content type. */
export interface StoredImage {
  bytes: Buffer;
  contentType: string;
}

/** Generated images, kept so the URLs the emulator hands out can be fetched. */
export class ImageStore {
  readonly #images: LruCache<StoredImage>;

  constructor(limit = 256) {
    this.#images = new LruCache(limit);
  }

  /** Stores an image under its file name (`{id}.png`, `{id}.jpg`). */
  put(name: string, image: StoredImage): void {
    this.#images.set(name, image);
  }

  get(name: string): StoredImage | undefined {
    return this.#images.get(name);
  }
}
