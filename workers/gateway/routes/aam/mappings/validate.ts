/** POST /api/v1/aam/mappings/validate: checks a mapping document and previews it on sample records; stores nothing. */
import { createRoute, z } from "@hono/zod-openapi";
import type { App } from "../../../context";
import { problemResponses } from "../../../problem";
import { requireScope } from "../../../middleware/auth/require";
import { EntityNameSchema, SourceSystemSchema } from "../../../../canonical/names";
import { MappingIssueSchema } from "../../../../aam/mapping/errors";
import { compileSubmitted } from "../../../../aam/mapping/overrides-submit";
import { MappingFieldErrorSchema } from "../../../../aam/mapping/result";
import { MappingSourceTextSchema } from "./schemas";

export const MAX_SAMPLES = 100;

export const ValidateMappingRequestSchema = z
  .object({
    source: MappingSourceTextSchema,
    samples: z
      .array(z.record(z.string(), z.unknown()))
      .max(MAX_SAMPLES)
      .optional()
      .openapi({ description: `Up to ${MAX_SAMPLES} raw source records to map with the document` }),
  })
  .openapi("ValidateMappingRequest");

const PreviewSchema = z.discriminatedUnion("ok", [
  z.object({ ok: z.literal(true), record_id: z.string(), data: z.record(z.string(), z.unknown()).openapi({ description: "The canonical entity" }) }),
  z.object({ ok: z.literal(false), record_id: z.string().nullable(), errors: z.array(MappingFieldErrorSchema) }),
]);

export const MappingValidationSchema = z
  .discriminatedUnion("valid", [
    z.object({
      valid: z.literal(true),
      system: SourceSystemSchema,
      object: z.string(),
      entity: EntityNameSchema,
      mapping_version: z.string(),
      preview: z.array(PreviewSchema).optional().openapi({ description: "One result per sample, in order (only when samples were sent)" }),
    }),
    z.object({ valid: z.literal(false), errors: z.array(MappingIssueSchema).openapi({ description: "Every problem, by line" }) }),
  ])
  .openapi("MappingValidation");

const route = createRoute({
  method: "post",
  path: "/api/v1/aam/mappings/validate",
  tags: ["aam"],
  summary: "Validate a mapping document",
  description:
    "A checked document is a successful call whichever the verdict: 200 `{valid: true, …}` with the compiled " +
    "document's identity and, for `samples`, each record mapped (a sample without the document's `record_id` field " +
    "is named `sample-<n>`, 1-based), or 200 `{valid: false, errors}` with every problem's line, column and YAML " +
    "path. 400 only for a malformed request. Nothing is read or stored, so the `aam:read` scope is enough.",
  middleware: [requireScope("aam:read")] as const,
  request: { body: { required: true, content: { "application/json": { schema: ValidateMappingRequestSchema } } } },
  responses: {
    200: { description: "The verdict", content: { "application/json": { schema: MappingValidationSchema } } },
    ...problemResponses(400, 401, 403, 413, 415, 429),
  },
});

export const registerValidateMapping = (app: App) =>
  app.openapi(route, async (c) => {
    const { source, samples } = c.req.valid("json");
    const compiled = await compileSubmitted(source);
    if (Array.isArray(compiled)) return c.json({ valid: false as const, errors: compiled }, 200);
    const { system, object, entity, mapping_version } = compiled;
    const preview = samples?.map((sample, i) => compiled.map(sample, `sample-${i + 1}`));
    return c.json({ valid: true as const, system, object, entity, mapping_version, ...(preview === undefined ? {} : { preview }) }, 200);
  });
