/**
 * Exponential retry delays for queue messages: 10 s, 20 s, 40 s… from the message's delivery count, capped at
 * the 12 hours Queues allows. After the consumer's `max_retries` (wrangler.toml) the platform moves the message to
 * the queue's `dead_letter_queue`, so a message that keeps failing ends there, never silently acknowledged.
 */
const BASE_SECONDS = 10;
const MAX_SECONDS = 12 * 60 * 60;

/** `attempts` is Message.attempts: 1 on the first delivery. */
export function retryDelaySeconds(attempts: number): number {
  return Math.min(BASE_SECONDS * 2 ** Math.max(0, attempts - 1), MAX_SECONDS);
}
