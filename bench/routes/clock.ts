/**
 * Wall-clock timing inside workerd. The runtime's clock may only move at I/O boundaries (a Spectre mitigation),
 * so each reading is taken right after a zero-length timer, an I/O event after which the clock reads true time.
 */
const now = async () => {
  await scheduler.wait(0);
  return performance.now();
};

/** Milliseconds since the epoch, comparable with other processes' clocks on the machine. */
export const epochMs = async () => {
  await scheduler.wait(0);
  return Date.now();
};

export async function elapsedMs(work: () => Promise<void>): Promise<number> {
  const started = await now();
  await work();
  return (await now()) - started;
}
