/** Bounded, on-demand access to a file body: the parsers never hold more than a small window of it. */

/**
 * csv-parse's stream queues up to 1024 *chunks* ahead of the parser whatever their size; slicing the body into
 * pieces this small bounds that read-ahead to about 1 MiB however large the chunks R2 hands out are.
 */
export const PIECE_BYTES = 1024;

/** How far the header line is looked for when sniffing the delimiter. */
const MAX_FIRST_LINE_BYTES = 64 * 1024;
const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;

/**
 * The rest of `reader` as a stream of pieces of at most PIECE_BYTES (zero-copy views), with `head` (chunks already
 * taken from the reader) replayed first. Nothing is read from the source until the consumer pulls.
 */
export function inPieces(
  reader: ReadableStreamDefaultReader<Uint8Array>,
  head: Uint8Array[] = [],
): ReadableStream<Uint8Array> {
  const pending = [...head];
  let current: Uint8Array = new Uint8Array(0);
  let at = 0;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        while (at >= current.length) {
          const next = pending.shift() ?? (await reader.read()).value;
          if (next === undefined) {
            controller.close();
            return;
          }
          current = next;
          at = 0;
        }
        controller.enqueue(current.subarray(at, at + PIECE_BYTES));
        at += PIECE_BYTES;
      },
      cancel(reason) {
        return reader.cancel(reason);
      },
    },
    { highWaterMark: 0 },
  );
}

/**
 * Reads just enough of the body to see its first line (ending at a line break outside quotes, or capped at 64 KiB)
 * and returns it with the chunks read, to replay into the parser.
 */
export async function readFirstLine(
  reader: ReadableStreamDefaultReader<Uint8Array>,
): Promise<{ line: string; head: Uint8Array[] }> {
  const head: Uint8Array[] = [];
  const decoder = new TextDecoder();
  let line = "";
  let seen = 0;
  let quoted = false;
  while (seen < MAX_FIRST_LINE_BYTES) {
    const { value } = await reader.read();
    if (value === undefined) break;
    head.push(value);
    const stop = lineBreakAt(value, quoted);
    quoted = stop.quoted;
    line += decoder.decode(value.subarray(0, stop.index), { stream: stop.index === value.length });
    seen += value.length;
    if (stop.index < value.length) break;
  }
  return { line: line + decoder.decode(), head };
}

function lineBreakAt(bytes: Uint8Array, quotedBefore: boolean): { index: number; quoted: boolean } {
  let quoted = quotedBefore;
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i];
    if (byte === QUOTE) quoted = !quoted;
    else if (!quoted && (byte === LF || byte === CR)) return { index: i, quoted };
  }
  return { index: bytes.length, quoted };
}
