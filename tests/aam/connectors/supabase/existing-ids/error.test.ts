/** A Supabase `existing` call that cannot be answered fails: it never reports ids as gone. */
import { describe, expect, it } from "vitest";
import { Supabase } from "../../../../../workers/aam/connectors/supabase";
import { connector, project } from "../helpers";
import { problemOf } from "../../../../helpers/problems";

describe("Supabase existing errors", () => {
  it("a table the project does not have is an error, not 'every id is gone'", async () => {
    const problem = await problemOf(connector().existing("no_such_table", ["1"]));
    expect(problem.kind).not.toBe("internal");
  });

  it("an unreachable project is a source-unreachable problem", async () => {
    const down = new Supabase({ url: "http://127.0.0.1:9" }, { api_key: project.service_role_key });
    expect((await problemOf(down.existing("labels", ["a"]))).kind).toBe("source-unreachable");
  });

  it("a rejected key is the source's credentials problem", async () => {
    const problem = await problemOf(connector({}, "sb_secret_wrong").existing("labels", ["a"]));
    expect(problem.kind).toBe("source-credentials-rejected");
  });
});
