export function buildConsole(options?: { out?: string; quiet?: boolean }): string;
