/**
 * Dates known only to the year or month ("2025", "2025-10") as well as to the
 * day. They are never padded into a fake precision: "2025" stays a year.
 */
export type Precision = 'year' | 'month' | 'day';

export interface PartialDate {
  year: number;
  month?: number;
  day?: number;
  precision: Precision;
}

const PATTERN = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** Parses "YYYY", "YYYY-MM" or "YYYY-MM-DD"; undefined for anything else or an impossible date. */
export function parsePartialDate(value: string): PartialDate | undefined {
  const match = PATTERN.exec(value);
  if (!match) return undefined;
  const year = Number(match[1]);
  if (match[2] === undefined) return { year, precision: 'year' };
  const month = Number(match[2]);
  if (month < 1 || month > 12) return undefined;
  if (match[3] === undefined) return { year, month, precision: 'month' };
  const day = Number(match[3]);
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day) return undefined;
  return { year, month, day, precision: 'day' };
}

function mustParse(value: string): PartialDate {
  const parsed = parsePartialDate(value);
  if (!parsed) throw new Error(`Not a date: "${value}" (expected YYYY, YYYY-MM or YYYY-MM-DD).`);
  return parsed;
}

/** Orders by the earliest day each date could mean; a year sorts before its months. */
export function comparePartialDates(a: string, b: string): number {
  const x = mustParse(a);
  const y = mustParse(b);
  return x.year - y.year || (x.month ?? 0) - (y.month ?? 0) || (x.day ?? 0) - (y.day ?? 0);
}

/** "12 June 2018", "October 2025", "2025". */
export function formatPartialDate(value: string): string {
  const date = mustParse(value);
  if (date.precision === 'year') return String(date.year);
  const month = MONTHS[date.month! - 1]!;
  return date.precision === 'month' ? `${month} ${date.year}` : `${date.day} ${month} ${date.year}`;
}

/** "27–28 February 2019", "12 June 2018 – 3 July 2019". */
export function formatDateRange(start: string, end: string | undefined): string {
  if (!end) return formatPartialDate(start);
  const a = mustParse(start);
  const b = mustParse(end);
  if (a.precision === 'day' && b.precision === 'day' && a.year === b.year && a.month === b.month) {
    return `${a.day}–${b.day} ${MONTHS[a.month! - 1]} ${a.year}`;
  }
  return `${formatPartialDate(start)} – ${formatPartialDate(end)}`;
}
