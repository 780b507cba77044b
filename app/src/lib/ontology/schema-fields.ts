/**
 * The canonical model's JSON Schema as rows a person reads: each field's type, whether it is ever null, its allowed
 * values and description. Every canonical field is present in every record (JSON Schema `required` lists them all),
 * so what matters to a mapping author is which ones may never be null: those must be mapped.
 */
type JsonSchema = Record<string, unknown>;

export interface SchemaField {
  name: string;
  /** e.g. `string (email)`, `integer 0–100`, `object` */
  type: string;
  /** present and never null */
  required: boolean;
  description: string | null;
  /** the allowed values of an enum or constant; empty when any value of the type goes */
  values: string[];
  /** the fields of a nested object (the event envelope's `meta` and `source`) */
  children: SchemaField[];
}

const isSchema = (value: unknown): value is JsonSchema => typeof value === "object" && value !== null && !Array.isArray(value);
const schemasIn = (value: unknown): JsonSchema[] => (Array.isArray(value) ? value.filter(isSchema) : []);

/** The alternatives a property allows: its `anyOf` branches, or the property itself. */
function variantsOf(schema: JsonSchema): JsonSchema[] {
  const anyOf = schemasIn(schema.anyOf);
  return anyOf.length > 0 ? anyOf : [schema];
}

function typesOf(variant: JsonSchema): string[] {
  if (typeof variant.type === "string") return [variant.type];
  if (Array.isArray(variant.type)) return variant.type.filter((t): t is string => typeof t === "string");
  return [];
}

function rangeOf(variant: JsonSchema): string {
  const { minimum, maximum } = variant;
  // zod's integer bounds are the safe-integer range: not worth showing
  if (typeof minimum === "number" && typeof maximum === "number" && maximum < Number.MAX_SAFE_INTEGER) return ` ${minimum}–${maximum}`;
  if (typeof minimum === "number") return ` ≥ ${minimum}`;
  return "";
}

function labelOf(variant: JsonSchema, type: string): string {
  const format = typeof variant.format === "string" ? ` (${variant.format})` : "";
  return `${type}${format}${rangeOf(variant)}`;
}

function valuesOf(variants: JsonSchema[]): string[] {
  return variants.flatMap((v) => [...(Array.isArray(v.enum) ? v.enum : []), ...("const" in v ? [v.const] : [])]).map((x) => String(x));
}

/** The fields of an object schema, in the schema's order. */
export function schemaFields(schema: JsonSchema): SchemaField[] {
  const properties = isSchema(schema.properties) ? schema.properties : {};
  const required = new Set(Array.isArray(schema.required) ? schema.required : []);
  return Object.entries(properties).flatMap(([name, property]) => {
    if (!isSchema(property)) return [];
    const variants = variantsOf(property);
    const labels = variants.flatMap((v) => typesOf(v).filter((t) => t !== "null").map((t) => labelOf(v, t)));
    const nullable = variants.some((v) => typesOf(v).includes("null"));
    const description = [property, ...variants].map((s) => s.description).find((d): d is string => typeof d === "string") ?? null;
    return [{
      name,
      type: labels.length > 0 ? labels.join(" | ") : "any",
      required: required.has(name) && !nullable,
      description,
      values: valuesOf(variants),
      children: isSchema(property.properties) ? schemaFields(property) : [],
    }];
  });
}

/**
 * The CanonicalEvent envelope: one `oneOf` branch per entity, identical but for `entity` and `data`. Shown once,
 * with `entity` listing every branch's value and `data` pointing at the entity tables instead of repeating them.
 */
export function envelopeFields(event: JsonSchema): SchemaField[] {
  const branches = schemasIn(event.oneOf);
  const first = branches[0] ?? event;
  const entities = branches.flatMap((b) => (isSchema(b.properties) && isSchema(b.properties.entity) ? valuesOf([b.properties.entity]) : []));
  return schemaFields(first).map((field) => {
    if (field.name === "entity") return { ...field, values: entities, description: field.description ?? "Which canonical entity `data` is" };
    if (field.name === "data") return { ...field, children: [], description: field.description ?? "The entity's fields, as listed for each entity" };
    return field;
  });
}
