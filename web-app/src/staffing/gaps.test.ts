// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { StaffingLine } from '../api/types';
import { byItem, roleStaffing, summarise } from './gaps';

const line = (overrides: Partial<StaffingLine>): StaffingLine => ({
  itemId: 'recitation',
  title: 'Recitation 《读中国》',
  startsAt: '2026-09-26T02:00:00Z',
  role: 'reciter',
  needed: 0,
  confirmed: 0,
  offered: 0,
  waitlisted: 0,
  gaps: 0,
  ...overrides,
});

// The demo's first items: a team slot and two roles of the BIM talk.
const board: StaffingLine[] = [
  line({ role: 'TEAM', needed: 1, confirmed: 0, offered: 1 }),
  line({ itemId: 'bim', title: 'Model-worker talk', role: 'speaker', needed: 1, confirmed: 1 }),
  line({ itemId: 'bim', title: 'Model-worker talk', role: 'assistant', needed: 3, confirmed: 1, offered: 1, waitlisted: 2 }),
  line({ itemId: 'paintings', title: 'Students give paintings', role: 'helper', needed: 2, confirmed: 2 }),
];

describe('staffing gaps', () => {
  it('are the places nobody holds; those not even offered are counted apart', () => {
    const role = roleStaffing(line({ needed: 5, confirmed: 2, offered: 1 }));
    expect(role.gaps).toBe(3);
    expect(role.unoffered).toBe(2);
  });

  it('are never negative, and absent counts are none', () => {
    expect(roleStaffing(line({ needed: 2, confirmed: 3 })).gaps).toBe(0);
    expect(roleStaffing(line({ needed: 3, confirmed: 0, offered: 5 })).unoffered).toBe(0);
    const empty = roleStaffing({});
    expect([empty.needed, empty.confirmed, empty.gaps, empty.unoffered]).toEqual([0, 0, 0, 0]);
  });

  it('are grouped by programme item, in the board’s order', () => {
    const items = byItem(board);
    expect(items.map((item) => item.itemId)).toEqual(['recitation', 'bim', 'paintings']);
    const bim = items[1];
    expect(bim?.roles.map((role) => role.role)).toEqual(['speaker', 'assistant']);
    expect([bim?.needed, bim?.confirmed, bim?.gaps]).toEqual([4, 2, 2]);
  });

  it('add up to the visit at a glance', () => {
    expect(summarise(board)).toEqual({
      needed: 7,
      confirmed: 4,
      offered: 2,
      waitlisted: 2,
      gaps: 3,
      unoffered: 1,
      items: 3,
      itemsWithGaps: 2,
    });
    expect(summarise([])).toMatchObject({ needed: 0, gaps: 0, items: 0, itemsWithGaps: 0 });
  });
});
