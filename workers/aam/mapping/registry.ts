/**
 * The mapping registry: (system, object) → compiled mapping. System defaults are the bundled files
 * (bundled.ts), parsed, validated and compiled once per isolate, on first use. Other documents (a tenant's
 * overrides, stored in D1: workers/aam/mapping/overrides.ts) layer on top with `withOverrides` (documents) or
 * `withMappings` (already compiled) and take precedence for their (system, object).
 */
import type { EntityName, SourceSystem } from "../../canonical/names";
import { stableJson } from "../../canonical/stable-json";
import { sha256Hex } from "../../platform/crypto";
import { bundledMappings } from "./bundled";
import { type CompiledMapping, compileMapping } from "./compile";
import { MappingFormatError } from "./errors";
import { loadMapping, type MappingSource } from "./load";

/** A compiled document with the text it was compiled from and the full hash of its content. */
export interface RegisteredMapping extends CompiledMapping {
  source: MappingSource;
  content_hash: string;
}

export interface MappingRegistry {
  get(system: SourceSystem, object: string): RegisteredMapping | undefined;
  /** every mapping of `system` that produces `entity` (a file source picks by entity) */
  forEntity(system: SourceSystem, entity: EntityName): RegisteredMapping[];
  all(): RegisteredMapping[];
  /** A registry where `sources` replace the mappings they cover; this one is unchanged. */
  withOverrides(sources: MappingSource[]): Promise<MappingRegistry>;
  /** The same with documents compiled already (e.g. taken from a cache). */
  withMappings(mappings: RegisteredMapping[]): MappingRegistry;
}

/** Load, validate and compile one document; the version's hash is over its content, not its layout or comments. */
export async function compileSource(source: MappingSource): Promise<RegisteredMapping> {
  const { document, data } = loadMapping(source);
  const contentHash = await sha256Hex(stableJson(data));
  return { ...compileMapping(document, contentHash), source, content_hash: contentHash };
}

const keyOf = (system: string, object: string) => `${system}\u0000${object}`;

export async function createMappingRegistry(sources: MappingSource[]): Promise<MappingRegistry> {
  return registryOf(await compileAll(sources), new Map());
}

async function compileAll(sources: MappingSource[]): Promise<Map<string, RegisteredMapping>> {
  const compiled = new Map<string, RegisteredMapping>();
  const origin = new Map<string, string>();
  for (const source of sources) {
    const mapping = await compileSource(source);
    const key = keyOf(mapping.system, mapping.object);
    const earlier = origin.get(key);
    if (earlier !== undefined) {
      throw new MappingFormatError([
        { file: source.file, line: 1, column: 1, path: "object", message: `${mapping.system}/${mapping.object} is already mapped by ${earlier}` },
      ]);
    }
    origin.set(key, source.file);
    compiled.set(key, mapping);
  }
  return compiled;
}

function registryOf(base: Map<string, RegisteredMapping>, overrides: Map<string, RegisteredMapping>): MappingRegistry {
  const merged = new Map([...base, ...overrides]);
  const all = [...merged.values()];
  return {
    get: (system, object) => merged.get(keyOf(system, object)),
    forEntity: (system, entity) => all.filter((m) => m.system === system && m.entity === entity),
    all: () => all,
    withOverrides: async (sources) => registryOf(merged, await compileAll(sources)),
    withMappings: (mappings) => registryOf(merged, new Map(mappings.map((m) => [keyOf(m.system, m.object), m]))),
  };
}

let systemRegistry: Promise<MappingRegistry> | undefined;

/** The bundled system defaults, compiled on first use and then shared by every request in this isolate. */
export function systemMappings(): Promise<MappingRegistry> {
  systemRegistry ??= createMappingRegistry(bundledMappings);
  return systemRegistry;
}
