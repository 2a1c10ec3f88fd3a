const KINDS = Symbol.for("@aoai/core.error-kinds");

type ErrorClass = { readonly kind: string };

/**
 * Base class of every error this SDK throws.
 *
 * `instanceof` fails across realms and duplicated package copies, so each class also has a static
 * `isInstance` guard that checks a brand instead: `RateLimitError.isInstance(e)`.
 */
export class AOAIError extends Error {
  /** The class name, kept as data because minifiers rename classes. */
  static readonly kind: string = "AOAIError";
  declare readonly [KINDS]: readonly string[];

  /** True when `value` is an instance of this class (or a subclass), from any realm or copy. */
  static isInstance<T extends abstract new (...args: never[]) => AOAIError>(
    this: T & { readonly kind: string },
    value: unknown,
  ): value is InstanceType<T> {
    const kinds = (value as { [KINDS]?: unknown } | null | undefined)?.[KINDS];
    return Array.isArray(kinds) && kinds.includes(this.kind);
  }

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    const kinds: string[] = [];
    for (let c: unknown = new.target; c && Object.hasOwn(c, "kind"); c = Object.getPrototypeOf(c)) {
      kinds.push((c as ErrorClass).kind);
    }
    Object.defineProperty(this, KINDS, { value: kinds });
    this.name = kinds[0] ?? "AOAIError";
  }
}
