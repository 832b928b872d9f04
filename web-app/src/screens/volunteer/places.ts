import type { ApiProblem } from '../../api/problem';
import type { Assignment, AssignmentStatus, Placement, SiteView } from '../../api/types';
import { DEFAULT_TIME_ZONE, toInstant } from '../../i18n/time';

/**
 * A placement after an answer: the service answers with the assignment alone, whose absent members (sent as null,
 * dropped by the client) are absent now, e.g. a reconfirmation no longer asked for. So the assignment replaces the
 * placement's own members, and only what the placement says of the visit is kept.
 */
export function placementWith(placement: Placement, assignment: Assignment): Placement {
  return {
    ...assignment,
    visitId: placement.visitId,
    visitTheme: placement.visitTheme,
    site: placement.site,
    itemTitle: placement.itemTitle,
    startsAt: placement.startsAt,
    endsAt: placement.endsAt,
    timeZone: placement.timeZone,
  };
}

function isBefore(value: string | undefined, zone: string, now: Date): boolean {
  return value === undefined || now.getTime() < toInstant(value, zone).getTime();
}

/** The statuses a volunteer withdraws from (volunteer-service's table: an offer is declined instead). */
const WITHDRAWABLE: readonly AssignmentStatus[] = ['CONFIRMED', 'WAITLISTED'];

/** "I can no longer come": a place held or waited for, on an item that has not started yet. */
export function mayWithdraw(placement: Placement, now: Date): boolean {
  return (
    placement.status !== undefined &&
    WITHDRAWABLE.includes(placement.status) &&
    isBefore(placement.startsAt, placement.timeZone ?? DEFAULT_TIME_ZONE, now)
  );
}

/** A confirmed place that a reschedule made clash with another, which the volunteer is asked to reconfirm. */
export function awaitsReconfirmation(placement: Placement): boolean {
  return placement.status === 'CONFIRMED' && placement.reconfirmationRequestedAt !== undefined;
}

const CURRENT: readonly AssignmentStatus[] = ['OFFERED', 'CONFIRMED', 'WAITLISTED', 'CHECKED_IN'];

/** A place still to come (or under way): the ones whose site a volunteer needs to find. */
export function isCurrent(placement: Placement, now: Date): boolean {
  return (
    placement.status !== undefined &&
    CURRENT.includes(placement.status) &&
    isBefore(placement.endsAt, placement.timeZone ?? DEFAULT_TIME_ZONE, now)
  );
}

/** The other place a double booking clashes with, as volunteer-service describes it in the problem's `conflict`. */
export interface Clash {
  assignmentId?: string;
  itemTitle?: string;
  site?: string;
  startsAt?: string;
  endsAt?: string;
  travelMinutes: number;
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** The clash a refused accept or reconfirmation names, if it is a double booking. */
export function clashOf(problem: ApiProblem | null): Clash | undefined {
  if (problem?.kind !== 'double-booking') {
    return undefined;
  }
  const conflict = problem.extensions.conflict;
  if (typeof conflict !== 'object' || conflict === null || Array.isArray(conflict)) {
    return undefined;
  }
  const member = conflict as Record<string, unknown>;
  return {
    assignmentId: text(member.assignmentId),
    itemTitle: text(member.itemTitle),
    site: text(member.site),
    startsAt: text(member.startsAt),
    endsAt: text(member.endsAt),
    travelMinutes: typeof member.travelMinutes === 'number' ? member.travelMinutes : 0,
  };
}

/**
 * A map of the site: at its coordinates when event-service has them, else a search for its address
 * (OpenStreetMap, which needs no key and reads Chinese addresses); none without either.
 */
export function mapLink(site: SiteView | undefined): string | undefined {
  const location = site?.location;
  if (location !== undefined) {
    const { lat, lon } = location;
    return `https://www.openstreetmap.org/?mlat=${lat}&mlon=${lon}#map=17/${lat}/${lon}`;
  }
  const address = site?.address?.trim();
  if (address !== undefined && address !== '') {
    return `https://www.openstreetmap.org/search?query=${encodeURIComponent(address)}`;
  }
  return undefined;
}
