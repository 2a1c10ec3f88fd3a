import REQUEST_SCHEMAS from "./validation/request-schemas.json" with { type: "json" };

/**
 * Azure OpenAI routes beyond those the committed specs list (2025-04-01-preview and the v1 API):
 * conversations, containers, evals, stored chat completions, and the retired "on your
 * data" extensions route.
 */
const MORE_ROUTES = [
  "/openai/v1/conversations",
  "/openai/v1/conversations/{any}",
  "/openai/v1/containers",
  "/openai/v1/containers/{any}",
  "/openai/v1/evals",
  "/openai/v1/evals/{any}",
  "/openai/v1/chat/completions/{id}",
  "/openai/v1/chat/completions/{id}/messages",
  "/openai/deployments/{deployment}/extensions/chat/completions",
];

// The spec's deployment routes are all emulated; a 404 there is Azure's own (wrong version).
const SPEC_ROUTES = REQUEST_SCHEMAS.paths.filter((p) => !p.startsWith("/openai/deployments/"));

const ROUTES: readonly RegExp[] = [...SPEC_ROUTES, ...MORE_ROUTES].flatMap((path) => {
  const pattern = path
    .replace(/[.*+?^$()|[\]\\]/g, "\\$&")
    .replace(/\{any\}/g, ".+")
    .replace(/\{[^}]+\}/g, "[^/]+");
  const v1 = pattern.replace(/^\/openai\//, "/openai/v1/");
  return [new RegExp(`^${pattern}/?$`), new RegExp(`^${v1}/?$`)];
});

/** True for a path Azure OpenAI serves that the emulator does not emulate. */
export function isUnemulatedRoute(pathname: string): boolean {
  return ROUTES.some((route) => route.test(pathname));
}
