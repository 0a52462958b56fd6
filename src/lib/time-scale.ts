/**
 * Placing dated events on a time axis. A date known only to the month or the
 * year covers that whole month or year: it is drawn as a span, never as a
 * day the record does not give.
 */
import { parsePartialDate } from './dates.ts';

const DAY = 86_400_000;

/** The time a partial date covers, in UTC milliseconds: [from, to). */
export function dateSpan(value: string): { from: number; to: number } {
  const date = parsePartialDate(value);
  if (!date) throw new Error(`Not a date: "${value}" (expected YYYY, YYYY-MM or YYYY-MM-DD).`);
  const { year, month, day } = date;
  if (month === undefined) return { from: Date.UTC(year, 0, 1), to: Date.UTC(year + 1, 0, 1) };
  if (day === undefined) return { from: Date.UTC(year, month - 1, 1), to: Date.UTC(year, month, 1) };
  return { from: Date.UTC(year, month - 1, day), to: Date.UTC(year, month - 1, day) + DAY };
}

/** Whole months from one date to another (by calendar, not by 30-day blocks). */
export function monthsBetween(from: string, to: string): number {
  const a = new Date(dateSpan(from).from);
  const b = new Date(dateSpan(to).from);
  const months = (b.getUTCFullYear() - a.getUTCFullYear()) * 12 + b.getUTCMonth() - a.getUTCMonth();
  return b.getUTCDate() < a.getUTCDate() ? months - 1 : months;
}

/** "8 months", "1 year", "6 years and 3 months". */
export function formatMonths(months: number): string {
  const years = Math.floor(months / 12);
  const rest = months % 12;
  const part = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'}`;
  if (years === 0) return part(rest, 'month');
  return rest === 0 ? part(years, 'year') : `${part(years, 'year')} and ${part(rest, 'month')}`;
}

/** A linear scale from the start of `from`'s year to the end of `to`'s year onto [0, length]. */
export function yearScale(from: string, to: string, length: number) {
  const start = Date.UTC(new Date(dateSpan(from).from).getUTCFullYear(), 0, 1);
  const end = Date.UTC(new Date(dateSpan(to).from).getUTCFullYear() + 1, 0, 1);
  const at = (time: number) => ((time - start) / (end - start)) * length;
  const years: { year: number; at: number }[] = [];
  for (let y = new Date(start).getUTCFullYear(); Date.UTC(y, 0, 1) <= end; y += 1) years.push({ year: y, at: at(Date.UTC(y, 0, 1)) });
  return { start, end, at, years };
}

/** Moves sorted label positions apart (down or right) so that each is at least `gap` after the one before. */
export function spread(positions: readonly number[], gap: number): number[] {
  const out: number[] = [];
  for (const position of positions) out.push(out.length ? Math.max(position, out.at(-1)! + gap) : position);
  return out;
}
