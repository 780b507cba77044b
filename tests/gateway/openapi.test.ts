import { describe, expect, it } from "vitest";
import { canonicalJsonSchemas } from "../../workers/canonical/json-schema";
import { EntityNameSchema } from "../../workers/canonical/names";
import { call } from "../helpers/http";
import { descriptionOf, type PropertySchema } from "../helpers/json-schema";

interface OpenApiDoc {
  openapi: string;
  info: { version: string };
  paths: Record<string, Record<string, { responses: Record<string, unknown>; security?: unknown[] }>>;
  components: { schemas: Record<string, unknown>; securitySchemes: Record<string, unknown> };
}

describe("OpenAPI document and docs page", () => {
  it("serves an OpenAPI 3.1 document generated from the routes", async () => {
    const res = await call("/api/v1/openapi.json");
    expect(res.status).toBe(200);
    const doc = await res.json<OpenApiDoc>();
    expect(doc.openapi).toBe("3.1.0");
    for (const path of [
      "/api/v1/health",
      "/api/v1/auth/register",
      "/api/v1/auth/login",
      "/api/v1/auth/refresh",
      "/api/v1/auth/me",
      "/api/v1/auth/api-keys",
      "/api/v1/auth/api-keys/{id}",
      "/api/v1/audit",
      "/api/v1/audit/verify",
    ]) {
      expect(doc.paths, path).toHaveProperty([path]);
    }
    expect(doc.components.schemas).toHaveProperty("Problem");
    expect(doc.components.securitySchemes).toHaveProperty("bearer");
  });

  it("documents problem+json error responses on protected routes", async () => {
    const doc = await (await call("/api/v1/openapi.json")).json<OpenApiDoc>();
    const me = doc.paths["/api/v1/auth/me"]!.get!;
    expect(me.responses).toHaveProperty("401");
    expect(JSON.stringify(me.responses["401"])).toContain("application/problem+json");
  });

  it("documents what the middleware adds: Idempotency-Key with 409/422 on writes, 401 on protected routes, 429 everywhere", async () => {
    const doc = await (await call("/api/v1/openapi.json")).json<OpenApiDoc>();
    const create = doc.paths["/api/v1/auth/api-keys"]!.post! as { parameters?: { name: string; in: string }[]; responses: Record<string, unknown> };
    expect(create.parameters).toContainEqual(expect.objectContaining({ name: "Idempotency-Key", in: "header" }));
    expect(Object.keys(create.responses)).toEqual(expect.arrayContaining(["400", "401", "409", "413", "415", "422", "429"]));
    const health = doc.paths["/api/v1/health"]!.get!;
    expect(Object.keys(health.responses)).toContain("429");
    expect(Object.keys(health.responses)).not.toContain("401");
  });

  it("documents POST …/connections/{id}/reconcile: its optional options body, the mass-delete confirmation and its problems", async () => {
    const doc = await (await call("/api/v1/openapi.json")).json<OpenApiDoc>();
    const reconcile = doc.paths["/api/v1/aam/connections/{id}/reconcile"]!.post! as {
      description: string;
      requestBody: { required?: boolean; content: Record<string, { schema: { $ref?: string } }> };
      responses: Record<string, unknown>;
    };
    expect(Object.keys(reconcile.responses)).toEqual(expect.arrayContaining(["202", "400", "401", "403", "404", "415", "429", "501"]));
    for (const status of ["404", "501"]) expect(JSON.stringify(reconcile.responses[status])).toContain("application/problem+json");
    expect(reconcile.requestBody.required).not.toBe(true); // no body: reconcile, guarded
    expect(reconcile.requestBody.content["application/json"]!.schema.$ref).toBe("#/components/schemas/ReconcileOptions");
    expect(doc.components.schemas).toHaveProperty(["ReconcileOptions", "properties", "force"]);
    expect(reconcile.description).toContain('{"force": true}');
  });

  it("describes every canonical entity field with the same text the JSON Schema export carries", async () => {
    const doc = await (await call("/api/v1/openapi.json")).json<OpenApiDoc>();
    const schemas = doc.components.schemas as Record<string, PropertySchema & { properties: Record<string, PropertySchema> }>;
    // a named type (CurrencyCode, Extras, …) is a $ref: its description is the component's
    const resolve = (p: PropertySchema): PropertySchema => (p.$ref === undefined ? p : schemas[p.$ref.replace("#/components/schemas/", "")]!);
    const component = { account: "Account", opportunity: "Opportunity", contact: "Contact", cost: "Cost" } as const;
    for (const entity of EntityNameSchema.options) {
      const exported = canonicalJsonSchemas()[entity].properties as Record<string, PropertySchema>;
      const documented = Object.entries(schemas[component[entity]]!.properties);
      expect(documented.map(([field]) => field)).toEqual(Object.keys(exported));
      for (const [field, property] of documented) {
        expect(resolve(property).description, `${entity}.${field}`).toMatch(/\S/);
        expect(resolve(property).description, `${entity}.${field}`).toBe(descriptionOf(exported[field]!));
      }
    }
  });

  it("serves a docs page that renders the document", async () => {
    const res = await call("/api/v1/docs");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/html");
    const html = await res.text();
    expect(html).toContain("/api/v1/openapi.json");
    // The viewer comes from our own assets, so the page works offline and loads no third-party script.
    expect(html).toContain('src="/vendor/scalar/standalone.js"');
    expect(html).not.toMatch(/src="https?:/);
  });
});
