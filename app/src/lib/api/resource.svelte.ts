/** Data a page loads from the API, with its loading and error state, reloadable (after an action or a retry). */
export interface Resource<T> {
  readonly data: T | undefined;
  readonly error: unknown;
  readonly loading: boolean;
  reload(): Promise<void>;
}

export function resource<T>(fetcher: () => Promise<T>): Resource<T> {
  let data = $state<T | undefined>(undefined);
  let error = $state<unknown>(undefined);
  let loading = $state(true);
  let generation = 0;

  async function reload(): Promise<void> {
    const mine = ++generation;
    loading = true;
    try {
      const value = await fetcher();
      // a later reload wins over an earlier one that answered late
      if (mine === generation) [data, error] = [value, undefined];
    } catch (e) {
      if (mine === generation) error = e;
    } finally {
      if (mine === generation) loading = false;
    }
  }
  void reload();
  return {
    get data() { return data; },
    get error() { return error; },
    get loading() { return loading; },
    reload,
  };
}
