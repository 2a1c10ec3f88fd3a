export { type RedisCommands, RedisStore, type RedisStoreOptions } from "./redis-store.js";
export { ROUTE_TARGET_HEADER, ROUTE_TRIED_HEADER, type RouteInfo, routeOf } from "./route-of.js";
export { AzureOpenAIRouter } from "./router.js";
export { RouterConfigError } from "./router-config-error.js";
export type { RouterEvent } from "./router-events.js";
export type { BreakerOptions, RouterOptions, RouterTarget, TargetClientOptions } from "./router-options.js";
export { MemoryStore, type RouterStore, type TargetHealth } from "./store.js";
export { VERSION } from "./version.js";
