/** NDJSON export: one JSON object per row and line, pulled a page at a time as the client reads. */
export function ndjsonStream(pages: AsyncGenerator<Record<string, unknown>[]>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream({
    async pull(controller) {
      const next = await pages.next();
      if (next.done === true) controller.close();
      else controller.enqueue(encoder.encode(next.value.map((row) => `${JSON.stringify(row)}\n`).join("")));
    },
    async cancel() {
      await pages.return(undefined);
    },
  });
}
