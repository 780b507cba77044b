/**
 * A file's bytes from an offset, fetched from R2 as ranged gets of at most WINDOW_BYTES, each made only when the
 * reader gets to it and each conditional on the etag the read started with. No request ever asks for the whole
 * file, and stopping early wastes at most the rest of one window.
 */
import { ProblemError } from "../../../gateway/problem";

export const WINDOW_BYTES = 256 * 1024;

/** The version of an object a read is pinned to. */
interface PinnedObject {
  key: string;
  etag: string;
  size: number;
}

export function fileBytes(bucket: R2Bucket, object: PinnedObject, from: number): ReadableStream<Uint8Array> {
  let position = from;
  let window: ReadableStreamDefaultReader<Uint8Array> | undefined;
  let reading: Promise<unknown> = Promise.resolve();
  let cancelled = false;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        while (!cancelled) {
          if (window === undefined) {
            if (position >= object.size) return controller.close();
            window = await openWindow(bucket, object, position);
          }
          const read = window.read();
          reading = read;
          const { value } = await read;
          if (value === undefined) window = undefined;
          else if (!cancelled) {
            position += value.length;
            return controller.enqueue(value);
          }
        }
      },
      // Cancelling an R2 body mid-transfer aborts it (workerd reports that as an exception); the rest of one
      // window is cheap, so it is read and dropped instead, once the read in flight (if any) has settled.
      async cancel() {
        cancelled = true;
        await reading.catch(() => undefined);
        while (window !== undefined && (await window.read()).value !== undefined);
      },
    },
    { highWaterMark: 0 },
  );
}

async function openWindow(bucket: R2Bucket, object: PinnedObject, offset: number) {
  const length = Math.min(WINDOW_BYTES, object.size - offset);
  const got = await bucket.get(object.key, { range: { offset, length }, onlyIf: { etagMatches: object.etag } });
  if (got === null || !hasBody(got)) {
    throw new ProblemError("conflict", `"${object.key}" changed while it was read; the next read starts it again`);
  }
  return got.body.getReader();
}

/** A conditional get whose condition failed returns the object's metadata without a body. */
function hasBody(object: R2Object | R2ObjectBody): object is R2ObjectBody {
  return "body" in object;
}
