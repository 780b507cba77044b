/** What the sign-in and register forms share: submitting, the field errors and form error, and where to go after. */
import { goto } from "$app/navigation";
import { ApiError } from "$lib/api/problem";

export function authForm(next: () => string) {
  let busy = $state(false);
  let fields = $state<Record<string, string>>({});
  let error = $state<unknown>(undefined);

  async function submit(run: () => Promise<void>) {
    busy = true;
    fields = {};
    error = undefined;
    try {
      await run();
      await goto(next(), { replaceState: true });
    } catch (e) {
      const perField = e instanceof ApiError ? e.fieldErrors() : {};
      if (Object.keys(perField).length > 0) fields = perField;
      else error = e;
    } finally {
      busy = false;
    }
  }
  return {
    get busy() { return busy; },
    get fields() { return fields; },
    get error() { return error; },
    submit,
  };
}

/** A `next` parameter is only followed to a console path, never to another site. */
export function safeNext(raw: string | null, fallback = "/graph"): string {
  return raw !== null && raw.startsWith("/") && !raw.startsWith("//") ? raw : fallback;
}
