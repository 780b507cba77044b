/** Which columns of a result make a bar chart, and its bars: a text column for labels, a numeric one for lengths. */
import { type QueryResult, formatCell, isNumericType, isTextType, toNumber } from "./result";

/** Bars beyond this would be unreadable at any width; the chart says how many it shows. */
export const MAX_BARS = 30;

export interface ChartColumns {
  label: number;
  value: number;
}

export interface Bar {
  label: string;
  value: number;
}

export const labelColumns = (result: QueryResult) => indexesWhere(result, (type) => !isNumericType(type));
export const valueColumns = (result: QueryResult) => indexesWhere(result, isNumericType);

function indexesWhere(result: QueryResult, test: (type: string) => boolean): number[] {
  return result.columns.flatMap((column, index) => (test(column.type) ? [index] : []));
}

/**
 * The chart a result suggests: the first text (else non-numeric) column against the first numeric one; null when
 * it has no such pair. A result of exactly label + number is the obvious case.
 */
export function defaultChartColumns(result: QueryResult): ChartColumns | null {
  const values = valueColumns(result);
  const labels = labelColumns(result);
  const label = labels.find((index) => isTextType(result.columns[index]!.type)) ?? labels[0];
  const value = values[0];
  return label === undefined || value === undefined ? null : { label, value };
}

/** The bars for the chosen columns: the first MAX_BARS rows with a number (NULL values are left out). */
export function barsOf(result: QueryResult, columns: ChartColumns): Bar[] {
  const labelType = result.columns[columns.label]!.type;
  const bars: Bar[] = [];
  for (const row of result.rows) {
    const value = toNumber(row[columns.value]);
    if (value === null) continue;
    bars.push({ label: formatCell(labelType, row[columns.label]), value });
    if (bars.length === MAX_BARS) break;
  }
  return bars;
}
