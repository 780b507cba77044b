/**
 * Arrow IPC stream export (apache-arrow): one record batch per page. Text as Utf8, reals as Float64, integers as
 * Int64, booleans as Bool, JSON documents (extras, sources, lineage, link) as Utf8 JSON text; timestamps and dates
 * stay ISO-8601 text, as in the canonical model (DuckDB casts them on read).
 */
import { Bool, Field, Float64, Int64, RecordBatchStreamWriter, Schema, Table, Utf8, vectorFromArray, type DataType } from "apache-arrow";
import type { ColumnKind, View } from "../query/catalog";
import { exportColumns } from "./pages";

const arrowType = (kind: ColumnKind): DataType => {
  switch (kind) {
    case "real":
      return new Float64();
    case "integer":
      return new Int64();
    case "boolean":
      return new Bool();
    default:
      return new Utf8();
  }
};

/** A decoded view value as the export column holds it. */
export function exportValue(kind: ColumnKind, value: unknown): unknown {
  if (value === null) return null;
  if (kind === "json") return JSON.stringify(value);
  if (kind === "integer") return BigInt(value as number);
  return value;
}

export function arrowStream(view: View, pages: AsyncGenerator<Record<string, unknown>[]>): ReadableStream<Uint8Array> {
  const columns = exportColumns(view);
  const schema = new Schema(columns.map((c) => new Field(c.name, arrowType(c.kind), true)));
  const writer = new RecordBatchStreamWriter();
  const out = writer.toDOMStream();
  const pump = async () => {
    // the schema is written even for an empty view, so the stream always parses
    writer.reset(undefined, schema);
    for await (const rows of pages) {
      const vectors = Object.fromEntries(
        columns.map((c) => [c.name, vectorFromArray(rows.map((row) => exportValue(c.kind, row[c.name])), schema.fields.find((f) => f.name === c.name)!.type)]),
      );
      writer.write(new Table(vectors));
    }
    writer.finish().close();
  };
  pump().catch((err: unknown) => writer.abort(err));
  return out;
}
