import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { mongoConnection } from "../../../durable-objects/mongo-connection";
import { mongoUrl } from "../../helpers/mongodb";

const connection = () => mongoConnection(env, "mongo-connection-error");
const withUser = (user: string) => mongoUrl.replace("mongodb://", `mongodb://${user}@`);

describe("MongoConnection failures, answered as source states", () => {
  it("answers a login mongod refuses (AuthenticationFailed, 18) as bad credentials", async () => {
    expect(await connection().collections(withUser("app:wrong"), "crm")).toEqual({
      ok: false,
      state: "bad-credentials",
      detail: expect.stringContaining("AuthenticationFailed"),
    });
  });

  it("answers a command on a database the user holds no role on (Unauthorized, 13) as a missing permission", async () => {
    const answer = await connection().find(mongoUrl, { database: "unauthorized_crm", collection: "accounts" });
    expect(answer).toEqual({ ok: false, state: "missing-permission", detail: expect.stringContaining("not authorized on unauthorized_crm") });
  });

  it("answers a closed port as unreachable", async () => {
    const answer = await connection().collections("mongodb://127.0.0.1:9/?directConnection=true&serverSelectionTimeoutMS=300", "crm");
    expect(answer).toEqual({ ok: false, state: "unreachable", detail: expect.stringContaining("could not be reached") });
  });
});
