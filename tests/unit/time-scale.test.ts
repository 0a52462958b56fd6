import { describe, it, expect } from 'vitest';
import { dateSpan, formatMonths, monthsBetween, spread, yearScale } from '../../src/lib/time-scale.ts';

describe('dateSpan', () => {
  it('covers a day, a month or a year, as precisely as the date is known', () => {
    expect(dateSpan('2019-02-27')).toEqual({ from: Date.UTC(2019, 1, 27), to: Date.UTC(2019, 1, 28) });
    expect(dateSpan('2025-10')).toEqual({ from: Date.UTC(2025, 9, 1), to: Date.UTC(2025, 10, 1) });
    expect(dateSpan('2025')).toEqual({ from: Date.UTC(2025, 0, 1), to: Date.UTC(2026, 0, 1) });
  });
  it('refuses what is not a date', () => {
    expect(() => dateSpan('June 2019')).toThrow(/Not a date: "June 2019"/);
  });
});

describe('monthsBetween and formatMonths', () => {
  it('count whole calendar months', () => {
    expect(monthsBetween('2018-06-12', '2019-02-27')).toBe(8);
    expect(monthsBetween('2019-02-27', '2019-06-30')).toBe(4);
    expect(monthsBetween('2019-06-30', '2025-10')).toBe(75);
  });
  it('say them as a reader would', () => {
    expect(formatMonths(1)).toBe('1 month');
    expect(formatMonths(8)).toBe('8 months');
    expect(formatMonths(12)).toBe('1 year');
    expect(formatMonths(75)).toBe('6 years and 3 months');
  });
});

describe('yearScale', () => {
  it('maps the whole years from the first date to the last onto the length, linearly', () => {
    const scale = yearScale('2018-06-12', '2025-10', 800);
    expect(scale.at(Date.UTC(2018, 0, 1))).toBe(0);
    expect(scale.at(Date.UTC(2026, 0, 1))).toBe(800);
    expect(scale.years.map((y) => y.year)).toEqual([2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026]);
    expect(scale.years[1]!.at).toBeCloseTo((365 / 2922) * 800, 5);
  });
});

describe('spread', () => {
  it('pushes labels apart by at least the gap, keeping those already far enough', () => {
    expect(spread([27, 69, 89, 300], 40)).toEqual([27, 69, 109, 300]);
    expect(spread([], 40)).toEqual([]);
  });
});
