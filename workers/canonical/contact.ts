/** The canonical contact (a person), spec: canonical-model.md § contact. */
import { z } from "@hono/zod-openapi";
import { ExtrasSchema, SourceIdSchema, TextSchema, timestampFields } from "./fields";

export const ContactSchema = z
  .object({
    source_id: SourceIdSchema,
    /** the source's foreign key as mapped; resolved to the canonical account during materialization */
    account_id: TextSchema,
    first_name: TextSchema,
    last_name: TextSchema,
    email: z.email().nullable(),
    phone: TextSchema,
    mobile_phone: TextSchema,
    title: TextSchema,
    department: TextSchema,
    mailing_city: TextSchema,
    mailing_country: TextSchema,
    owner: TextSchema,
    ...timestampFields,
    extras: ExtrasSchema,
  })
  .strict()
  // A contact nobody can name or reach is not a contact; any one of the three identifies a person.
  .refine((c) => c.first_name !== null || c.last_name !== null || c.email !== null, {
    message: "a contact needs at least one of first_name, last_name, email",
    path: ["last_name"],
  })
  .openapi("Contact");
export type Contact = z.infer<typeof ContactSchema>;
