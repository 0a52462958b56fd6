import { describe, it, expect } from 'vitest';
import { parsePartialDate, comparePartialDates, formatPartialDate, formatDateRange } from '../../src/lib/dates.ts';

describe('parsePartialDate', () => {
  it('reads a year, a month or a day, keeping the precision given', () => {
    expect(parsePartialDate('2025')).toEqual({ year: 2025, precision: 'year' });
    expect(parsePartialDate('2025-10')).toEqual({ year: 2025, month: 10, precision: 'month' });
    expect(parsePartialDate('2019-02-27')).toEqual({ year: 2019, month: 2, day: 27, precision: 'day' });
  });

  it('accepts 29 February in a leap year only', () => {
    expect(parsePartialDate('2020-02-29')).toEqual({ year: 2020, month: 2, day: 29, precision: 'day' });
    expect(parsePartialDate('2019-02-29')).toBeUndefined();
  });

  it.each([
    '2019-02-30',
    '2019-04-31',
    '2019-13',
    '2019-00',
    '2019-06-00',
    '2019/02/27',
    '27 February 2019',
    '19-02-27',
    '2019-2-7',
    '2019-02-27T00:00',
    ' 2019',
    '',
  ])('refuses %j', (value) => {
    expect(parsePartialDate(value)).toBeUndefined();
  });
});

describe('comparePartialDates', () => {
  it('orders days, months and years by the earliest day each could mean', () => {
    const dates = ['2019-06-30', '2018-06-12', '2019', '2019-02', '2019-02-27', '2025-10', '2019-02-28'];
    expect([...dates].sort(comparePartialDates)).toEqual(['2018-06-12', '2019', '2019-02', '2019-02-27', '2019-02-28', '2019-06-30', '2025-10']);
  });

  it('is zero for the same date and signed the right way', () => {
    expect(comparePartialDates('2019-02-27', '2019-02-27')).toBe(0);
    expect(comparePartialDates('2019-02-27', '2019-02-28')).toBeLessThan(0);
    expect(comparePartialDates('2020', '2019-12-31')).toBeGreaterThan(0);
  });

  it('throws on something that is not a date, saying what it expected', () => {
    expect(() => comparePartialDates('2019-02-30', '2019')).toThrow('Not a date: "2019-02-30" (expected YYYY, YYYY-MM or YYYY-MM-DD).');
  });
});

describe('formatPartialDate', () => {
  it('writes only the precision it has', () => {
    expect(formatPartialDate('2018-06-12')).toBe('12 June 2018');
    expect(formatPartialDate('2025-10')).toBe('October 2025');
    expect(formatPartialDate('2025')).toBe('2025');
    expect(formatPartialDate('2019-01-01')).toBe('1 January 2019');
  });

  it('throws on an impossible date', () => {
    expect(() => formatPartialDate('2019-02-30')).toThrow(/^Not a date: "2019-02-30"/);
  });
});

describe('formatDateRange', () => {
  it('writes a single date when there is no end', () => {
    expect(formatDateRange('2019-06-30', undefined)).toBe('30 June 2019');
  });

  it('shares the month and year of days in the same month', () => {
    expect(formatDateRange('2019-02-27', '2019-02-28')).toBe('27–28 February 2019');
  });

  it('writes both dates in full otherwise', () => {
    expect(formatDateRange('2018-06-12', '2019-07-03')).toBe('12 June 2018 – 3 July 2019');
    expect(formatDateRange('2019-01-31', '2019-02-01')).toBe('31 January 2019 – 1 February 2019');
    expect(formatDateRange('2003', '2009')).toBe('2003 – 2009');
    expect(formatDateRange('2018-06', '2018-06-12')).toBe('June 2018 – 12 June 2018');
  });
});
