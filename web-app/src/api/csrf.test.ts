import { describe, expect, it } from 'vitest';
import { api, call } from './client';
import { changesState, CSRF_HEADER, csrfToken, readCookie, withCsrfHeader } from './csrf';
import { fakeGateway } from '../test/fakeGateway';

describe('the CSRF token', () => {
  it('is read from the XSRF-TOKEN cookie among others, decoded', () => {
    const cookies = 'CARAVAN_THEME=dark; XSRF-TOKEN=a1b2%3Dc3; other=XSRF-TOKEN';
    expect(csrfToken(cookies)).toBe('a1b2=c3');
    expect(readCookie('other', cookies)).toBe('XSRF-TOKEN');
    expect(csrfToken('XSRF-TOKENX=nope')).toBeUndefined();
    expect(csrfToken('')).toBeUndefined();
  });

  it('goes with state-changing methods only', () => {
    expect(['POST', 'put', 'PATCH', 'DELETE'].every(changesState)).toBe(true);
    expect(['GET', 'head', 'OPTIONS', 'TRACE'].some(changesState)).toBe(false);
  });

  it('is set as the X-XSRF-TOKEN header on a copy of the headers', () => {
    const given = new Headers({ Accept: 'application/json' });
    const sent = withCsrfHeader('POST', given, 'XSRF-TOKEN=t0k3n');
    expect(sent.get(CSRF_HEADER)).toBe('t0k3n');
    expect(sent.get('Accept')).toBe('application/json');
    expect(given.has(CSRF_HEADER)).toBe(false);
    expect(withCsrfHeader('GET', {}, 'XSRF-TOKEN=t0k3n').has(CSRF_HEADER)).toBe(false);
    expect(withCsrfHeader('POST', {}, 'other=1').has(CSRF_HEADER)).toBe(false);
  });

  it('is sent by the API client on every state-changing call, and not on reads', async () => {
    document.cookie = 'XSRF-TOKEN=from-the-gateway';
    const gateway = fakeGateway({
      'POST /api/assignments/{id}/accept': { body: { id: 'a-1', status: 'CONFIRMED' } },
      'GET /api/volunteers/me/assignments': { body: [] },
    });
    await call(api.volunteers.POST('/api/assignments/{id}/accept', { params: { path: { id: 'a-1' } } }));
    await call(api.volunteers.GET('/api/volunteers/me/assignments'));
    expect(gateway.requests.map((request) => [request.method, request.headers.get(CSRF_HEADER)])).toEqual([
      ['POST', 'from-the-gateway'],
      ['GET', null],
    ]);
  });
});
