import type { components as EventSchemas } from '../../api/generated/event-service';
import type { ProgrammeItem, Visit } from '../../api/types';
import type { MessageKey } from '../../i18n/messages';
import { DEFAULT_TIME_ZONE, localParts } from '../../i18n/time';
import { localOf, spanProblems } from './visitChange';

export type DraftRequest = EventSchemas['schemas']['Draft'];
export type ItemRequest = EventSchemas['schemas']['ProgrammeItemRequest'];
export type ItemKind = ItemRequest['kind'];
export const ITEM_KINDS: readonly ItemKind[] = ['PERFORMANCE', 'TALK', 'SERVICE', 'DONATION_HANDOVER', 'OTHER'];

/** What the coordinator types for the visit itself; times are the site's local clock. */
export interface DetailsInput {
  caravanId: string;
  /** A new caravan's name, used when no caravan is chosen. */
  newCaravan: string;
  siteId: string;
  theme: string;
  startDate: string;
  startTime: string;
  endDate: string;
  endTime: string;
  expectedAudience: string;
}

export interface NeedInput {
  key: number;
  role: string;
  skills: string;
  headcount: string;
}

export interface ItemInput {
  title: string;
  kind: ItemKind;
  date: string;
  time: string;
  durationMinutes: string;
  teamSlots: string;
  needs: NeedInput[];
}

/** A problem found before sending, by the field the service would name. */
export interface PlanProblem {
  field: string;
  message: MessageKey;
}

let nextKey = 0;
export function needRow(): NeedInput {
  nextKey += 1;
  return { key: nextKey, role: '', skills: '', headcount: '1' };
}

export function emptyDetails(): DetailsInput {
  return {
    caravanId: '',
    newCaravan: '',
    siteId: '',
    theme: '',
    startDate: '',
    startTime: '09:30',
    endDate: '',
    endTime: '11:30',
    expectedAudience: '',
  };
}

/** The visit's details as its form shows them, in the site's time zone. */
export function detailsOf(visit: Visit): DetailsInput {
  const zone = visit.timeZone ?? DEFAULT_TIME_ZONE;
  const none = { date: '', time: '' };
  const start = visit.startsAt === undefined ? none : localParts(visit.startsAt, zone);
  const end = visit.endsAt === undefined ? none : localParts(visit.endsAt, zone);
  return {
    caravanId: visit.caravan?.id ?? '',
    newCaravan: '',
    siteId: visit.site?.id ?? '',
    theme: visit.theme ?? '',
    startDate: start.date,
    startTime: start.time,
    endDate: end.date,
    endTime: end.time,
    expectedAudience: visit.expectedAudience === undefined ? '' : String(visit.expectedAudience),
  };
}

function wholeNumber(text: string): number | undefined {
  return /^\d+$/.test(text.trim()) ? Number(text.trim()) : undefined;
}

/** The same rules as event-service's VisitRequests.Draft, said before sending. */
export function detailsProblems(input: DetailsInput): PlanProblem[] {
  const problems: PlanProblem[] = [];
  if (input.caravanId === '' && input.newCaravan.trim() === '') {
    problems.push({ field: 'caravanId', message: 'plan.caravanRequired' });
  }
  if (input.siteId === '') {
    problems.push({ field: 'siteId', message: 'plan.siteRequired' });
  }
  if (input.theme.trim() === '') {
    problems.push({ field: 'theme', message: 'plan.themeRequired' });
  }
  problems.push(...spanProblems(input.startDate, input.startTime, input.endDate === '' ? input.startDate : input.endDate, input.endTime));
  const audience = input.expectedAudience.trim();
  if (audience !== '' && (wholeNumber(audience) === undefined || (wholeNumber(audience) ?? 0) > 100_000)) {
    problems.push({ field: 'expectedAudience', message: 'plan.audienceNumber' });
  }
  return problems;
}

/** The body of POST /api/visits and PUT /api/visits/{id}; an end date left empty is the start's. */
export function draftRequest(input: DetailsInput, caravanId: string): DraftRequest {
  const audience = wholeNumber(input.expectedAudience);
  return {
    caravanId,
    siteId: input.siteId,
    theme: input.theme.trim(),
    startsAt: localOf(input.startDate, input.startTime) ?? '',
    endsAt: localOf(input.endDate === '' ? input.startDate : input.endDate, input.endTime) ?? '',
    ...(audience === undefined ? {} : { expectedAudience: audience }),
  };
}

/** A new item starts when the visit starts, unless the programme already runs later: then when the last one ends. */
export function emptyItem(visit: Visit): ItemInput {
  const zone = visit.timeZone ?? DEFAULT_TIME_ZONE;
  const last = [...(visit.programme ?? [])].sort((a, b) => (a.position ?? 0) - (b.position ?? 0)).at(-1);
  const from = last?.endsAt ?? visit.startsAt;
  const start = from === undefined ? { date: '', time: '' } : localParts(from, zone);
  return { title: '', kind: 'PERFORMANCE', date: start.date, time: start.time, durationMinutes: '30', teamSlots: '0', needs: [] };
}

export function itemInputOf(item: ProgrammeItem, zone: string): ItemInput {
  const start = item.startsAt === undefined ? { date: '', time: '' } : localParts(item.startsAt, zone);
  return {
    title: item.title ?? '',
    kind: ITEM_KINDS.find((kind) => kind === item.kind) ?? 'OTHER',
    date: start.date,
    time: start.time,
    durationMinutes: String(item.durationMinutes ?? ''),
    teamSlots: String(item.teamSlots ?? 0),
    needs: (item.needs ?? []).map((need) => ({
      ...needRow(),
      role: need.role ?? '',
      skills: (need.skills ?? []).join(', '),
      headcount: String(need.headcount ?? 1),
    })),
  };
}

/** "Recitation, 朗诵、singing" as three skills. */
export function skillsOf(typed: string): string[] {
  return typed
    .split(/[,，、;；]/)
    .map((skill) => skill.trim())
    .filter((skill) => skill !== '');
}

/** The same rules as ProgrammeItemRequest, by the field the service names (`needs[1].headcount`). */
export function itemProblems(input: ItemInput): PlanProblem[] {
  const problems: PlanProblem[] = [];
  if (input.title.trim() === '') {
    problems.push({ field: 'title', message: 'plan.titleRequired' });
  }
  if (localOf(input.date, input.time) === undefined) {
    problems.push({ field: 'startsAt', message: 'change.timeRequired' });
  }
  const minutes = wholeNumber(input.durationMinutes);
  if (minutes === undefined || minutes < 1 || minutes > 720) {
    problems.push({ field: 'durationMinutes', message: 'plan.durationRange' });
  }
  const slots = wholeNumber(input.teamSlots === '' ? '0' : input.teamSlots);
  if (slots === undefined || slots > 50) {
    problems.push({ field: 'teamSlots', message: 'plan.teamSlotsRange' });
  }
  input.needs.forEach((need, index) => {
    if (need.role.trim() === '') {
      problems.push({ field: `needs[${index}].role`, message: 'plan.roleRequired' });
    }
    const headcount = wholeNumber(need.headcount);
    if (headcount === undefined || headcount < 1 || headcount > 500) {
      problems.push({ field: `needs[${index}].headcount`, message: 'plan.headcountRange' });
    }
  });
  return problems;
}

/** The body of POST and PUT /api/visits/{visitId}/programme-items: the start on the site's clock. */
export function itemRequest(input: ItemInput): ItemRequest {
  return {
    title: input.title.trim(),
    kind: input.kind,
    startsAt: localOf(input.date, input.time) ?? '',
    durationMinutes: wholeNumber(input.durationMinutes) ?? 0,
    teamSlots: wholeNumber(input.teamSlots === '' ? '0' : input.teamSlots) ?? 0,
    needs: input.needs.map((need) => ({
      role: need.role.trim(),
      skills: skillsOf(need.skills),
      headcount: wholeNumber(need.headcount) ?? 0,
    })),
  };
}

/** A draft may be scheduled once it has a programme: volunteers are offered places in its items. */
export function mayPublish(visit: Visit): boolean {
  return visit.status === 'DRAFT' && (visit.programme ?? []).length > 0;
}
