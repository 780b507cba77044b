/** The export formats: how each is encoded, labelled and named. */
import { z } from "@hono/zod-openapi";
import type { View } from "../query/catalog";
import type { QueryRunner } from "../query/runner";
import { arrowStream } from "./arrow";
import { ndjsonStream } from "./ndjson";
import { viewPages } from "./pages";
import { parquetStream } from "./parquet";

export const ExportFormatSchema = z.enum(["ndjson", "arrow", "parquet"]).openapi("DclExportFormat");
export type ExportFormat = z.infer<typeof ExportFormatSchema>;

export const exportFormats = {
  ndjson: { contentType: "application/x-ndjson", extension: "ndjson" },
  arrow: { contentType: "application/vnd.apache.arrow.stream", extension: "arrows" },
  parquet: { contentType: "application/vnd.apache.parquet", extension: "parquet" },
} as const satisfies Record<ExportFormat, { contentType: string; extension: string }>;

export function exportView(
  runner: QueryRunner,
  view: View,
  options: { format: ExportFormat; includeDeleted: boolean },
): Response {
  const pages = viewPages(runner, view, { includeDeleted: options.includeDeleted });
  const body =
    options.format === "ndjson" ? ndjsonStream(pages) : options.format === "arrow" ? arrowStream(view, pages) : parquetStream(view, pages);
  const { contentType, extension } = exportFormats[options.format];
  return new Response(body, {
    headers: {
      "content-type": contentType,
      "content-disposition": `attachment; filename="${view.name}.${extension}"`,
      "cache-control": "no-store",
    },
  });
}
