/** The console's pages. Paths avoid /api, /dcl and /live-flow, which belong to the Worker (wrangler.toml). */
export const PAGES = [
  { path: "/graph", label: "DCL Graph" },
  { path: "/monitor", label: "AAM Monitor" },
  { path: "/ontology", label: "Ontology" },
  { path: "/flow", label: "Live Flow" },
  { path: "/query", label: "Query" },
  { path: "/agents", label: "Agents" },
] as const;

/** Pages anyone may open; every other page needs a session. */
export const PUBLIC_PATHS = new Set(["/", "/signin", "/register"]);
