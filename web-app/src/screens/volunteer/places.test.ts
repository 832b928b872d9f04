// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { ApiProblem } from '../../api/problem';
import { bookHandOver, confirmedTalk, talkPlace } from '../../test/fixtures';
import { awaitsReconfirmation, clashOf, isCurrent, mapLink, mayWithdraw, placementWith } from './places';

describe('a volunteer’s places', () => {
  it('take an answer’s assignment whole, keeping only what the placement says of the visit', () => {
    const moved = { ...confirmedTalk, reconfirmationRequestedAt: '2026-09-21T01:00:00Z' };
    const after = placementWith(moved, { ...talkPlace, status: 'CONFIRMED' });
    expect(after.reconfirmationRequestedAt).toBeUndefined();
    expect(after).toMatchObject({ status: 'CONFIRMED', itemTitle: 'Model-worker talk', site: '蒲公英中学 Dandelion School', timeZone: 'Asia/Shanghai' });
    expect(awaitsReconfirmation(moved)).toBe(true);
    expect(awaitsReconfirmation(after)).toBe(false);
  });

  it('may be withdrawn from while confirmed or waitlisted, until the item starts', () => {
    const before = new Date('2026-09-26T02:29:00Z');
    const started = new Date('2026-09-26T02:30:00Z');
    expect(mayWithdraw(confirmedTalk, before)).toBe(true);
    expect(mayWithdraw({ ...confirmedTalk, status: 'WAITLISTED' }, before)).toBe(true);
    expect(mayWithdraw(confirmedTalk, started)).toBe(false);
    expect(mayWithdraw({ ...confirmedTalk, status: 'OFFERED' }, before)).toBe(false);
    expect(mayWithdraw({ ...confirmedTalk, status: 'CHECKED_IN' }, before)).toBe(false);
  });

  it('are current until the item ends, unless they ended otherwise', () => {
    expect(isCurrent(bookHandOver, new Date('2026-09-27T02:59:00Z'))).toBe(true);
    expect(isCurrent(bookHandOver, new Date('2026-09-27T03:00:00Z'))).toBe(false);
    expect(isCurrent({ ...bookHandOver, status: 'DECLINED' }, new Date('2026-09-20T00:00:00Z'))).toBe(false);
  });
});

describe('a clash', () => {
  it('is read from a double booking’s conflict member', () => {
    const problem = new ApiProblem(409, {
      type: 'https://caravan.example/problems/double-booking',
      extensions: { conflict: { assignmentId: 'assignment-2', itemTitle: 'Book hand-over', site: 'Xihongmen', startsAt: '2026-09-27T02:00:00Z', endsAt: '2026-09-27T03:00:00Z', travelMinutes: 0 } },
    });
    expect(clashOf(problem)).toEqual({
      assignmentId: 'assignment-2',
      itemTitle: 'Book hand-over',
      site: 'Xihongmen',
      startsAt: '2026-09-27T02:00:00Z',
      endsAt: '2026-09-27T03:00:00Z',
      travelMinutes: 0,
    });
  });

  it('is nothing for another problem, or one without the member', () => {
    expect(clashOf(new ApiProblem(409, { type: 'https://caravan.example/problems/offer-expired' }))).toBeUndefined();
    expect(clashOf(new ApiProblem(409, { type: 'https://caravan.example/problems/double-booking' }))).toBeUndefined();
    expect(clashOf(null)).toBeUndefined();
  });
});

describe('a map link', () => {
  it('points at the coordinates, else searches the address, else there is none', () => {
    expect(mapLink({ address: 'x', location: { lat: 39.78, lon: 116.33 } })).toBe(
      'https://www.openstreetmap.org/?mlat=39.78&mlon=116.33#map=17/39.78/116.33',
    );
    expect(mapLink({ address: '北京市大兴区 西红门' })).toBe(
      'https://www.openstreetmap.org/search?query=%E5%8C%97%E4%BA%AC%E5%B8%82%E5%A4%A7%E5%85%B4%E5%8C%BA%20%E8%A5%BF%E7%BA%A2%E9%97%A8',
    );
    expect(mapLink({ name: 'No address' })).toBeUndefined();
    expect(mapLink({ address: '  ' })).toBeUndefined();
    expect(mapLink(undefined)).toBeUndefined();
  });
});
