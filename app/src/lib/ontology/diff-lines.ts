/**
 * A unified diff (the API's `patch`) as lines to render: file headers, hunk headers, and each line added, removed
 * or unchanged with its old and new line numbers. The +/- sign stays in the text, so the change never depends on
 * colour alone.
 */
export type DiffLineKind = "file" | "hunk" | "added" | "removed" | "context" | "note";

export interface DiffLine {
  kind: DiffLineKind;
  text: string;
  oldLine: number | null;
  newLine: number | null;
}

const HUNK = /^@@ -(\d+)(?:,\d+)? \+(\d+)(?:,\d+)? @@/;

export function diffLines(patch: string): DiffLine[] {
  const lines: DiffLine[] = [];
  let oldLine = 0;
  let newLine = 0;
  let inHunk = false;
  for (const text of patch.split("\n")) {
    const hunk = HUNK.exec(text);
    if (hunk !== null) {
      [oldLine, newLine, inHunk] = [Number(hunk[1]), Number(hunk[2]), true];
      lines.push({ kind: "hunk", text, oldLine: null, newLine: null });
    } else if (!inHunk) {
      // the `Index:`, `===` and `---`/`+++` lines before the first hunk
      if (text !== "") lines.push({ kind: "file", text, oldLine: null, newLine: null });
    } else if (text.startsWith("+")) {
      lines.push({ kind: "added", text, oldLine: null, newLine: newLine++ });
    } else if (text.startsWith("-")) {
      lines.push({ kind: "removed", text, oldLine: oldLine++, newLine: null });
    } else if (text.startsWith(" ")) {
      lines.push({ kind: "context", text, oldLine: oldLine++, newLine: newLine++ });
    } else if (text.startsWith("\\")) {
      lines.push({ kind: "note", text, oldLine: null, newLine: null });
    }
  }
  return lines;
}

/** How many lines were added and removed. */
export function diffStats(lines: readonly DiffLine[]): { added: number; removed: number } {
  return { added: lines.filter((l) => l.kind === "added").length, removed: lines.filter((l) => l.kind === "removed").length };
}
