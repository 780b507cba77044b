/**
 * The FileSource's settings: the connection's stored config (schema owned by the connection registry), with the
 * platform-assigned prefix required, plus how each file's format and delimiter follow from it.
 */
import { z } from "@hono/zod-openapi";
import { FileSourceConfigSchema } from "../../connections/config";
import { ProblemError, fieldIssues } from "../../../gateway/problem";

export const DEFAULT_PAGE_SIZE = 2000;

export const FileSourceSettingsSchema = FileSourceConfigSchema.extend({
  /** every object under it is one file, one source object */
  prefix: z.string().min(1).endsWith("/"),
});
export type FileSourceSettings = z.infer<typeof FileSourceSettingsSchema>;

export type FileFormat = NonNullable<FileSourceSettings["format"]>;

/** A stored config that does not fit is a broken connection, reported like any invalid input. */
export function fileSourceSettings(config: unknown): FileSourceSettings {
  const parsed = FileSourceSettingsSchema.safeParse(config);
  if (!parsed.success) {
    throw new ProblemError("validation-error", "The FileSource config is invalid", {
      errors: fieldIssues(parsed.error.issues, "config"),
    });
  }
  return parsed.data;
}

/** The configured format, else NDJSON for .ndjson/.jsonl, else CSV. */
export function formatOf(key: string, settings: Pick<FileSourceSettings, "format">): FileFormat {
  return settings.format ?? (["ndjson", "jsonl"].includes(extensionOf(key)) ? "ndjson" : "csv");
}

/** The configured delimiter, else tab for .tsv; undefined means "detect it from the header line". */
export function delimiterOf(key: string, settings: Pick<FileSourceSettings, "delimiter">): string | undefined {
  return settings.delimiter ?? (extensionOf(key) === "tsv" ? "\t" : undefined);
}

function extensionOf(key: string): string {
  const name = key.slice(key.lastIndexOf("/") + 1);
  const dot = name.lastIndexOf(".");
  return dot === -1 ? "" : name.slice(dot + 1).toLowerCase();
}
