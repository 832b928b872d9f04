import { describe, expect, it } from 'vitest';
import { hoursStatement, talkPlace, visit } from '../../test/fixtures';
import { actionsFor, aroundVisitDay, checkInOrder, hoursOf, isCertified, itemEnd } from './attendance';

const talk = { ...visit.programme?.[1], durationMinutes: 40 };
const end = new Date('2026-09-26T03:10:00Z');
const during = new Date('2026-09-26T02:45:00Z');
const after = new Date('2026-09-26T03:30:00Z');

describe('the visit day', () => {
  it('knows when an item ends, from its end or its start and length, at the site', () => {
    expect(itemEnd(talk, 'Asia/Shanghai')).toEqual(end);
    expect(itemEnd({ ...talk, endsAt: '2026-09-26T11:00:00' }, 'Asia/Shanghai')).toEqual(new Date('2026-09-26T03:00:00Z'));
    expect(itemEnd({ title: 'No time' }, 'Asia/Shanghai')).toBeUndefined();
  });

  it('lists people with a place, those still to come first', () => {
    const list = checkInOrder([
      { ...talkPlace, id: 'out', status: 'CHECKED_OUT' },
      { ...talkPlace, id: 'declined', status: 'DECLINED' },
      { ...talkPlace, id: 'offered', status: 'OFFERED' },
      { ...talkPlace, id: 'missing', status: 'NO_SHOW' },
      { ...talkPlace, id: 'in', status: 'CHECKED_IN' },
      { ...talkPlace, id: 'coming', status: 'CONFIRMED' },
    ]);
    expect(list.map((assignment) => assignment.id)).toEqual(['coming', 'in', 'out', 'missing']);
  });

  it('offers check-in, a no-show only once the item is over, check-out, then certification', () => {
    expect(actionsFor(talkPlace, end, during, undefined)).toEqual(['checkIn']);
    expect(actionsFor(talkPlace, end, after, undefined)).toEqual(['checkIn', 'noShow']);
    expect(actionsFor({ ...talkPlace, status: 'CHECKED_IN' }, end, after, undefined)).toEqual(['checkOut']);
    const out = { ...talkPlace, status: 'CHECKED_OUT' as const };
    expect(actionsFor(out, end, after, { total: 0.75, certified: undefined })).toEqual(['certify']);
    expect(actionsFor(out, end, after, { total: 0.75, certified: 0.75 })).toEqual([]);
    // A correction after certification needs certifying again.
    expect(actionsFor(out, end, after, { total: 1, certified: 0.75 })).toEqual(['certify']);
    expect(actionsFor({ ...talkPlace, status: 'NO_SHOW' }, end, after, undefined)).toEqual([]);
  });

  it('adds an assignment’s hours as the ledger does: computed and corrections, the last certification', () => {
    expect(hoursOf(hoursStatement, 'assignment-1')).toEqual({ total: 0.75, certified: undefined });
    const later = {
      ...hoursStatement,
      entries: [
        ...(hoursStatement.entries ?? []),
        { assignmentId: 'assignment-1', kind: 'CERTIFIED', hours: 0.75 },
        { assignmentId: 'assignment-1', kind: 'CORRECTION', hours: 0.5 },
        { assignmentId: 'assignment-1', kind: 'CERTIFIED', hours: 1.25 },
        { assignmentId: 'other', kind: 'COMPUTED', hours: 3 },
      ],
    };
    expect(hoursOf(later, 'assignment-1')).toEqual({ total: 1.25, certified: 1.25 });
    expect(isCertified(hoursOf(later, 'assignment-1'))).toBe(true);
    expect(hoursOf(later, 'nobody')).toBeUndefined();
  });

  it('is on from the day before the visit to the day after it, by the site’s calendar', () => {
    // 09:30–11:30 on 26 September at Dandelion School, Beijing (UTC+8).
    expect(aroundVisitDay(visit, new Date('2026-09-24T15:59:00Z'))).toBe(false);
    expect(aroundVisitDay(visit, new Date('2026-09-24T16:00:00Z'))).toBe(true);
    expect(aroundVisitDay(visit, new Date('2026-09-26T02:00:00Z'))).toBe(true);
    expect(aroundVisitDay(visit, new Date('2026-09-27T15:59:00Z'))).toBe(true);
    // Still the 27th in UTC, already the 28th at the site.
    expect(aroundVisitDay(visit, new Date('2026-09-27T16:00:00Z'))).toBe(false);
  });

  it('is on only for a visit that takes place, or just took place', () => {
    const onTheDay = new Date('2026-09-26T02:00:00Z');
    expect(aroundVisitDay({ ...visit, status: 'IN_PROGRESS' }, onTheDay)).toBe(true);
    expect(aroundVisitDay({ ...visit, status: 'COMPLETED' }, new Date('2026-09-27T02:00:00Z'))).toBe(true);
    expect(aroundVisitDay({ ...visit, status: 'CANCELLED' }, onTheDay)).toBe(false);
    expect(aroundVisitDay({ ...visit, status: 'DRAFT' }, onTheDay)).toBe(false);
    expect(aroundVisitDay({ ...visit, status: undefined }, onTheDay)).toBe(false);
    expect(aroundVisitDay({ ...visit, endsAt: undefined }, onTheDay)).toBe(false);
  });
});
