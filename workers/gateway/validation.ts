/** The zod-openapi default hook: a failed validation becomes a 400 problem listing every field's issue. */
import type { Hook } from "@hono/zod-openapi";
import type { AppEnv } from "./context";
import { ProblemError, fieldIssues } from "./problem";

/** Hono's validator targets, named as clients know them (`body.email`, not `json.email`). */
const targetNames: Record<string, string> = { json: "body", form: "body", param: "path" };

// biome-ignore lint: the hook is shared by every route, whatever its input and output types.
export const validationHook: Hook<any, AppEnv, any, any> = (result) => {
  if (!result.success) {
    const issues = fieldIssues(result.error.issues, targetNames[result.target] ?? result.target);
    throw new ProblemError("validation-error", `${issues.length} field(s) are invalid`, { errors: issues });
  }
};
