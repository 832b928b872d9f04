import { describe, expect, it } from 'vitest';
import { visit } from '../../test/fixtures';
import { detailsProblems, draftRequest, emptyDetails, emptyItem, itemProblems, itemRequest, mayPublish, needRow } from './visitPlan';

const dandelionDraft = {
  ...emptyDetails(),
  caravanId: 'c-1',
  siteId: 's-1',
  theme: '共谱祖国颂，工筑少年梦',
  startDate: '2026-09-26',
  startTime: '09:30',
  endTime: '11:30',
  expectedAudience: '400',
};

describe('planning a visit', () => {
  it('drafts a visit on the site clock, its end on the same day when no end date is given', () => {
    expect(detailsProblems(dandelionDraft)).toEqual([]);
    expect(draftRequest(dandelionDraft, 'c-1')).toEqual({
      caravanId: 'c-1',
      siteId: 's-1',
      theme: '共谱祖国颂，工筑少年梦',
      startsAt: '2026-09-26T09:30:00',
      endsAt: '2026-09-26T11:30:00',
      expectedAudience: 400,
    });
  });

  it('leaves out an audience not given, as the service allows', () => {
    expect(draftRequest({ ...dandelionDraft, expectedAudience: ' ' }, 'c-1')).not.toHaveProperty('expectedAudience');
  });

  it('names what is missing or wrong by the field the service would name', () => {
    const fields = detailsProblems({ ...emptyDetails(), endTime: '08:00', startDate: '2026-09-26', expectedAudience: 'many' }).map(
      (problem) => problem.field,
    );
    expect(fields).toEqual(['caravanId', 'siteId', 'theme', 'endsAt', 'expectedAudience']);
    expect(detailsProblems({ ...dandelionDraft, caravanId: '', newCaravan: '京津冀职工志愿大篷车' })).toEqual([]);
    expect(detailsProblems({ ...dandelionDraft, endDate: '2026-10-04' }).map((problem) => problem.field)).toEqual(['endsAt']);
  });

  it('starts a new item where the programme ends, and sends its roles with their skills', () => {
    const talk = { id: 'i-talk', position: 4, title: 'Model-worker talk', startsAt: '2026-09-26T10:30:00', endsAt: '2026-09-26T10:50:00' };
    const item = emptyItem({ ...visit, programme: [talk] });
    expect([item.date, item.time]).toEqual(['2026-09-26', '10:50']);

    const recitation = {
      ...item,
      title: ' Recitation 《读中国》 ',
      needs: [{ ...needRow(), role: 'reciter', skills: 'recitation，朗诵、 ', headcount: '2' }],
    };
    expect(itemProblems(recitation)).toEqual([]);
    expect(itemRequest(recitation)).toEqual({
      title: 'Recitation 《读中国》',
      kind: 'PERFORMANCE',
      startsAt: '2026-09-26T10:50:00',
      durationMinutes: 30,
      teamSlots: 0,
      needs: [{ role: 'reciter', skills: ['recitation', '朗诵'], headcount: 2 }],
    });
  });

  it('refuses an item without a title, a length out of range or a role without people', () => {
    const item = { ...emptyItem(visit), durationMinutes: '0', needs: [{ ...needRow(), role: '', headcount: '0' }] };
    expect(itemProblems(item).map((problem) => problem.field)).toEqual([
      'title',
      'durationMinutes',
      'needs[0].role',
      'needs[0].headcount',
    ]);
  });

  it('schedules only a draft with a programme', () => {
    expect(mayPublish({ ...visit, status: 'DRAFT' })).toBe(true);
    expect(mayPublish({ ...visit, status: 'DRAFT', programme: [] })).toBe(false);
    expect(mayPublish(visit)).toBe(false);
  });
});
