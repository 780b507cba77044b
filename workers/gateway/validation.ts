/** The zod-openapi default hook: a failed validation becomes a 400 problem listing every field's issue. */
import type { Hook } from "@hono/zod-openapi";
import type { AppEnv } from "./context";
import { ProblemError, fieldIssues } from "./problem";

// biome-ignore lint: the hook is shared by every route, whatever its input and output types.
export const validationHook: Hook<any, AppEnv, any, any> = (result) => {
  if (!result.success) {
    const issues = fieldIssues(result.error.issues, result.target);
    throw new ProblemError("validation-error", `${issues.length} field(s) are invalid`, { errors: issues });
  }
};
