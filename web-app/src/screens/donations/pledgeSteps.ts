import type { Pledge, PledgeHistoryEntry, PledgeLine } from '../../api/types';
import type { I18n } from '../../i18n/I18n';
import { isMessageKey } from '../../i18n/translate';

/** The steps items take after the pledge (donation-service's Step), each bounded by the one before. */
export const STEPS = ['PLEDGED', 'RECEIVED', 'DISPATCHED', 'DELIVERED'] as const;
export type StepName = (typeof STEPS)[number];
export type StepState = 'done' | 'partly' | 'todo';

export interface StepLine {
  line: number;
  description: string;
  unit: string;
  amount: number;
  of: number;
}

export interface PledgeStep {
  step: StepName;
  state: StepState;
  /** The last time the history recorded this step. */
  at: string | undefined;
  lines: StepLine[];
}

function whole(value: number | undefined): number {
  return value === undefined || !Number.isFinite(value) || value < 0 ? 0 : value;
}

function amountAt(line: PledgeLine, step: StepName): number {
  switch (step) {
    case 'PLEDGED':
      return whole(line.quantity);
    case 'RECEIVED':
      return whole(line.received);
    case 'DISPATCHED':
      return whole(line.dispatched);
    case 'DELIVERED':
      return whole(line.delivered);
  }
}

/** The last history entry with this action (the history is oldest first). */
export function lastEntry(history: readonly PledgeHistoryEntry[], action: string): PledgeHistoryEntry | undefined {
  return history.filter((entry) => entry.action === action).at(-1);
}

/**
 * Where each of the pledge's items stands at each step: done when every line has reached its pledged quantity,
 * partly when some has moved, else still to do.
 */
export function pledgeSteps(pledge: Pledge, history: readonly PledgeHistoryEntry[] = []): PledgeStep[] {
  const lines = pledge.lines ?? [];
  return STEPS.map((step) => {
    const stepLines = lines.map((line) => ({
      line: line.line ?? 0,
      description: line.description ?? line.kind ?? '',
      unit: line.unit ?? '',
      amount: amountAt(line, step),
      of: whole(line.quantity),
    }));
    const state: StepState =
      step === 'PLEDGED' || (stepLines.length > 0 && stepLines.every((line) => line.amount >= line.of))
        ? 'done'
        : stepLines.some((line) => line.amount > 0)
          ? 'partly'
          : 'todo';
    return { step, state, at: lastEntry(history, step)?.at, lines: stepLines };
  });
}

/** The step to do next: the first not done (none when all are). */
export function currentStep(steps: readonly PledgeStep[]): StepName | undefined {
  return steps.find((step) => step.state !== 'done')?.step;
}

export function pledgeTone(status: string | undefined): 'neutral' | 'good' | 'warning' | 'bad' {
  if (status === 'DELIVERED') return 'good';
  if (status === 'CANCELLED') return 'bad';
  if (status === 'ON_HOLD') return 'warning';
  return 'neutral';
}

/** A pledge's status in words; one the app does not know, as the service wrote it. */
export function pledgeStatus(status: string | undefined, t: I18n['t']): string {
  const key = `pledgeStatus.${status ?? ''}`;
  return isMessageKey(key) ? t(key) : (status ?? '');
}

/** A kind of gift (BOOKS, CARE_PACKAGE…) in words, else as the service wrote it. */
export function donationKind(kind: string | undefined, t: I18n['t']): string {
  const key = `donationKind.${kind ?? ''}`;
  return isMessageKey(key) ? t(key) : (kind ?? '');
}

/** A history entry's action (PLEDGED, HELD, MOVED…) in words, else as the service wrote it. */
export function pledgeAction(action: string | undefined, t: I18n['t']): string {
  const key = `pledgeAction.${action ?? ''}`;
  return isMessageKey(key) ? t(key) : (action ?? '');
}
