import { vi } from 'vitest';

export interface Recorded {
  method: string;
  path: string;
  search: string;
  headers: Headers;
  body: unknown;
}

type Reply = { status?: number; body?: unknown; contentType?: string };
type Handler = (request: Recorded) => Reply | Promise<Reply>;

/**
 * Stands in for the gateway: answers "METHOD /path" (path patterns may hold {name} for one segment) with JSON, and
 * records every request with its headers and parsed body. Unknown requests are answered 404 problem+json.
 */
export function fakeGateway(routes: Record<string, Handler | Reply>) {
  const requests: Recorded[] = [];
  const matchers = Object.entries(routes).map(([route, handler]) => {
    const [method, pattern = ''] = route.split(' ');
    const regex = new RegExp(`^${pattern.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\\\{\w+\\\}|\{\w+\}/g, '[^/]+')}$`);
    return { method, regex, handler };
  });
  const fetch = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = input instanceof Request ? input : new Request(new URL(String(input), window.location.origin), init);
    const url = new URL(request.url);
    const text = await request.text();
    let body: unknown = undefined;
    if (text !== '') {
      try {
        body = JSON.parse(text);
      } catch {
        body = text;
      }
    }
    const recorded: Recorded = { method: request.method, path: url.pathname, search: url.search, headers: request.headers, body };
    requests.push(recorded);
    const match = matchers.find((candidate) => candidate.method === request.method && candidate.regex.test(url.pathname));
    const reply: Reply =
      match === undefined
        ? { status: 404, body: { status: 404, title: 'Not Found', detail: `No route for ${request.method} ${url.pathname}` }, contentType: 'application/problem+json' }
        : typeof match.handler === 'function'
          ? await match.handler(recorded)
          : match.handler;
    const status = reply.status ?? 200;
    return new Response(reply.body === undefined ? null : JSON.stringify(reply.body), {
      status,
      headers: { 'Content-Type': reply.contentType ?? (status >= 400 ? 'application/problem+json' : 'application/json') },
    });
  });
  vi.stubGlobal('fetch', fetch);
  return { requests, fetch };
}

/** An RFC 9457 answer as the services write it (ProblemException). */
export function problem(status: number, title: string, detail: string, extra: Record<string, unknown> = {}): Reply {
  return {
    status,
    body: {
      type: `https://caravan.example/problems/${title.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`,
      title,
      status,
      detail,
      traceId: '4bf92f3577b34da6a3ce929d0e0e4736',
      ...extra,
    },
  };
}
