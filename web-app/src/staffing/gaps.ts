import type { StaffingLine, VisitStatus } from '../api/types';

/** The role name a whole team's slot has on the staffing board (volunteer-service's VisitPlans.TEAM_SLOT). */
export const TEAM_ROLE = 'TEAM';

/** One need of one programme item, counts made whole: absent counts are 0, and a place cannot be negative. */
export interface RoleStaffing {
  itemId: string;
  title: string;
  startsAt: string | undefined;
  role: string;
  needed: number;
  confirmed: number;
  offered: number;
  waitlisted: number;
  /** Places nobody holds yet. */
  gaps: number;
  /** Places nobody holds and nobody has been offered: the ones to act on first. */
  unoffered: number;
}

export interface ItemStaffing {
  itemId: string;
  title: string;
  startsAt: string | undefined;
  roles: RoleStaffing[];
  needed: number;
  confirmed: number;
  gaps: number;
}

export interface StaffingSummary {
  needed: number;
  confirmed: number;
  offered: number;
  waitlisted: number;
  gaps: number;
  unoffered: number;
  items: number;
  itemsWithGaps: number;
}

function count(value: number | undefined): number {
  return value === undefined || !Number.isFinite(value) || value < 0 ? 0 : Math.floor(value);
}

export function roleStaffing(line: StaffingLine): RoleStaffing {
  const needed = count(line.needed);
  const confirmed = count(line.confirmed);
  const offered = count(line.offered);
  const gaps = Math.max(0, needed - confirmed);
  return {
    itemId: line.itemId ?? '',
    title: line.title ?? '',
    startsAt: line.startsAt,
    role: line.role ?? '',
    needed,
    confirmed,
    offered,
    waitlisted: count(line.waitlisted),
    gaps,
    unoffered: Math.max(0, gaps - offered),
  };
}

/** The board's lines grouped by programme item, in the order the service sent them (by start time). */
export function byItem(lines: readonly StaffingLine[]): ItemStaffing[] {
  const items = new Map<string, ItemStaffing>();
  for (const line of lines) {
    const role = roleStaffing(line);
    let item = items.get(role.itemId);
    if (item === undefined) {
      item = { itemId: role.itemId, title: role.title, startsAt: role.startsAt, roles: [], needed: 0, confirmed: 0, gaps: 0 };
      items.set(role.itemId, item);
    }
    item.roles.push(role);
    item.needed += role.needed;
    item.confirmed += role.confirmed;
    item.gaps += role.gaps;
  }
  return [...items.values()];
}

/** A visit's staffing at a glance: needed against confirmed over all items and roles, and where the gaps are. */
export function summarise(lines: readonly StaffingLine[]): StaffingSummary {
  const items = byItem(lines);
  const roles = items.flatMap((item) => item.roles);
  const sum = (pick: (role: RoleStaffing) => number) => roles.reduce((total, role) => total + pick(role), 0);
  return {
    needed: sum((role) => role.needed),
    confirmed: sum((role) => role.confirmed),
    offered: sum((role) => role.offered),
    waitlisted: sum((role) => role.waitlisted),
    gaps: sum((role) => role.gaps),
    unoffered: sum((role) => role.unoffered),
    items: items.length,
    itemsWithGaps: items.filter((item) => item.gaps > 0).length,
  };
}

/** Whether a visit still needs people placed: not one that is over or called off. */
export function needsStaffing(status: VisitStatus | undefined): boolean {
  return status !== 'CANCELLED' && status !== 'COMPLETED';
}
