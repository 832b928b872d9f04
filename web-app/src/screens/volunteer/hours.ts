import type { HoursStatement, YearTotal } from '../../api/types';
import { DEFAULT_TIME_ZONE, localDateTime } from '../../i18n/time';
import { hoursOf, type Hours } from '../coordinator/attendance';

/** One programme item the volunteer served on, with its hours as the ledger adds them up. */
export interface HoursLine extends Hours {
  assignmentId: string;
  itemTitle?: string;
  site?: string;
  itemStartsAt?: string;
}

/**
 * The statement's entries as one line per assignment, in the service's order (by the item's start): computed hours
 * plus corrections, and what was last certified of them.
 */
export function hoursLines(statement: HoursStatement): HoursLine[] {
  const lines = new Map<string, HoursLine>();
  for (const entry of statement.entries ?? []) {
    const id = entry.assignmentId ?? '';
    if (lines.has(id)) {
      continue;
    }
    const hours = hoursOf(statement, id) ?? { total: 0, certified: undefined };
    lines.set(id, { assignmentId: id, itemTitle: entry.itemTitle, site: entry.site, itemStartsAt: entry.itemStartsAt, ...hours });
  }
  return [...lines.values()];
}

/**
 * The year a line counts in: the item's, at the site. The statement does not say each site's zone, so Beijing's is
 * taken (the service counts by the site's own; the two differ only for an item around midnight elsewhere).
 */
export function yearOf(line: HoursLine): number | undefined {
  return line.itemStartsAt === undefined
    ? undefined
    : Number(localDateTime(new Date(line.itemStartsAt), DEFAULT_TIME_ZONE).slice(0, 4));
}

export function linesOfYear(statement: HoursStatement, year: number): HoursLine[] {
  return hoursLines(statement).filter((line) => yearOf(line) === year);
}

/** The service's totals per year, the latest first. */
export function yearsNewestFirst(statement: HoursStatement): YearTotal[] {
  return [...(statement.years ?? [])].sort((a, b) => (b.year ?? 0) - (a.year ?? 0));
}

export type Certification = 'certified' | 'partly' | 'pending';

/**
 * Whether a line's hours are certified: all of them (zero hours too, for a place left as soon as it was taken up),
 * some (certified before a correction), or none yet.
 */
export function certification(line: Hours): Certification {
  if (line.certified === undefined) {
    return 'pending';
  }
  if (line.certified >= line.total) {
    return 'certified';
  }
  return line.certified > 0 ? 'partly' : 'pending';
}
