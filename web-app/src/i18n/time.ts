/**
 * Times as the site sees them. The services send two kinds: instants ("2026-09-26T02:00:00Z") and, for a visit and
 * its programme, wall-clock times of the site without an offset ("2026-09-26T10:00:00") next to its time zone.
 * Both are shown in the site's zone, never the browser's.
 */

const OFFSET = /(Z|[+-]\d\d:?\d\d)$/i;
const LOCAL = /^(\d{4})-(\d\d)-(\d\d)(?:T(\d\d):(\d\d)(?::(\d\d)(?:\.(\d{1,9}))?)?)?$/;

const partsFormats = new Map<string, Intl.DateTimeFormat>();
const HALF_DAY = 12 * 60 * 60 * 1000;

/** How far the zone's wall clock is ahead of UTC at an instant, in milliseconds. */
export function zoneOffset(instant: number, timeZone: string): number {
  let format = partsFormats.get(timeZone);
  if (format === undefined) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    partsFormats.set(timeZone, format);
  }
  const fields: Record<string, number> = {};
  for (const part of format.formatToParts(new Date(instant))) {
    fields[part.type] = Number(part.value);
  }
  const wall = Date.UTC(
    fields.year ?? 1970,
    (fields.month ?? 1) - 1,
    fields.day ?? 1,
    fields.hour ?? 0,
    fields.minute ?? 0,
    fields.second ?? 0,
  );
  const whole = instant - (((instant % 1000) + 1000) % 1000);
  return wall - whole;
}

/** The instant at which the zone's clock shows this wall-clock time (the later reading in a gap, the first in an overlap). */
export function instantOfLocal(local: string, timeZone: string): Date {
  const match = LOCAL.exec(local);
  if (match === null) {
    throw new RangeError(`Not a local date-time: ${local}`);
  }
  const [, year, month, day, hour = '0', minute = '0', second = '0', fraction = '0'] = match;
  const wall = Date.UTC(
    Number(year),
    Number(month) - 1,
    Number(day),
    Number(hour),
    Number(minute),
    Number(second),
    Math.floor(Number(fraction.padEnd(3, '0').slice(0, 3))),
  );
  // The offsets half a day before and after bracket any change of the zone's clock around that time.
  const before = wall - zoneOffset(wall - HALF_DAY, timeZone);
  const after = wall - zoneOffset(wall + HALF_DAY, timeZone);
  const valid = [before, after].filter((candidate) => candidate + zoneOffset(candidate, timeZone) === wall);
  // In an overlap both are valid: the first reading. In a gap neither is: the offset before it, which lands past it.
  return new Date(valid.length === 0 ? before : Math.min(...valid));
}

/** An instant from either kind of value the services send. */
export function toInstant(value: string, timeZone: string): Date {
  if (OFFSET.test(value)) {
    const date = new Date(value);
    if (Number.isNaN(date.getTime())) {
      throw new RangeError(`Not a date-time: ${value}`);
    }
    return date;
  }
  return instantOfLocal(value, timeZone);
}

const DATE: Intl.DateTimeFormatOptions = { weekday: 'short', year: 'numeric', month: 'short', day: 'numeric' };
const TIME: Intl.DateTimeFormatOptions = { hour: '2-digit', minute: '2-digit' };

/** "Sat, Sep 26, 2026, 10:00 AM GMT+8" / "2026年9月26日周六 GMT+8 10:00". */
export function formatDateTime(value: string, timeZone: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { ...DATE, ...TIME, timeZone, timeZoneName: 'short' }).format(
    toInstant(value, timeZone),
  );
}

/** "Sep 26, 2026" / "2026年9月26日": the calendar day at the site. */
export function formatDate(value: string, timeZone: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'short', day: 'numeric', timeZone }).format(
    toInstant(value, timeZone),
  );
}

/** "10:00 AM" in the site's zone. */
export function formatTime(value: string, timeZone: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { ...TIME, timeZone }).format(toInstant(value, timeZone));
}

/** A visit's span: "Sat, Sep 26, 2026, 10:00 AM – 12:00 PM GMT+8", the date once when both ends share it. */
export function formatRange(start: string, end: string, timeZone: string, locale: string): string {
  const format = new Intl.DateTimeFormat(locale, { ...DATE, ...TIME, timeZone, timeZoneName: 'short' });
  return format.formatRange(toInstant(start, timeZone), toInstant(end, timeZone));
}

/** The zone's short name at that time ("GMT+8"), for a note saying which zone the times are in. */
export function zoneName(value: string, timeZone: string, locale: string): string {
  const part = new Intl.DateTimeFormat(locale, { timeZone, timeZoneName: 'short' })
    .formatToParts(toInstant(value, timeZone))
    .find((candidate) => candidate.type === 'timeZoneName');
  return part?.value ?? timeZone;
}

/** The zone the services fall back to (Beijing) when a record does not say. */
export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

/** The site's wall clock at an instant, as the services read a local time: "2026-09-26T10:00:00". */
export function localDateTime(instant: Date, timeZone: string): string {
  const fields: Record<string, string> = {};
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  });
  for (const part of format.formatToParts(instant)) {
    fields[part.type] = part.value;
  }
  const year = (fields.year ?? '1970').padStart(4, '0');
  return `${year}-${fields.month ?? '01'}-${fields.day ?? '01'}T${fields.hour ?? '00'}:${fields.minute ?? '00'}:${fields.second ?? '00'}`;
}

/** A value the services sent, as a date and a time for <input type="date"> and <input type="time"> at the site. */
export function localParts(value: string, timeZone: string): { date: string; time: string } {
  const local = localDateTime(toInstant(value, timeZone), timeZone);
  return { date: local.slice(0, 10), time: local.slice(11, 16) };
}
