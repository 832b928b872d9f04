import { describe, expect, it } from 'vitest';
import type { PledgeHistoryEntry } from '../../api/types';
import { translate } from '../../i18n/translate';
import { pledges, pledgeView } from '../../test/fixtures';
import { currentStep, donationKind, lastEntry, pledgeAction, pledgeStatus, pledgeSteps } from './pledgeSteps';

const en = (key: Parameters<typeof translate>[1]) => translate('en', key);

describe('a pledge’s steps', () => {
  it('are done when every line got there, partly when some did, else still to do', () => {
    const steps = pledgeSteps(pledgeView.pledge ?? {}, pledgeView.history);
    expect(steps.map((step) => [step.step, step.state])).toEqual([
      ['PLEDGED', 'done'],
      ['RECEIVED', 'done'],
      ['DISPATCHED', 'done'],
      ['DELIVERED', 'partly'],
    ]);
    expect(steps[3]?.lines).toEqual([
      { line: 1, description: 'Children’s books', unit: 'books', amount: 300, of: 500 },
      { line: 2, description: 'Notebooks', unit: 'notebooks', amount: 0, of: 200 },
    ]);
    expect(steps.map((step) => step.at)).toEqual([
      '2026-09-01T02:00:00Z',
      '2026-09-20T02:00:00Z',
      '2026-09-25T01:00:00Z',
      '2026-09-26T03:00:00Z',
    ]);
    expect(currentStep(steps)).toBe('DELIVERED');
  });

  it('start at receiving for a fresh pledge and end when all is delivered', () => {
    const fresh = { ...pledges[0], lines: [{ line: 1, quantity: 10, received: 0, dispatched: 0, delivered: 0 }] };
    expect(currentStep(pledgeSteps(fresh))).toBe('RECEIVED');
    const all = { ...pledges[0], lines: [{ line: 1, quantity: 10, received: 12, dispatched: 10, delivered: 10 }] };
    expect(currentStep(pledgeSteps(all))).toBeUndefined();
  });

  it('find the last time a step was recorded', () => {
    const history: PledgeHistoryEntry[] = [
      { action: 'RECEIVED', at: '2026-09-20T02:00:00Z' },
      { action: 'RECEIVED', at: '2026-09-21T02:00:00Z' },
    ];
    expect(lastEntry(history, 'RECEIVED')?.at).toBe('2026-09-21T02:00:00Z');
    expect(lastEntry(history, 'HELD')).toBeUndefined();
  });

  it('name statuses, kinds and actions in words, and unknown ones as the service wrote them', () => {
    expect(pledgeStatus('PARTIALLY_DELIVERED', en)).toBe('Partly delivered');
    expect(pledgeStatus('LOST_AT_SEA', en)).toBe('LOST_AT_SEA');
    expect(donationKind('CARE_PACKAGE', en)).toBe('Care packages');
    expect(donationKind('ROCKETS', en)).toBe('ROCKETS');
    expect(pledgeAction('HELD', en)).toBe('Put on hold');
  });
});
