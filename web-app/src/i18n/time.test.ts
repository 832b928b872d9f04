// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatRange, formatTime, instantOfLocal, toInstant, zoneName, zoneOffset } from './time';

const BEIJING = 'Asia/Shanghai';

/** ICU puts narrow and thin no-break spaces around times and dashes: compare them as plain spaces. */
const plain = (text: string) => text.replace(/[\u00a0\u2009\u202f]/g, ' ');

describe('times in the site’s zone', () => {
  it('are not the machine’s: the tests run in Los Angeles', () => {
    expect(new Intl.DateTimeFormat().resolvedOptions().timeZone).toBe('America/Los_Angeles');
  });

  it('read a wall-clock time of the site as that instant', () => {
    expect(instantOfLocal('2026-09-26T10:00:00', BEIJING).toISOString()).toBe('2026-09-26T02:00:00.000Z');
    expect(instantOfLocal('2026-09-26T10:00', BEIJING).toISOString()).toBe('2026-09-26T02:00:00.000Z');
    expect(toInstant('2026-09-26T10:00:00', BEIJING).toISOString()).toBe('2026-09-26T02:00:00.000Z');
  });

  it('take an instant as it is', () => {
    expect(toInstant('2026-09-26T02:00:00Z', 'Europe/Paris').toISOString()).toBe('2026-09-26T02:00:00.000Z');
    expect(toInstant('2026-09-26T10:00:00+08:00', 'UTC').toISOString()).toBe('2026-09-26T02:00:00.000Z');
  });

  it('know the zone’s offset, with daylight saving', () => {
    expect(zoneOffset(Date.UTC(2026, 8, 26, 2), BEIJING)).toBe(8 * 3600_000);
    expect(zoneOffset(Date.UTC(2026, 6, 1, 12), 'America/New_York')).toBe(-4 * 3600_000);
    expect(zoneOffset(Date.UTC(2026, 0, 1, 12), 'America/New_York')).toBe(-5 * 3600_000);
  });

  it('settle clock changes: the first of two readings, past a gap', () => {
    // 2026-11-01 01:30 happens twice in New York (EDT, then EST); 2026-03-08 02:30 never happens.
    expect(instantOfLocal('2026-11-01T01:30:00', 'America/New_York').toISOString()).toBe('2026-11-01T05:30:00.000Z');
    expect(instantOfLocal('2026-03-08T02:30:00', 'America/New_York').toISOString()).toBe('2026-03-08T07:30:00.000Z');
  });

  it('are shown in the site’s zone, in each language', () => {
    expect(plain(formatDateTime('2026-09-26T02:00:00Z', BEIJING, 'en'))).toBe('Sat, Sep 26, 2026, 10:00 AM GMT+8');
    expect(plain(formatDateTime('2026-09-26T10:00:00', BEIJING, 'en'))).toBe('Sat, Sep 26, 2026, 10:00 AM GMT+8');
    expect(plain(formatDateTime('2026-09-26T02:00:00Z', BEIJING, 'zh-CN'))).toBe('2026年9月26日周六 GMT+8 10:00');
    expect(formatTime('2026-09-26T02:00:00Z', BEIJING, 'zh-CN')).toBe('10:00');
    expect(zoneName('2026-09-26T10:00:00', BEIJING, 'en')).toBe('GMT+8');
  });

  it('show a visit’s span with its date once', () => {
    expect(plain(formatRange('2026-09-26T10:00:00', '2026-09-26T12:00:00', BEIJING, 'en'))).toBe(
      'Sat, Sep 26, 2026, 10:00 AM – 12:00 PM GMT+8',
    );
    const zh = plain(formatRange('2026-09-26T10:00:00', '2026-09-26T12:00:00', BEIJING, 'zh-CN'));
    expect(zh).toMatch(/^2026\D+9\D+26\D.*GMT\+8 10:00 ?– ?12:00$/);
    expect(zh.match(/(?<!\d)26(?!\d)/g)).toHaveLength(1);
  });

  it('show the calendar day at the site, which may not be the UTC one', () => {
    expect(formatDate('2026-09-26T17:00:00Z', BEIJING, 'en')).toBe('Sep 27, 2026');
    expect(formatDate('2026-09-26T17:00:00Z', BEIJING, 'zh-CN')).toBe('2026年9月27日');
  });

  it('refuse what is not a time', () => {
    expect(() => toInstant('next Saturday', BEIJING)).toThrow(RangeError);
  });
});
