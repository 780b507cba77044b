// Types of dev-vars.mjs for the TypeScript scripts (scripts/demo-sources) that read the local secrets.
export function ensureDevVars(path?: string): { vars: Record<string, string>; added: string[] };
