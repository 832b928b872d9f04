import { describe, expect, it } from 'vitest';
import { manifest, staffedLines, visit } from '../../test/fixtures';
import { audienceOf, ifMatch, mayChange, movedProgramme, rescheduleProblems, rescheduleRequest } from './visitChange';

const input = { startDate: '2026-09-27', startTime: '09:30', endDate: '2026-09-27', endTime: '11:30', reason: ' Rain ' };

describe('who is told of a change', () => {
  it('a reschedule: those with a confirmed place', () => {
    expect(audienceOf('reschedule', 'SCHEDULED', staffedLines, manifest.pledges)).toEqual({
      published: true,
      people: 1,
      lines: [{ itemId: staffedLines[1]?.itemId, title: 'Model-worker talk', role: 'speaker', team: false, people: 1 }],
      donors: [],
    });
  });

  it('a cancellation: every place, offer and place in line, and the donors of pledges not yet delivered', () => {
    const audience = audienceOf('cancel', 'SCHEDULED', staffedLines, manifest.pledges);
    expect(audience.people).toBe(3);
    expect(audience.lines.map((line) => [line.title, line.team, line.people])).toEqual([
      ['Recitation 《读中国》', true, 1],
      ['Model-worker talk', false, 2],
    ]);
    // The care packages are delivered already: they are not held.
    expect(audience.donors).toEqual(['华章同人 reading service team']);
  });

  it('nobody for a draft, which was never published', () => {
    expect(audienceOf('cancel', 'DRAFT', staffedLines, manifest.pledges)).toEqual({ published: false, people: 0, lines: [], donors: [] });
  });

  it('only drafts and scheduled visits can change', () => {
    expect(['DRAFT', 'SCHEDULED', 'IN_PROGRESS', 'COMPLETED', 'CANCELLED', undefined].map((status) => mayChange(status as never))).toEqual([
      true, true, false, false, false, false,
    ]);
  });
});

describe('a new time', () => {
  it('is sent as the site’s local times with the reason trimmed', () => {
    expect(rescheduleRequest(input)).toEqual({ startsAt: '2026-09-27T09:30:00', endsAt: '2026-09-27T11:30:00', reason: 'Rain' });
  });

  it('must have both ends, end after it starts, within a week, and a reason', () => {
    expect(rescheduleProblems(input)).toEqual([]);
    expect(rescheduleProblems({ ...input, startTime: '', reason: '  ' })).toEqual([
      { field: 'startsAt', message: 'change.timeRequired' },
      { field: 'reason', message: 'change.reasonRequired' },
    ]);
    expect(rescheduleProblems({ ...input, endTime: '09:30' })).toEqual([{ field: 'endsAt', message: 'change.endAfterStart' }]);
    expect(rescheduleProblems({ ...input, endDate: '2026-10-05' })).toEqual([{ field: 'endsAt', message: 'change.tooLong' }]);
  });

  it('moves every programme item by the same shift', () => {
    expect(movedProgramme(visit, '2026-09-27T10:00:00', 'Asia/Shanghai').map((item) => [item.title, item.from, item.to])).toEqual([
      ['Recitation 《读中国》', '2026-09-26T09:30:00', '2026-09-27T10:00:00'],
      ['Model-worker talk', '2026-09-26T10:30:00', '2026-09-27T11:00:00'],
    ]);
  });

  it('is sent for the version that was read', () => {
    expect(ifMatch(visit)).toEqual({ 'If-Match': '"3"' });
    expect(ifMatch({ ...visit, version: undefined })).toEqual({});
  });
});
