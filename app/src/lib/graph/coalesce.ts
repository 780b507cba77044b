/**
 * Runs `fn` at most once per `ms`, after the first request of each window: a burst of live events (a large upload
 * materializes batch after batch) costs one re-fetch per window instead of one per event.
 */
export function coalesce(fn: () => void, ms: number): { request(): void; cancel(): void } {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return {
    request() {
      timer ??= setTimeout(() => {
        timer = undefined;
        fn();
      }, ms);
    },
    cancel() {
      clearTimeout(timer);
      timer = undefined;
    },
  };
}
