import { InvalidInputError } from "@aoai/core";

/**
 * A router built or called with a configuration that cannot work (an empty pool, a duplicate
 * target, an unknown logical deployment…); nothing was sent. `RouterConfigError.isInstance(e)`.
 */
export class RouterConfigError extends InvalidInputError {
  static override readonly kind: string = "RouterConfigError";
}
