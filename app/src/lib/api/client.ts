/**
 * The console's one way to call the API: same origin, bearer token from the session, JSON in and out, failures as
 * ApiError (the RFC 9457 problem). A 401 triggers one refresh and one retry; if that fails the session ends.
 */
import { ApiError } from "./problem";
import { session } from "./session.svelte";

export interface ApiInit extends Omit<RequestInit, "body"> {
  /** sent as JSON */
  json?: unknown;
  /** sent as is (FormData for uploads) */
  body?: BodyInit;
}

export async function apiResponse(path: string, init: ApiInit = {}, retried = false): Promise<Response> {
  const headers = new Headers(init.headers);
  const token = await session.accessToken();
  if (token !== null) headers.set("authorization", `Bearer ${token}`);
  let body = init.body;
  if (init.json !== undefined) {
    headers.set("content-type", "application/json");
    body = JSON.stringify(init.json);
  }
  const res = await fetch(path, { ...init, headers, body });
  if (res.status === 401 && token !== null && !retried && (await session.refresh())) return apiResponse(path, init, true);
  if (!res.ok) throw new ApiError(await problemOf(res));
  return res;
}

/** Calls the API and parses its JSON answer (undefined for 204). */
export async function api<T>(path: string, init: ApiInit = {}): Promise<T> {
  const res = await apiResponse(path, init);
  return (res.status === 204 ? undefined : await res.json()) as T;
}

async function problemOf(res: Response): Promise<ApiError["problem"]> {
  const text = await res.text();
  try {
    return JSON.parse(text);
  } catch {
    // not the API (a proxy or the dev server): still a problem the UI can show
    return { type: "about:blank", title: res.statusText || `HTTP ${res.status}`, status: res.status, detail: text.slice(0, 200), trace_id: "" };
  }
}

/** A query string from optional parameters (absent ones left out). */
export function query(params: Record<string, string | number | boolean | null | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined && value !== null) search.set(key, String(value));
  const text = search.toString();
  return text === "" ? "" : `?${text}`;
}
