/**
 * A button's action: busy while in flight (so the button disables), its failure kept to show next to it, its
 * result kept to confirm what happened. One per kind of action; `key` tells which row's action is running.
 */
export interface Action<A extends unknown[], R> {
  readonly busyKey: string | null;
  readonly error: unknown;
  readonly resultKey: string | null;
  readonly result: R | undefined;
  busy(key?: string): boolean;
  failed(key?: string): unknown;
  run(key: string, ...args: A): Promise<R | undefined>;
}

const ONLY = "";

export function action<A extends unknown[], R>(perform: (...args: A) => Promise<R>): Action<A, R> {
  let busyKey = $state<string | null>(null);
  let errorKey = $state<string | null>(null);
  let error = $state<unknown>(undefined);
  let resultKey = $state<string | null>(null);
  let result = $state<R | undefined>(undefined);

  async function run(key: string, ...args: A): Promise<R | undefined> {
    busyKey = key;
    [errorKey, error] = [null, undefined];
    try {
      const value = await perform(...args);
      [resultKey, result] = [key, value];
      return value;
    } catch (e) {
      [errorKey, error, resultKey, result] = [key, e, null, undefined];
      return undefined;
    } finally {
      busyKey = null;
    }
  }
  return {
    get busyKey() { return busyKey; },
    get error() { return error; },
    get resultKey() { return resultKey; },
    get result() { return result; },
    busy: (key = ONLY) => busyKey === key,
    failed: (key = ONLY) => (errorKey === key ? error : undefined),
    run,
  };
}
