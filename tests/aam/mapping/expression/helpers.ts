import { compileExpression } from "../../../../workers/aam/mapping/expression/compile";
import { parseExpression } from "../../../../workers/aam/mapping/expression/parse";
import { outcome, type Outcome } from "../helpers";

export function evaluate(source: string, record: Record<string, unknown> = {}): Outcome {
  const run = compileExpression(parseExpression(source));
  return outcome(() => run(record));
}
