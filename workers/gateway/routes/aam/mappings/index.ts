/** The AAM mapping routes: the mappings in effect, their versions and diffs, validation, and new override versions. */
import type { App } from "../../../context";
import { registerDiffMappingVersions } from "./diff";
import { registerGetMapping } from "./get";
import { registerListMappings } from "./list";
import { registerPutMapping } from "./put";
import { registerValidateMapping } from "./validate";
import { registerGetMappingVersion } from "./version";
import { registerListMappingVersions } from "./versions";

export function registerMappingRoutes(app: App): void {
  registerListMappings(app);
  registerValidateMapping(app);
  registerGetMapping(app);
  registerPutMapping(app);
  registerListMappingVersions(app);
  registerGetMappingVersion(app);
  registerDiffMappingVersions(app);
}
