import { DEFAULT_TIME_ZONE, localDateTime, toInstant } from '../../i18n/time';

/**
 * The coordinator's month calendar, as plain dates ("2026-09-26") computed in UTC arithmetic, so that nothing leans
 * on the browser's zone: a visit is placed on the day it starts at its site, whatever zone the browser is in.
 */

export interface Month {
  year: number;
  /** 1 to 12. */
  month: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;

function iso(utc: number): string {
  return new Date(utc).toISOString().slice(0, 10);
}

/** "2026-09" → September 2026; anything else is undefined. */
export function parseMonth(text: string | null | undefined): Month | undefined {
  const match = /^(\d{4})-(\d\d)$/.exec(text ?? '');
  if (match === null) return undefined;
  const month = Number(match[2]);
  return month >= 1 && month <= 12 ? { year: Number(match[1]), month } : undefined;
}

export function monthKey({ year, month }: Month): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;
}

export function addMonths({ year, month }: Month, count: number): Month {
  const index = year * 12 + (month - 1) + count;
  return { year: Math.floor(index / 12), month: (index % 12) + 1 };
}

/** The month a date ("2026-09-26") falls in. */
export function monthOfDay(day: string): Month {
  return { year: Number(day.slice(0, 4)), month: Number(day.slice(5, 7)) };
}

/** Today's date where the coordinator works (Beijing unless told otherwise). */
export function today(now: Date, timeZone: string = DEFAULT_TIME_ZONE): string {
  return localDateTime(now, timeZone).slice(0, 10);
}

/** The month's weeks, Monday first, each of seven dates; the first and last weeks run into the next months. */
export function weeksOf({ year, month }: Month): string[][] {
  const first = Date.UTC(year, month - 1, 1);
  const last = Date.UTC(year, month, 0);
  // getUTCDay: Sunday 0 … Saturday 6; days back to Monday.
  const back = (new Date(first).getUTCDay() + 6) % 7;
  const weeks: string[][] = [];
  for (let start = first - back * DAY_MS; start <= last; start += 7 * DAY_MS) {
    weeks.push(Array.from({ length: 7 }, (_, index) => iso(start + index * DAY_MS)));
  }
  return weeks;
}

/** The days of the month itself, first to last. */
export function daysOf(month: Month): string[] {
  const key = monthKey(month);
  return weeksOf(month)
    .flat()
    .filter((day) => day.startsWith(key));
}

/**
 * What to ask event-service for: visits overlapping the month, widened by a day on each side, because its dates are
 * Beijing's and a site elsewhere starts its days up to a day apart. `placeInMonth` keeps those that start in it.
 */
export function monthWindow(month: Month): { from: string; to: string } {
  const first = Date.UTC(month.year, month.month - 1, 1);
  const next = Date.UTC(month.year, month.month, 1);
  return { from: iso(first - DAY_MS), to: iso(next + DAY_MS) };
}

interface Dated {
  startsAt?: string;
  timeZone?: string;
}

/** The date a visit starts on at its site: the site's wall clock, or an instant turned into it. */
export function dayOf(visit: Dated): string | undefined {
  if (visit.startsAt === undefined) return undefined;
  const zone = visit.timeZone ?? DEFAULT_TIME_ZONE;
  return localDateTime(toInstant(visit.startsAt, zone), zone).slice(0, 10);
}

/** The visits starting in the month, by their day at the site, each day's soonest first. */
export function placeInMonth<T extends Dated>(visits: readonly T[], month: Month): Map<string, T[]> {
  const key = monthKey(month);
  const days = new Map<string, T[]>();
  const at = (visit: T) => toInstant(visit.startsAt ?? '', visit.timeZone ?? DEFAULT_TIME_ZONE).getTime();
  for (const visit of visits) {
    const day = dayOf(visit);
    if (day === undefined || !day.startsWith(key)) continue;
    days.set(day, [...(days.get(day) ?? []), visit]);
  }
  for (const list of days.values()) list.sort((a, b) => at(a) - at(b));
  return days;
}

// A plain date is formatted at UTC midnight in UTC, so the browser's zone never moves it to a neighbouring day.
function plainDate(day: string): Date {
  return new Date(`${day}T00:00:00Z`);
}

/** "September 2026", "2026年9月". */
export function monthTitle({ year, month }: Month, language: string): string {
  return new Intl.DateTimeFormat(language, { year: 'numeric', month: 'long', timeZone: 'UTC' }).format(
    new Date(Date.UTC(year, month - 1, 1)),
  );
}

/** "Saturday, September 26, 2026", "2026年9月26日星期六". */
export function longDay(day: string, language: string): string {
  return new Intl.DateTimeFormat(language, { dateStyle: 'full', timeZone: 'UTC' }).format(plainDate(day));
}

/** The days of the week from Monday, short ("Mon", "周一") and in full ("Monday", "星期一"). */
export function weekdays(language: string): { short: string; long: string }[] {
  const short = new Intl.DateTimeFormat(language, { weekday: 'short', timeZone: 'UTC' });
  const long = new Intl.DateTimeFormat(language, { weekday: 'long', timeZone: 'UTC' });
  // 2024-01-01 was a Monday.
  return Array.from({ length: 7 }, (_, index) => {
    const day = new Date(Date.UTC(2024, 0, 1 + index));
    return { short: short.format(day), long: long.format(day) };
  });
}
