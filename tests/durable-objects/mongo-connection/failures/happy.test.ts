import { MongoNetworkError, MongoParseError, MongoServerError } from "mongodb";
import { describe, expect, it } from "vitest";
import { mongoFailureOf } from "../../../../durable-objects/mongo-connection/failures";

const server = (code: number, codeName: string, errmsg: string) => new MongoServerError({ ok: 0, code, codeName, errmsg });

describe("driver errors as source states", () => {
  it.each([
    [server(18, "AuthenticationFailed", "Authentication failed."), "bad-credentials"],
    [server(13, "Unauthorized", "not authorized on crm to execute command { find: ... }"), "missing-permission"],
    [server(26, "NamespaceNotFound", "ns does not exist"), "schema-drift"],
    [server(91, "ShutdownInProgress", "The server is in quiesce mode and will shut down"), "unreachable"],
    [server(262, "ExceededTimeLimit", "operation exceeded time limit"), "unreachable"],
    // Atlas reports its own refusals as code 8000 with the reason in the message
    [server(8000, "AtlasError", "bad auth : authentication failed"), "bad-credentials"],
    [server(8000, "AtlasError", "user is not allowed to do action [find] on [crm.accounts]"), "missing-permission"],
    [server(8000, "AtlasError", "rate limit exceeded"), "quota-reached"],
    [new MongoNetworkError("connection 1 to 127.0.0.1:27017 closed"), "unreachable"],
  ])("%s → %s", (error, state) => {
    expect(mongoFailureOf(error)?.state).toBe(state);
  });

  it("leaves an error that is no source failure to be thrown (a malformed query is a bug)", () => {
    expect(mongoFailureOf(server(2, "BadValue", "unknown top level operator: $bogus"))).toBeUndefined();
    expect(mongoFailureOf(server(8000, "AtlasError", "something else entirely"))).toBeUndefined();
    expect(mongoFailureOf(new TypeError("x is undefined"))).toBeUndefined();
  });

  it("never quotes an unparsable connection string, which may hold the password", () => {
    const failure = mongoFailureOf(new MongoParseError("Password contains unescaped characters: p@ss:word"));
    expect(failure).toEqual({ state: "bad-credentials", detail: expect.not.stringContaining("p@ss") });
  });
});
