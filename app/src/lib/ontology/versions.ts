/** Naming a mapping's versions: the API's version reference (`system` or a tenant version number) and a label. */
import type { MappingVersion } from "./types";

export const versionRef = (v: Pick<MappingVersion, "origin" | "version">): string => (v.origin === "system" ? "system" : String(v.version));

export const versionLabel = (v: Pick<MappingVersion, "origin" | "version">): string =>
  v.origin === "system" ? `v${v.version} (system default)` : `v${v.version}`;
