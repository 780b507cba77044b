/** The expression syntax tree: produced by parse.ts, turned into closures by compile.ts. `at` is a 1-based column. */
import type { SourcePath } from "../path";

export type BinaryOperator = "+" | "-" | "*" | "/" | "%" | "==" | "!=" | "<" | "<=" | ">" | ">=" | "&&" | "||";

export type Expression =
  | { kind: "literal"; at: number; value: string | number | boolean | null }
  | { kind: "field"; at: number; path: SourcePath; text: string }
  | { kind: "unary"; at: number; operator: "!" | "-"; operand: Expression }
  | { kind: "binary"; at: number; operator: BinaryOperator; left: Expression; right: Expression }
  | { kind: "conditional"; at: number; test: Expression; then: Expression; otherwise: Expression }
  | { kind: "call"; at: number; name: string; args: Expression[] };
