import type { Assignment, AssignmentStatus, HoursStatement, ProgrammeItem, VisitStatus } from '../../api/types';
import { DEFAULT_TIME_ZONE, localDateTime, toInstant } from '../../i18n/time';

export type DayAction = 'checkIn' | 'checkOut' | 'noShow' | 'certify';

/** Who belongs on the visit day's list: people with a place, and what became of them on the day. */
const ON_THE_DAY: readonly AssignmentStatus[] = ['CONFIRMED', 'CHECKED_IN', 'CHECKED_OUT', 'NO_SHOW'];

export function onTheList(assignment: Assignment): boolean {
  return assignment.status !== undefined && ON_THE_DAY.includes(assignment.status);
}

/** The list in the order to work through it: still to come first, then on site, then gone, then missing. */
export function checkInOrder<T extends Assignment>(assignments: readonly T[]): T[] {
  const rank = (assignment: Assignment) => ON_THE_DAY.indexOf(assignment.status ?? 'CONFIRMED');
  return assignments.filter(onTheList).sort((a, b) => rank(a) - rank(b));
}

/** A visit as far as its day goes: when it is, where (the site's zone) and whether it takes place. */
export interface VisitTimes {
  startsAt?: string;
  endsAt?: string;
  timeZone?: string;
  status?: VisitStatus;
}

/** Visits whose day is worked: about to happen, under way, or just over with hours still to record. */
const WORKED: readonly VisitStatus[] = ['SCHEDULED', 'IN_PROGRESS', 'COMPLETED'];

/** The calendar day before or after a site's "2026-09-26". */
function dayAfter(date: string, days: number): string {
  const [year = 1970, month = 1, day = 1] = date.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
}

/**
 * Whether the visit day is on or around today at the site: from the day before the visit (to see who is coming) to
 * the day after it ends (late check-outs, hours to certify), for a visit that takes place.
 */
export function aroundVisitDay(visit: VisitTimes, now: Date): boolean {
  if (visit.startsAt === undefined || visit.endsAt === undefined || !WORKED.includes(visit.status ?? 'DRAFT')) {
    return false;
  }
  const zone = visit.timeZone ?? DEFAULT_TIME_ZONE;
  const date = (value: string) => localDateTime(toInstant(value, zone), zone).slice(0, 10);
  const today = localDateTime(now, zone).slice(0, 10);
  return dayAfter(date(visit.startsAt), -1) <= today && today <= dayAfter(date(visit.endsAt), 1);
}

/** When an item ends: its own end, else its start and duration. */
export function itemEnd(item: ProgrammeItem, zone: string): Date | undefined {
  if (item.endsAt !== undefined) {
    return toInstant(item.endsAt, zone);
  }
  if (item.startsAt !== undefined && item.durationMinutes !== undefined) {
    return new Date(toInstant(item.startsAt, zone).getTime() + item.durationMinutes * 60_000);
  }
  return undefined;
}

export interface Hours {
  /** Computed at check-out, with corrections. */
  total: number;
  /** The last certified total, if any. */
  certified: number | undefined;
}

/** An assignment's hours from the volunteer's statement (the ledger, oldest entry first), as the service adds them. */
export function hoursOf(statement: HoursStatement | undefined, assignmentId: string): Hours | undefined {
  const entries = (statement?.entries ?? []).filter((entry) => entry.assignmentId === assignmentId);
  if (entries.length === 0) {
    return undefined;
  }
  let total = 0;
  let certified: number | undefined;
  for (const entry of entries) {
    if (entry.kind === 'CERTIFIED') {
      certified = entry.hours;
    } else {
      total += entry.hours ?? 0;
    }
  }
  return { total: Math.round(total * 100) / 100, certified };
}

export function isCertified(hours: Hours | undefined): boolean {
  return hours?.certified !== undefined && hours.certified === hours.total;
}

/**
 * What the coordinator may do for one person now (volunteer-service's Attendance and ServiceHoursLedger): check in
 * someone with a place, check out someone on site, record a no-show once the item is over, certify hours after
 * check-out unless the total is certified already.
 */
export function actionsFor(assignment: Assignment, end: Date | undefined, now: Date, hours: Hours | undefined): DayAction[] {
  switch (assignment.status) {
    case 'CONFIRMED':
      return end !== undefined && now.getTime() >= end.getTime() ? ['checkIn', 'noShow'] : ['checkIn'];
    case 'CHECKED_IN':
      return ['checkOut'];
    case 'CHECKED_OUT':
      return isCertified(hours) ? [] : ['certify'];
    default:
      return [];
  }
}
