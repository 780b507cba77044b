export const duckdbDir: string;
export const duckdbVersion: string;
export const DUCKDB_VENDOR_PATH: string;
