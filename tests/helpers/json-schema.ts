/** Reading JSON Schema / OpenAPI property schemas in tests. */

export interface PropertySchema {
  description?: string;
  anyOf?: PropertySchema[];
  $ref?: string;
}

/**
 * A property's description: on the property itself, or, for a nullable one zod exports as `anyOf: [T, null]`, on T
 * (where a described named type, e.g. CurrencyCode, carries it).
 */
export function descriptionOf(property: PropertySchema): string | undefined {
  return property.description ?? property.anyOf?.find((alternative) => alternative.description !== undefined)?.description;
}
