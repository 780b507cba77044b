/**
 * Parquet export (hyparquet-writer, pure JS, runs in workerd): one row group per page, each flushed to the response
 * as soon as it is encoded. Column types as the Arrow export: STRING, DOUBLE, INT64, BOOLEAN, and JSON for documents.
 */
import { ByteWriter, ParquetWriter, schemaFromColumnData } from "hyparquet-writer";
import type { ColumnKind, View } from "../query/catalog";
import { exportValue } from "./arrow";
import { exportColumns } from "./pages";

const parquetType = { text: "STRING", real: "DOUBLE", integer: "INT64", boolean: "BOOLEAN", json: "JSON" } as const satisfies Record<ColumnKind, string>;

/** The JSON type encodes documents itself; every other value is as the Arrow export holds it. */
const parquetValue = (kind: ColumnKind, value: unknown) => (kind === "json" ? value : exportValue(kind, value));

export function parquetStream(view: View, pages: AsyncGenerator<Record<string, unknown>[]>): ReadableStream<Uint8Array> {
  const columns = exportColumns(view);
  const columnData = (rows: Record<string, unknown>[]) =>
    columns.map((c) => ({ name: c.name, type: parquetType[c.kind], nullable: true, data: rows.map((row) => parquetValue(c.kind, row[c.name])) }));
  let writer: ParquetWriter | undefined;
  const bytes = new ByteWriter();
  /** what the writer produced since the last call; the writer keeps absolute offsets in `offset` */
  const take = () => {
    const chunk = bytes.getBytes().slice();
    bytes.index = 0;
    return chunk;
  };
  return new ReadableStream({
    async pull(controller) {
      writer ??= new ParquetWriter({ writer: bytes, schema: schemaFromColumnData({ columnData: columnData([]) }) });
      const next = await pages.next();
      if (next.done === true) {
        await writer.finish();
        controller.enqueue(take());
        controller.close();
        return;
      }
      writer.write({ columnData: columnData(next.value), rowGroupSize: next.value.length });
      controller.enqueue(take());
    },
    async cancel() {
      await pages.return(undefined);
    },
  });
}
