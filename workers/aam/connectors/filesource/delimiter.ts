/** Which delimiter a CSV uses, told from its header line. */

/** The delimiters detection chooses between, in order of preference on a tie. */
const SNIFFED_DELIMITERS = [",", ";", "\t", "|"] as const;

/**
 * The candidate that occurs most often outside quotes in the header line; a comma when none occurs (a one-column
 * file). Headers are names, so a delimiter they contain is almost always the real one.
 */
export function sniffDelimiter(headerLine: string): string {
  const counts = new Map<string, number>(SNIFFED_DELIMITERS.map((d) => [d, 0]));
  let quoted = false;
  for (const char of headerLine) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && counts.has(char)) counts.set(char, (counts.get(char) ?? 0) + 1);
  }
  let best: string = SNIFFED_DELIMITERS[0];
  for (const [delimiter, count] of counts) if (count > (counts.get(best) ?? 0)) best = delimiter;
  return best;
}
