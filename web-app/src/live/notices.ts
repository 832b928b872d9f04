import type { InboxEntry } from '../api/types';

/**
 * Which notices change which screen's data (notification-service's NoticeKind and who hears each: the volunteer
 * or team lead hears of offers and what becomes of them; the visit's coordinator of declines, withdrawals, no-shows
 * and staffing gaps; a donor's liaison of pledges received, delivered or held). An entry's `subjectId` is the
 * assignment, visit or pledge it is about.
 */
export const PLACEMENT_NOTICES: ReadonlySet<string> = new Set([
  'ASSIGNMENT_OFFERED',
  'ASSIGNMENT_PROMOTED',
  'ASSIGNMENT_CONFIRMED',
  'ASSIGNMENT_WAITLISTED',
  'ASSIGNMENT_ENDED',
  'OFFER_EXPIRED',
  'RECONFIRMATION_REQUESTED',
  'PLACE_MOVED',
  'HOURS_CERTIFIED',
]);

/** About an assignment (subjectId) whose visit the notice does not name, except STAFFING_GAPS (the visit). */
export const STAFFING_NOTICES: ReadonlySet<string> = new Set([
  'VOLUNTEER_DECLINED',
  'VOLUNTEER_WITHDREW',
  'NO_SHOW',
  'STAFFING_GAPS',
]);

export const DONATION_NOTICES: ReadonlySet<string> = new Set(['DONATION_PLEDGED', 'DONATION_DELIVERED', 'DONATION_HELD']);

/** Whether a volunteer's places may have changed. */
export function concernsPlacements(entry: InboxEntry): boolean {
  return PLACEMENT_NOTICES.has(entry.kind ?? '');
}

/**
 * Whether a visit's staffing board may have changed. A gap report names its visit; a decline, withdrawal or
 * no-show names only the assignment, so it may concern any visit of this coordinator's.
 */
export function concernsStaffing(entry: InboxEntry, visitId: string): boolean {
  if (entry.kind === 'STAFFING_GAPS') {
    return entry.subjectId === visitId;
  }
  return STAFFING_NOTICES.has(entry.kind ?? '');
}

/** Whether pledges may have changed: any when no pledge is named, else only that one. */
export function concernsPledges(entry: InboxEntry, pledgeId?: string): boolean {
  return DONATION_NOTICES.has(entry.kind ?? '') && (pledgeId === undefined || entry.subjectId === pledgeId);
}
