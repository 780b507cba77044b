// The console's API errors: RFC 9457 problems as ApiError (kind, field errors), what a person is told about any
// failure, and the client's query strings and non-API error bodies.
import { afterEach, describe, expect, it, vi } from "vitest";
import { api, query } from "../../app/src/lib/api/client";
import { ApiError, describeError } from "../../app/src/lib/api/problem";
import { PROBLEM_TYPE_BASE } from "../../workers/gateway/problem";

const problem = (over: Partial<ApiError["problem"]> = {}): ApiError["problem"] => ({
  type: `${PROBLEM_TYPE_BASE}validation-error`, title: "The request is invalid", status: 400, trace_id: "4bf92f35", ...over,
});

describe("ApiError", () => {
  it("takes its kind from the type URI's last segment and its message from the detail, else the title", () => {
    const error = new ApiError(problem({ detail: "email is taken" }));
    expect([error.kind, error.status, error.message, error.name]).toEqual(["validation-error", 400, "email is taken", "ApiError"]);
    expect(new ApiError(problem({ type: "about:blank", title: "Bad Gateway", status: 502 })).kind).toBe("about:blank");
    expect(new ApiError(problem()).message).toBe("The request is invalid");
  });

  it("keys field errors by the field's name without the request part, keeping the first message per field", () => {
    const error = new ApiError(problem({
      errors: [
        { path: "body.email", message: "Invalid email address", code: "invalid_format" },
        { path: "body.email", message: "Too long", code: "too_big" },
        { path: "query.limit", message: "Too big", code: "too_big" },
        { path: "params.id", message: "Not an id", code: "invalid_string" },
        { path: "header.idempotency-key", message: "Required", code: "invalid_type" },
        { path: "body.owner.body.name", message: "Required", code: "invalid_type" },
        { path: "tenant", message: "Unknown", code: "custom" },
      ],
    }));
    expect(error.fieldErrors()).toEqual({
      email: "Invalid email address",
      limit: "Too big",
      id: "Not an id",
      "idempotency-key": "Required",
      "owner.body.name": "Required",
      tenant: "Unknown",
    });
    expect(new ApiError(problem()).fieldErrors()).toEqual({});
  });
});

describe("describeError", () => {
  it("shows a problem's title, its detail when it says more, and its trace id", () => {
    expect(describeError(new ApiError(problem({ detail: "email is taken" })))).toEqual({ title: "The request is invalid", detail: "email is taken", traceId: "4bf92f35" });
    expect(describeError(new ApiError(problem({ detail: "The request is invalid" })))).toEqual({ title: "The request is invalid", detail: null, traceId: "4bf92f35" });
  });

  it("tells a network failure (fetch's TypeError) from anything else", () => {
    expect(describeError(new TypeError("Failed to fetch"))).toEqual({ title: "The server could not be reached", detail: "Failed to fetch", traceId: null });
    expect(describeError(new Error("boom"))).toEqual({ title: "Something went wrong", detail: "boom", traceId: null });
    expect(describeError("plain text")).toEqual({ title: "Something went wrong", detail: "plain text", traceId: null });
  });
});

describe("client", () => {
  afterEach(() => vi.unstubAllGlobals());

  it("builds query strings from the parameters that are set, keeping 0, false and empty strings", () => {
    expect(query({})).toBe("");
    expect(query({ a: undefined, b: null })).toBe("");
    expect(query({ limit: 0, active: false, q: "", cursor: "a b&c" })).toBe("?limit=0&active=false&q=&cursor=a+b%26c");
  });

  it("sends JSON and parses the answer; a 204 is undefined", async () => {
    const fetch = vi.fn(async (_path: string, init: RequestInit) =>
      init.method === "DELETE" ? new Response(null, { status: 204 }) : Response.json({ echoed: JSON.parse(String(init.body)) }));
    vi.stubGlobal("fetch", fetch);
    expect(await api("/api/v1/x", { method: "POST", json: { n: 0 } })).toEqual({ echoed: { n: 0 } });
    expect(new Headers(fetch.mock.calls[0]![1].headers).get("content-type")).toBe("application/json");
    expect(await api("/api/v1/x", { method: "DELETE" })).toBeUndefined();
  });

  it("throws the API's problem as ApiError, and a non-API error body as a problem too", async () => {
    vi.stubGlobal("fetch", vi.fn(async () => Response.json(problem({ status: 409, type: `${PROBLEM_TYPE_BASE}conflict`, title: "changed" }), { status: 409 })));
    const conflict = await api("/api/v1/x").catch((e: unknown) => e);
    expect(conflict).toBeInstanceOf(ApiError);
    expect((conflict as ApiError).kind).toBe("conflict");

    vi.stubGlobal("fetch", vi.fn(async () => new Response("<html>upstream down</html>", { status: 502, statusText: "Bad Gateway" })));
    const proxy = await api("/api/v1/x").catch((e: unknown) => e);
    expect(proxy).toBeInstanceOf(ApiError);
    expect(describeError(proxy)).toEqual({ title: "Bad Gateway", detail: "<html>upstream down</html>", traceId: "" });
    expect((proxy as ApiError).status).toBe(502);
  });
});
