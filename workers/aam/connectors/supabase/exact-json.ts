/**
 * PostgREST sends bigint columns as JSON numbers, and JSON.parse rounds those beyond 2^53 (an id 9007199254740993
 * would read as …992, naming another row). Integers outside Number's exact range are kept as their decimal text
 * instead; every other value parses as JSON.parse parses it.
 */

/** A string token (skipped whole), or an integer of 16+ digits that is not the fraction or exponent of a number. */
const TOKEN = /"(?:[^"\\]|\\.)*"|(?<![\d.eE+-])-?\d{16,}(?![\d.eE])/g;

export function parseExactJson(text: string): unknown {
  const exact = text.replace(TOKEN, (token) => (token.startsWith('"') || Number.isSafeInteger(Number(token)) ? token : `"${token}"`));
  try {
    return JSON.parse(exact);
  } catch {
    return undefined;
  }
}
