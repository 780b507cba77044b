/** Structured JSON logging: one line per event, always carrying the request's trace context when there is one. */
export type LogLevel = "debug" | "info" | "warn" | "error";

const SEVERITY: Record<LogLevel, number> = { debug: 0, info: 1, warn: 2, error: 3 };

/** LOG_LEVEL from the environment; anything unrecognised means "info". */
export function logLevel(value: string | undefined): LogLevel {
  return value !== undefined && value in SEVERITY ? (value as LogLevel) : "info";
}
export type LogFields = Record<string, unknown>;

export interface Logger {
  debug(msg: string, fields?: LogFields): void;
  info(msg: string, fields?: LogFields): void;
  warn(msg: string, fields?: LogFields): void;
  error(msg: string, fields?: LogFields): void;
  child(fields: LogFields): Logger;
}

const sinks: Record<LogLevel, (line: string) => void> = {
  debug: (line) => console.debug(line),
  info: (line) => console.log(line),
  warn: (line) => console.warn(line),
  error: (line) => console.error(line),
};

/** A logger writing lines at `minLevel` and above (LOG_LEVEL), each carrying `base`. */
export function createLogger(base: LogFields, minLevel: LogLevel): Logger {
  const emit = (level: LogLevel, msg: string, fields?: LogFields) => {
    if (SEVERITY[level] < SEVERITY[minLevel]) return;
    sinks[level](JSON.stringify({ ts: new Date().toISOString(), level, msg, ...base, ...fields }));
  };
  return {
    debug: (msg, fields) => emit("debug", msg, fields),
    info: (msg, fields) => emit("info", msg, fields),
    warn: (msg, fields) => emit("warn", msg, fields),
    error: (msg, fields) => emit("error", msg, fields),
    child: (fields) => createLogger({ ...base, ...fields }, minLevel),
  };
}

/** Turns any thrown value into loggable fields; stacks go to logs only, never to clients. */
export function errorFields(err: unknown): LogFields {
  if (err instanceof Error) return { error: err.message, error_name: err.name, stack: err.stack };
  return { error: String(err) };
}
