/** The wire shape of a JSON Schema document served by the canonical routes. */
import { z } from "@hono/zod-openapi";

export const JsonSchemaDocumentSchema = z
  .record(z.string(), z.unknown())
  .openapi("JsonSchemaDocument", { description: "A JSON Schema (draft 2020-12), generated from the canonical model's zod schemas" });
