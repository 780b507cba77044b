/**
 * One page of a collection in (cursor field, _id) order from a cursor. A full page continues exactly after its
 * last document; a short one ends the object for now and says where the next sync resumes (with the lookback).
 */
import type { EjsonDocument } from "../../../../durable-objects/mongo-connection/queries";
import type { ReadPage } from "../connector";
import { type Cursor, afterCursor, encodeCursor } from "./cursor";
import { toRecord } from "./records";

export interface PageRequest {
  cursor: Cursor | null;
  field: string;
  pageSize: number;
  lookbackMs: number;
}

type Find = (filter: EjsonDocument, sort: Record<string, 1>, limit: number) => Promise<EjsonDocument[]>;

export async function readCollectionPage(find: Find, request: PageRequest): Promise<ReadPage> {
  const { cursor, field, pageSize, lookbackMs } = request;
  const documents = await find(afterCursor(field, cursor, lookbackMs), { [field]: 1, _id: 1 }, pageSize);
  const positions = documents.map((document): Cursor => ({ at: document[field], id: document._id, resume: false }));
  const records = documents.map((document, index) => toRecord(document, encodeCursor(positions[index] as Cursor)));
  const last = positions.at(-1) ?? cursor;
  if (documents.length === pageSize && last !== null) return { records, next_cursor: encodeCursor(last) };
  return last === null ? { records, next_cursor: null } : { records, next_cursor: null, resume_cursor: encodeCursor({ ...last, resume: true }) };
}
