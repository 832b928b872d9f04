// @vitest-environment node
/// <reference types="node" />
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import sample from '../test/operations-health.sample.json';
import { readOperationsHealth } from './operationsHealth';
import type { HealthState, OperationsHealth } from './types';

/** The type with its states widened to the plain strings a JSON import is typed with. */
type AsJson<T> = T extends HealthState
  ? string
  : T extends (infer E)[]
    ? AsJson<E>[]
    : T extends object
      ? { [K in keyof T]: AsJson<T[K]> }
      : T;

// The type check: the sample has every member the type requires, each of the type's kind.
const typed: AsJson<OperationsHealth> = sample;

describe('the operations health answer', () => {
  it('reads the gateway’s sample whole: every member the web type knows, nothing left behind', () => {
    expect(readOperationsHealth(sample)).toEqual(typed);
  });

  it('is the same sample the gateway’s tests hold its record to', () => {
    const gateway = new URL('../../../gateway/src/test/resources/operations/health-sample.json', import.meta.url);
    expect(JSON.parse(readFileSync(gateway, 'utf8'))).toEqual(sample);
  });

  it('refuses an answer of another shape rather than show it wrongly', () => {
    const renamed = { ...sample, services: [{ ...sample.services[0], state: 'GREEN' }] };
    expect(() => readOperationsHealth(renamed)).toThrow('health.services[0].state is not one of UP, DOWN, UNCHECKED');
    expect(() => readOperationsHealth({ ...sample, provider: undefined })).toThrow('health.provider is not an object');
  });
});
