import type { Pledge, StaffingLine, Visit, VisitStatus } from '../../api/types';
import type { MessageKey } from '../../i18n/messages';
import { instantOfLocal, localDateTime, toInstant } from '../../i18n/time';
import { TEAM_ROLE } from '../../staffing/gaps';

export type ChangeKind = 'reschedule' | 'cancel';

/** event-service reschedules and cancels drafts and scheduled visits only (VisitPlanning). */
export function mayChange(status: VisitStatus | undefined): boolean {
  return status === 'DRAFT' || status === 'SCHEDULED';
}

export interface ToldLine {
  itemId: string;
  title: string;
  role: string;
  team: boolean;
  people: number;
}

/** Who the services tell of a change, as far as the staffing board and the donation manifest can say. */
export interface Audience {
  /** A draft was never published: its change is told to nobody. */
  published: boolean;
  people: number;
  lines: ToldLine[];
  /** Donors whose undelivered pledges are put on hold (their liaisons are told). */
  donors: string[];
}

function count(value: number | undefined): number {
  return value === undefined || !Number.isFinite(value) || value < 0 ? 0 : Math.floor(value);
}

/** Pledges that a cancellation puts on hold (donation-service's PledgeHolds): not delivered, cancelled or held. */
export function heldByCancellation(pledge: Pledge): boolean {
  return !['DELIVERED', 'CANCELLED', 'ON_HOLD'].includes(pledge.status ?? '');
}

/**
 * A reschedule tells everyone with a confirmed place the new time (notification-service's PLACE_MOVED, with the
 * reason); open offers and the waiting list hear nothing. A cancellation ends every offer, place and place in line,
 * each told with the reason (ASSIGNMENT_ENDED), and holds undelivered pledges, their liaisons told (DONATION_HELD).
 * A team's slot is told to its lead.
 */
export function audienceOf(
  kind: ChangeKind,
  status: VisitStatus | undefined,
  lines: readonly StaffingLine[],
  pledges: readonly Pledge[] = [],
): Audience {
  if (status !== 'SCHEDULED') {
    return { published: false, people: 0, lines: [], donors: [] };
  }
  const told = lines
    .map((line) => ({
      itemId: line.itemId ?? '',
      title: line.title ?? '',
      role: line.role ?? '',
      team: line.role === TEAM_ROLE,
      people:
        kind === 'reschedule'
          ? count(line.confirmed)
          : count(line.confirmed) + count(line.offered) + count(line.waitlisted),
    }))
    .filter((line) => line.people > 0);
  const donors =
    kind === 'cancel'
      ? [...new Set(pledges.filter(heldByCancellation).map((pledge) => pledge.donorName ?? pledge.donorId ?? ''))]
      : [];
  return { published: true, people: told.reduce((sum, line) => sum + line.people, 0), lines: told, donors };
}

export interface RescheduleInput {
  startDate: string;
  startTime: string;
  endDate: string;
  endTime: string;
  reason: string;
}

export interface InputProblem {
  field: 'startsAt' | 'endsAt' | 'reason';
  message: MessageKey;
}

const DATE = /^\d{4}-\d\d-\d\d$/;
const TIME = /^\d\d:\d\d$/;

/** The local date-time the service reads ("2026-09-27T09:30:00"), or undefined when the inputs do not make one. */
export function localOf(date: string, time: string): string | undefined {
  return DATE.test(date) && TIME.test(time) ? `${date}T${time}:00` : undefined;
}

/** A visit's start and end as typed: both given, the end after the start, at most 7 days apart (VisitRequests). */
export function spanProblems(startDate: string, startTime: string, endDate: string, endTime: string): InputProblem[] {
  const problems: InputProblem[] = [];
  const start = localOf(startDate, startTime);
  const end = localOf(endDate, endTime);
  if (start === undefined) {
    problems.push({ field: 'startsAt', message: 'change.timeRequired' });
  }
  if (end === undefined) {
    problems.push({ field: 'endsAt', message: 'change.timeRequired' });
  } else if (start !== undefined) {
    const span = Date.parse(`${end}Z`) - Date.parse(`${start}Z`);
    if (span <= 0) {
      problems.push({ field: 'endsAt', message: 'change.endAfterStart' });
    } else if (span > 7 * 24 * 3600_000) {
      problems.push({ field: 'endsAt', message: 'change.tooLong' });
    }
  }
  return problems;
}

/** What to fix before sending, by the field the service would name (the same rules as VisitRequests.Reschedule). */
export function rescheduleProblems(input: RescheduleInput): InputProblem[] {
  return [
    ...spanProblems(input.startDate, input.startTime, input.endDate, input.endTime),
    ...reasonProblems(input.reason),
  ];
}

export function reasonProblems(reason: string): InputProblem[] {
  return reason.trim() === '' ? [{ field: 'reason', message: 'change.reasonRequired' }] : [];
}

/** The request body of POST /api/visits/{id}/reschedule: local times at the site, and the reason. */
export function rescheduleRequest(input: RescheduleInput): { startsAt: string; endsAt: string; reason: string } {
  return {
    startsAt: localOf(input.startDate, input.startTime) ?? '',
    endsAt: localOf(input.endDate, input.endTime) ?? '',
    reason: input.reason.trim(),
  };
}

export interface MovedItem {
  id: string;
  title: string;
  from: string;
  to: string;
}

/** The programme's new times: every item keeps its place relative to the visit's start (VisitPlanning.moveTo). */
export function movedProgramme(visit: Visit, newStart: string, zone: string): MovedItem[] {
  if (visit.startsAt === undefined) {
    return [];
  }
  const shift = instantOfLocal(newStart, zone).getTime() - toInstant(visit.startsAt, zone).getTime();
  return [...(visit.programme ?? [])]
    .filter((item) => item.startsAt !== undefined)
    .sort((a, b) => (a.position ?? 0) - (b.position ?? 0))
    .map((item) => {
      const from = item.startsAt ?? '';
      return {
        id: item.id ?? '',
        title: item.title ?? '',
        from,
        to: localDateTime(new Date(toInstant(from, zone).getTime() + shift), zone),
      };
    });
}

/** The version the visit was read at, as the If-Match event-service checks (EntityVersions.etag). */
export function ifMatch(visit: Visit): { 'If-Match'?: string } {
  return visit.version === undefined ? {} : { 'If-Match': `"${visit.version}"` };
}

/** The same, for the writes that require it (edits of a draft and of its items): 412, never an overwrite, if unknown. */
export function requiredIfMatch(visit: Visit): { 'If-Match': string } {
  return { 'If-Match': `"${visit.version ?? 0}"` };
}
