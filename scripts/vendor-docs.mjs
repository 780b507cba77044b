#!/usr/bin/env node
// Copies the API reference viewer (Scalar's browser bundle) into the console's static assets (run by
// `postinstall`; idempotent), so /api/v1/docs works offline and loads no third-party script.
import { copyFileSync, mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const require = createRequire(join(root, "package.json"));
const bundle = require.resolve("@scalar/api-reference/browser/standalone.js");
const target = join(root, "app/static/vendor/scalar/standalone.js");
mkdirSync(dirname(target), { recursive: true });
copyFileSync(bundle, target);
