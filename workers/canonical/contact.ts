/** The canonical contact (a person), spec: canonical-model.md § contact. */
import { z } from "@hono/zod-openapi";
import { AccountRefSchema, ExtrasSchema, OwnerSchema, SourceIdSchema, TextSchema, timestampFields } from "./fields";

export const ContactSchema = z
  .object({
    source_id: SourceIdSchema,
    account_id: AccountRefSchema,
    first_name: TextSchema.meta({ description: "Given name" }),
    last_name: TextSchema.meta({ description: "Family name" }),
    email: z.email().nullable().meta({ description: "Email address" }),
    phone: TextSchema.meta({ description: "Phone number" }),
    mobile_phone: TextSchema.meta({ description: "Mobile phone number" }),
    title: TextSchema.meta({ description: "Job title" }),
    department: TextSchema.meta({ description: "Department the person works in" }),
    mailing_city: TextSchema.meta({ description: "City of the mailing address" }),
    mailing_country: TextSchema.meta({ description: "Country of the mailing address" }),
    owner: OwnerSchema,
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
