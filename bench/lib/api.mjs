// Authenticated JSON calls to the bench worker, failing loudly on any unexpected status.

/** `call(method, path, body?)` → the parsed JSON response; throws unless the status is 2xx. */
export function apiClient(url, token) {
  return async (method, path, body) => {
    const res = await fetch(`${url}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { "content-type": "application/json" }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
    return res.json();
  };
}

/** Milliseconds since the epoch with sub-millisecond resolution; comparable across processes on one machine. */
export const epochNow = () => performance.timeOrigin + performance.now();
