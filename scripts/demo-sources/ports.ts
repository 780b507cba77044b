/**
 * Fixed, unusual ports for the demo's sources (override by env): the demo tenant's connections store these URLs,
 * so a second run must find its sources where the first one left them.
 */
const port = (name: string, fallback: number) => {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(value) || value < 1 || value > 65_535) throw new Error(`${name} must be a TCP port, got ${process.env[name]}`);
  return value;
};

export const PORTS = {
  postgres: port("DEMO_POSTGRES_PORT", 25432),
  postgrest: port("DEMO_POSTGREST_PORT", 25433),
  supabase: port("DEMO_SUPABASE_PORT", 25434),
  salesforce: port("DEMO_SALESFORCE_PORT", 25435),
  mongodb: port("DEMO_MONGODB_PORT", 25436),
};
