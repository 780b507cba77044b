#!/usr/bin/env node
// `npm run build:console`: builds the console into app/build, the Worker's static assets (wrangler.toml [assets]).
import "./vendor-docs.mjs";
import "./vendor-duckdb.mjs";
import { buildConsole } from "./lib/console-build.mjs";

buildConsole();
