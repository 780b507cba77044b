/** One file's fields: its header (CSV) or keys (NDJSON), typed from the first SAMPLE_ROWS records. */
import type { DiscoveredObject } from "../connector";
import type { FileFormat } from "./config";
import { inferFields, jsonHeader } from "./infer";
import { openFile } from "./open-file";
import type { HeaderField } from "./rows";

export const SAMPLE_ROWS = 1000;

export async function discoverFile(
  bucket: R2Bucket,
  key: string,
  object: string,
  parsing: { format: FileFormat; delimiter: string | undefined },
): Promise<DiscoveredObject> {
  const { rows } = await openFile(bucket, key, undefined, parsing);
  let header: HeaderField[] | undefined;
  const sample: Record<string, unknown>[] = [];
  for await (const row of rows) {
    if (row.kind === "header") header = row.fields;
    else if (row.kind === "record") sample.push(row.data);
    if (sample.length === SAMPLE_ROWS) break;
  }
  const fields =
    parsing.format === "csv"
      ? inferFields(header ?? [], sample, { untypedText: true })
      : inferFields(jsonHeader(sample), sample, { untypedText: false });
  return { object, label: labelOf(object), fields };
}

/** "exports/Customers.csv" → "Customers". */
function labelOf(object: string): string {
  const name = object.slice(object.lastIndexOf("/") + 1);
  const dot = name.lastIndexOf(".");
  return dot > 0 ? name.slice(0, dot) : name;
}
