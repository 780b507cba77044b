/** The OpenAPI 3.1 document, generated from the zod route definitions, and a docs page that renders it. */
import { Scalar } from "@scalar/hono-api-reference";
import type { App } from "./context";
import pkg from "../../package.json";
import { withGatewayContract } from "./openapi-contract";

export const OPENAPI_PATH = "/api/v1/openapi.json";
export const DOCS_PATH = "/api/v1/docs";
/** The viewer's script, served from the console's assets (scripts/vendor-docs.mjs), not from a CDN. */
export const DOCS_SCRIPT = "/vendor/scalar/standalone.js";

export function registerOpenApi(app: App): void {
  app.openAPIRegistry.registerComponent("securitySchemes", "bearer", {
    type: "http",
    scheme: "bearer",
    description: "An access token from /api/v1/auth/login, or an API key (`aos_…`) from /api/v1/auth/api-keys.",
  });
  const config = {
    openapi: "3.1.0",
    info: {
      title: "AutonomOS API",
      version: pkg.version,
      description:
        "Edge-native data platform: connectors (AAM), the unified catalog (DCL), agents (AOA). " +
        "Errors are RFC 9457 problem+json with a stable `type` and the request's `trace_id`.",
    },
    servers: [{ url: "/" }],
    security: [{ bearer: [] }],
  } satisfies Parameters<App["getOpenAPI31Document"]>[0];
  let document: ReturnType<App["getOpenAPI31Document"]> | undefined;
  app.get(OPENAPI_PATH, (c) => {
    document ??= withGatewayContract(app.getOpenAPI31Document(config));
    return c.json(document);
  });
  app.get(
    DOCS_PATH,
    Scalar({
      url: OPENAPI_PATH,
      pageTitle: "AutonomOS API",
      cdn: DOCS_SCRIPT,
      // A self-contained page: no hosted AI assistant or vendor toolbar calling out to third parties.
      agent: { disabled: true },
      showDeveloperTools: "never",
    }),
  );
}
