import { randomBytes } from "node:crypto";

/** What a client secret opens. */
export interface MintedSecret {
  model: string;
  session: Record<string, unknown>;
  /** Unix time in s. */
  expiresAt: number;
}

/** Prefix of the emulator's ephemeral keys; no route but `/realtime/calls` accepts them. */
export const EPHEMERAL_PREFIX = "ek_";

/** Ephemeral keys minted by `client_secrets`, accepted only by `/realtime/calls`. */
export class SecretStore {
  readonly #secrets = new Map<string, MintedSecret>();

  mint(secret: MintedSecret): string {
    const now = Date.now() / 1000;
    for (const [key, s] of this.#secrets) if (s.expiresAt < now) this.#secrets.delete(key);
    const value = `${EPHEMERAL_PREFIX}${randomBytes(18).toString("base64url")}`;
    this.#secrets.set(value, secret);
    return value;
  }

  /** The secret behind a key that is unexpired, else `undefined`. */
  find(value: string): MintedSecret | undefined {
    const secret = this.#secrets.get(value);
    return secret && secret.expiresAt >= Date.now() / 1000 ? secret : undefined;
  }
}
