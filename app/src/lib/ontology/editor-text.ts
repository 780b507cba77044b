/** Text operations of the YAML editor: indentation with spaces (YAML forbids tabs), positions, the `version:` line. */

const INDENT = "  ";

/** The text with `INDENT` replacing the selection, and where the caret goes. */
export function insertIndent(text: string, start: number, end: number): { text: string; caret: number } {
  return { text: text.slice(0, start) + INDENT + text.slice(end), caret: start + INDENT.length };
}

/** The text with up to one `INDENT` removed from the start of the caret's line, and where the caret goes. */
export function removeIndent(text: string, caret: number): { text: string; caret: number } {
  const lineStart = text.lastIndexOf("\n", caret - 1) + 1;
  const leading = /^ {0,2}/.exec(text.slice(lineStart))?.[0].length ?? 0;
  return { text: text.slice(0, lineStart) + text.slice(lineStart + leading), caret: Math.max(lineStart, caret - leading) };
}

/** The offset of a 1-based line and column, clamped to the text. */
export function offsetOf(text: string, line: number, column: number): number {
  let offset = 0;
  for (let current = 1; current < line; current++) {
    const next = text.indexOf("\n", offset);
    if (next === -1) return text.length;
    offset = next + 1;
  }
  const lineEnd = text.indexOf("\n", offset);
  return Math.min(offset + Math.max(column - 1, 0), lineEnd === -1 ? text.length : lineEnd);
}

export const lineCount = (text: string): number => text.split("\n").length;

const VERSION_LINE = /^version:[ \t]*(\d+)/m;

/** The document's `version:`, or null when it has none a person could bump. */
export function documentVersion(text: string): number | null {
  const match = VERSION_LINE.exec(text);
  return match === null ? null : Number(match[1]);
}

/** The text with its `version:` set (unchanged if it has no such line). */
export const withVersion = (text: string, version: number): string => text.replace(VERSION_LINE, `version: ${version}`);
