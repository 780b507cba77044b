/** The API shapes the Ontology page reads, inferred from the routes' zod schemas (types only, nothing bundled). */
import type { z } from "zod";
import type { CanonicalModelSchema } from "$workers/gateway/routes/aam/canonical/get";
import type { MappingDiffSchema } from "$workers/gateway/routes/aam/mappings/diff";
import type { MappingListSchema } from "$workers/gateway/routes/aam/mappings/list";
import type { PutMappingRequestSchema } from "$workers/gateway/routes/aam/mappings/put";
import type { MappingSchema, MappingSummarySchema, MappingVersionDetailSchema, MappingVersionSchema } from "$workers/gateway/routes/aam/mappings/schemas";
import type { MappingValidationSchema, ValidateMappingRequestSchema } from "$workers/gateway/routes/aam/mappings/validate";
import type { MappingHistorySchema } from "$workers/gateway/routes/aam/mappings/versions";

export type CanonicalModel = z.infer<typeof CanonicalModelSchema>;
export type MappingSummary = z.infer<typeof MappingSummarySchema>;
export type MappingList = z.infer<typeof MappingListSchema>;
export type Mapping = z.infer<typeof MappingSchema>;
export type MappingVersion = z.infer<typeof MappingVersionSchema>;
export type MappingVersionDetail = z.infer<typeof MappingVersionDetailSchema>;
export type MappingHistory = z.infer<typeof MappingHistorySchema>;
export type MappingDiff = z.infer<typeof MappingDiffSchema>;
export type MappingValidation = z.infer<typeof MappingValidationSchema>;
export type ValidateMappingRequest = z.input<typeof ValidateMappingRequestSchema>;
export type PutMappingRequest = z.input<typeof PutMappingRequestSchema>;
/** One sample's result in a validation's preview. */
export type SamplePreview = NonNullable<Extract<MappingValidation, { valid: true }>["preview"]>[number];
