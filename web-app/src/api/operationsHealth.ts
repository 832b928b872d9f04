import type { HealthState, OperationsHealth, ReplicaHealth, ServiceHealth } from './types';

const HEALTH_STATES: readonly HealthState[] = ['UP', 'DOWN', 'UNCHECKED'];

function record(value: unknown, what: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new TypeError(`${what} is not an object`);
  }
  return value as Record<string, unknown>;
}

function text(value: unknown, what: string): string {
  if (typeof value !== 'string') throw new TypeError(`${what} is not a string`);
  return value;
}

function number(value: unknown, what: string): number {
  if (typeof value !== 'number') throw new TypeError(`${what} is not a number`);
  return value;
}

function state(value: unknown, what: string): HealthState {
  const known = HEALTH_STATES.find((one) => one === value);
  if (known === undefined) throw new TypeError(`${what} is not one of ${HEALTH_STATES.join(', ')}`);
  return known;
}

function optional<T>(value: unknown, read: (value: unknown, what: string) => T, what: string): T | null {
  return value === undefined || value === null ? null : read(value, what);
}

function list<T>(value: unknown, read: (value: unknown, what: string) => T, what: string): T[] {
  if (!Array.isArray(value)) throw new TypeError(`${what} is not a list`);
  return value.map((element: unknown, index) => read(element, `${what}[${String(index)}]`));
}

function replicaHealth(value: unknown, what: string): ReplicaHealth {
  const replica = record(value, what);
  return {
    address: text(replica.address, `${what}.address`),
    state: state(replica.state, `${what}.state`),
    reason: optional(replica.reason, text, `${what}.reason`),
    tookMillis: optional(replica.tookMillis, number, `${what}.tookMillis`),
  };
}

function serviceHealth(value: unknown, what: string): ServiceHealth {
  const service = record(value, what);
  return {
    name: text(service.name, `${what}.name`),
    uri: text(service.uri, `${what}.uri`),
    state: state(service.state, `${what}.state`),
    reason: optional(service.reason, text, `${what}.reason`),
    replicas: list(service.replicas, replicaHealth, `${what}.replicas`),
  };
}

/** The gateway's health answer, checked member by member: it has no OpenAPI document whose types would vouch for it. */
export function readOperationsHealth(value: unknown): OperationsHealth {
  const health = record(value, 'health');
  const provider = record(health.provider, 'health.provider');
  return {
    checkedAt: text(health.checkedAt, 'health.checkedAt'),
    tookMillis: number(health.tookMillis, 'health.tookMillis'),
    services: list(health.services, serviceHealth, 'health.services'),
    provider: {
      issuer: text(provider.issuer, 'health.provider.issuer'),
      discovery: text(provider.discovery, 'health.provider.discovery'),
      state: state(provider.state, 'health.provider.state'),
      reason: optional(provider.reason, text, 'health.provider.reason'),
      tookMillis: number(provider.tookMillis, 'health.provider.tookMillis'),
    },
  };
}
