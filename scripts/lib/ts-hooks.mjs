// `node --import ./scripts/lib/ts-hooks.mjs file.ts`: Node 22 strips the types itself; this resolves the project's
// extensionless relative imports (`./pg-programs`) to their .ts files, as the bundlers and vitest do.
import { registerHooks } from "node:module";

registerHooks({
  resolve(specifier, context, next) {
    try {
      return next(specifier, context);
    } catch (err) {
      if (err?.code !== "ERR_MODULE_NOT_FOUND" || !/^\.\.?\//.test(specifier)) throw err;
      return next(`${specifier}.ts`, context);
    }
  },
});
