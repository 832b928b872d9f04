// @vitest-environment node
import { describe, expect, it } from 'vitest';
import {
  addMonths,
  dayOf,
  daysOf,
  longDay,
  monthKey,
  monthTitle,
  monthWindow,
  parseMonth,
  placeInMonth,
  today,
  weekdays,
  weeksOf,
} from './calendar';

describe('the month calendar', () => {
  it('lays a month out in weeks from Monday, running into the months on either side', () => {
    const september = weeksOf({ year: 2026, month: 9 });
    expect(september).toHaveLength(5);
    expect(september[0]).toEqual(['2026-08-31', '2026-09-01', '2026-09-02', '2026-09-03', '2026-09-04', '2026-09-05', '2026-09-06']);
    expect(september[4]?.at(-1)).toBe('2026-10-04');
    // February 2027 starts on a Monday and fills four weeks exactly.
    expect(weeksOf({ year: 2027, month: 2 })).toHaveLength(4);
    // A month starting on Sunday needs six rows.
    expect(weeksOf({ year: 2026, month: 11 })).toHaveLength(6);
    expect(weeksOf({ year: 2026, month: 11 })[0]?.[6]).toBe('2026-11-01');
    expect(daysOf({ year: 2028, month: 2 })).toHaveLength(29);
  });

  it('moves across the turn of the year and reads months from the address', () => {
    expect(addMonths({ year: 2026, month: 12 }, 1)).toEqual({ year: 2027, month: 1 });
    expect(addMonths({ year: 2026, month: 1 }, -1)).toEqual({ year: 2025, month: 12 });
    expect(monthKey({ year: 2026, month: 9 })).toBe('2026-09');
    expect(parseMonth('2026-09')).toEqual({ year: 2026, month: 9 });
    expect(parseMonth('2026-13')).toBeUndefined();
    expect(parseMonth(null)).toBeUndefined();
  });

  it('asks for a day more on each side than the month, for sites whose day starts apart from Beijing', () => {
    expect(monthWindow({ year: 2026, month: 12 })).toEqual({ from: '2026-11-30', to: '2027-01-02' });
  });

  it('places a visit on the day it starts at its site, not in the browser’s zone', () => {
    // The tests run in Los Angeles, where 09:30 in Beijing on 1 October is still 30 September.
    expect(dayOf({ startsAt: '2026-10-01T09:30:00', timeZone: 'Asia/Shanghai' })).toBe('2026-10-01');
    expect(dayOf({ startsAt: '2026-09-30T20:00:00Z', timeZone: 'Asia/Shanghai' })).toBe('2026-10-01');
    expect(dayOf({ startsAt: '2026-10-01T02:00:00Z', timeZone: 'America/New_York' })).toBe('2026-09-30');

    const placed = placeInMonth(
      [
        { id: 'late', startsAt: '2026-10-01T14:00:00', timeZone: 'Asia/Shanghai' },
        { id: 'early', startsAt: '2026-10-01T09:30:00', timeZone: 'Asia/Shanghai' },
        { id: 'september', startsAt: '2026-09-30T23:00:00', timeZone: 'Asia/Shanghai' },
      ],
      { year: 2026, month: 10 },
    );
    expect([...placed.keys()]).toEqual(['2026-10-01']);
    expect(placed.get('2026-10-01')?.map((visit) => visit.id)).toEqual(['early', 'late']);
  });

  it('knows today where the coordinator works', () => {
    expect(today(new Date('2026-09-30T17:00:00Z'))).toBe('2026-10-01');
    expect(today(new Date('2026-09-30T17:00:00Z'), 'America/Los_Angeles')).toBe('2026-09-30');
  });
});

describe('the month calendar in words', () => {
  it('names the month, the days of the week from Monday and a whole date in each language', () => {
    expect(monthTitle({ year: 2026, month: 9 }, 'en')).toBe('September 2026');
    expect(monthTitle({ year: 2026, month: 9 }, 'zh-CN')).toBe('2026年9月');
    expect(weekdays('en').map((day) => day.short)).toEqual(['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun']);
    expect(weekdays('zh-CN')[0]).toEqual({ short: '周一', long: '星期一' });
    expect(weekdays('zh-CN')[6]?.long).toBe('星期日');
    expect(longDay('2026-09-26', 'en')).toBe('Saturday, September 26, 2026');
    expect(longDay('2026-09-26', 'zh-CN')).toBe('2026年9月26日星期六');
  });

  it('keeps a date on its day whatever zone the machine runs in', () => {
    const zone = process.env.TZ;
    try {
      for (const machine of ['Pacific/Kiritimati', 'Pacific/Pago_Pago', 'Asia/Shanghai']) {
        process.env.TZ = machine;
        expect(longDay('2026-01-01', 'en')).toBe('Thursday, January 1, 2026');
        expect(monthTitle({ year: 2026, month: 1 }, 'en')).toBe('January 2026');
      }
    } finally {
      process.env.TZ = zone;
    }
  });
});
