import createClient, { type Client, type Middleware } from 'openapi-fetch';
import type { paths as DonationPaths } from './generated/donation-service';
import type { paths as EventPaths } from './generated/event-service';
import type { paths as NotificationPaths } from './generated/notification-service';
import type { paths as VolunteerPaths } from './generated/volunteer-service';
import { CSRF_HEADER, withCsrfHeader } from './csrf';
import { ApiProblem, NETWORK_FAILURE, toProblem } from './problem';
import { readOperationsHealth } from './operationsHealth';
import type { OperationsHealth } from './types';

/** Where the gateway starts sign-in; an API call without a session is answered 401. */
export const SIGN_IN_PATH = '/oauth2/authorization/caravan';

let onSignedOut: () => void = () => {
  window.location.assign(SIGN_IN_PATH);
};

/** What happens when the gateway says nobody is signed in (tests replace it). */
export function whenSignedOut(handler: () => void): void {
  onSignedOut = handler;
}

export function signedOut(): void {
  onSignedOut();
}

/** Every request: JSON wanted, the CSRF token on state-changing ones; a 401 sends the person to sign in again. */
const gatewayConventions: Middleware = {
  onRequest({ request }) {
    const token = withCsrfHeader(request.method).get(CSRF_HEADER);
    if (token !== null) {
      request.headers.set(CSRF_HEADER, token);
    }
    request.headers.set('Accept', 'application/json, application/problem+json');
    return request;
  },
  onResponse({ response }) {
    if (response.status === 401) {
      signedOut();
    }
    return response;
  },
};

function client<Paths extends object>() {
  const made = createClient<Paths>({
    baseUrl: window.location.origin,
    credentials: 'same-origin',
    // Looked up at each call, not when the client is made (tests stand in for it).
    fetch: (request: Request) => globalThis.fetch(request),
  });
  made.use(gatewayConventions);
  return made;
}

/** The four services, each behind the gateway at the same origin (RouteTable decides which answers a path). */
export const api = {
  events: client<EventPaths>(),
  volunteers: client<VolunteerPaths>(),
  donations: client<DonationPaths>(),
  notifications: client<NotificationPaths>(),
};

/** The services whose dead letters an operator handles, by the short name the gateway routes them under. */
export const DEAD_LETTER_SERVICES = ['event', 'volunteer', 'donation', 'notification'] as const;
export type DeadLetterService = (typeof DEAD_LETTER_SERVICES)[number];

/** Where each service's document puts its dead-letter API (the same path on every service). */
const SERVICE_DEAD_LETTERS = '/api/dead-letters';

/** Where the gateway serves one service's dead-letter API (RouteTable.deadLettersPath), rewriting it to the above. */
export function deadLettersPath(service: DeadLetterService): string {
  return `/api/operations/${service}/dead-letters`;
}

type DeadLetterPath = '/api/dead-letters' | '/api/dead-letters/{id}' | '/api/dead-letters/{id}/replay' | '/api/dead-letters/{id}/discard';

/** Every service's document has the same dead-letter paths (platform's DeadLetterController). */
type DeadLetterPaths = Pick<NotificationPaths, DeadLetterPath>;
export type DeadLetterClient = Client<DeadLetterPaths>;

/**
 * Moves a service document's `/api/dead-letters...` under the gateway's `/api/operations/{service}/dead-letters...`
 * as a request is sent. (A baseUrl cannot do it: the gateway's prefix replaces the start of the path, it does not
 * come before it.)
 */
function underOperations(service: DeadLetterService, made: DeadLetterClient): DeadLetterClient {
  made.use({
    async onRequest({ request }) {
      const url = new URL(request.url);
      if (url.pathname !== SERVICE_DEAD_LETTERS && !url.pathname.startsWith(`${SERVICE_DEAD_LETTERS}/`)) {
        return request;
      }
      url.pathname = deadLettersPath(service) + url.pathname.slice(SERVICE_DEAD_LETTERS.length);
      const body = request.method === 'GET' || request.method === 'HEAD' ? undefined : await request.text();
      return new Request(url, { method: request.method, headers: request.headers, body, credentials: request.credentials, signal: request.signal });
    },
  });
  return made;
}

/**
 * The operators' dead-letter API of each service through the gateway, each client made from that service's own
 * document (so a service whose dead-letter paths drifted from the others' fails the type check here).
 */
export const deadLetters: Record<DeadLetterService, DeadLetterClient> = {
  event: underOperations('event', client<Pick<EventPaths, DeadLetterPath>>()),
  volunteer: underOperations('volunteer', client<Pick<VolunteerPaths, DeadLetterPath>>()),
  donation: underOperations('donation', client<Pick<DonationPaths, DeadLetterPath>>()),
  notification: underOperations('notification', client<Pick<NotificationPaths, DeadLetterPath>>()),
};

interface Answer<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/**
 * The services write absent values as JSON null, while their OpenAPI documents (and so the generated types) call
 * them optional: members that are null are left out, so that `value !== undefined` means there is one.
 */
export function withoutNulls<T>(value: T): T {
  if (Array.isArray(value)) {
    return value.map((element: unknown) => withoutNulls(element)) as T;
  }
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, member]) => member !== null)
        .map(([key, member]) => [key, withoutNulls(member)]),
    ) as T;
  }
  return value;
}

/** The answer's data, or an ApiProblem for an error answer or a request that never got one. */
export async function call<T>(request: Promise<Answer<T>>): Promise<T> {
  let answer: Answer<T>;
  try {
    answer = await request;
  } catch (failure) {
    throw new ApiProblem(NETWORK_FAILURE, { detail: failure instanceof Error ? failure.message : String(failure) });
  }
  if (!answer.response.ok || answer.error !== undefined) {
    throw toProblem(answer.response.status, answer.error);
  }
  return withoutNulls(answer.data) as T;
}

/** Who is signed in at the gateway (`GET /api/me`, answered by the gateway itself, so not in a service's document). */
export interface Me {
  subject: string;
  name?: string | null;
  email?: string | null;
  locale?: string | null;
  roles: string[];
}

export async function fetchMe(): Promise<Me> {
  let response: Response;
  try {
    response = await fetch('/api/me', { headers: { Accept: 'application/json' }, credentials: 'same-origin' });
  } catch (failure) {
    throw new ApiProblem(NETWORK_FAILURE, { detail: failure instanceof Error ? failure.message : String(failure) });
  }
  if (!response.ok) {
    const body: unknown = await response.json().catch(() => undefined);
    throw toProblem(response.status, body);
  }
  const me = (await response.json()) as Partial<Me>;
  return {
    subject: me.subject ?? '',
    name: me.name ?? null,
    email: me.email ?? null,
    locale: me.locale ?? null,
    roles: Array.isArray(me.roles) ? me.roles.map((role) => role.toLowerCase()) : [],
  };
}

/** Each service's replicas and the provider, checked now (`GET /api/operations/health`, answered by the gateway). */
export async function fetchOperationsHealth(): Promise<OperationsHealth> {
  let response: Response;
  try {
    response = await fetch('/api/operations/health', {
      headers: { Accept: 'application/json, application/problem+json' },
      credentials: 'same-origin',
    });
  } catch (failure) {
    throw new ApiProblem(NETWORK_FAILURE, { detail: failure instanceof Error ? failure.message : String(failure) });
  }
  if (!response.ok) {
    if (response.status === 401) {
      signedOut();
    }
    const body: unknown = await response.json().catch(() => undefined);
    throw toProblem(response.status, body);
  }
  try {
    return readOperationsHealth(await response.json());
  } catch (failure) {
    throw new ApiProblem(0, { detail: failure instanceof Error ? failure.message : String(failure) });
  }
}
