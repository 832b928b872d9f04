import { describe, expect, it, vi } from 'vitest';
import { describeProblem } from '../components/Problem';
import { translate } from '../i18n/translate';
import type { MessageKey } from '../i18n/messages';
import { api, call, whenSignedOut, withoutNulls } from './client';
import { ApiProblem, NETWORK_FAILURE, toProblem } from './problem';
import { fakeGateway, problem } from '../test/fakeGateway';

const en = (key: MessageKey, params?: Record<string, string | number>) => translate('en', key, params);
const zh = (key: MessageKey, params?: Record<string, string | number>) => translate('zh-CN', key, params);

describe('problems', () => {
  it('are read from problem+json with their field errors, trace id and extensions', () => {
    const read = toProblem(400, {
      type: 'https://caravan.example/problems/invalid-request',
      title: 'Invalid request',
      status: 400,
      detail: 'Some fields are not valid',
      traceId: 'abc',
      errors: [{ field: 'volunteerId', message: 'name a volunteerId and role, or a teamId' }],
      conflict: { itemTitle: 'Chorus' },
    });
    expect(read.status).toBe(400);
    expect(read.kind).toBe('invalid-request');
    expect(read.errors).toEqual([{ field: 'volunteerId', message: 'name a volunteerId and role, or a teamId' }]);
    expect(read.traceId).toBe('abc');
    expect(read.extensions).toEqual({ conflict: { itemTitle: 'Chorus' } });
  });

  it('survive answers that are not problem+json', () => {
    expect(toProblem(502, 'Bad Gateway').detail).toBe('Bad Gateway');
    expect(toProblem(500, undefined).errors).toEqual([]);
    expect(new ApiProblem(409, { type: 'about:blank' }).kind).toBeUndefined();
  });

  it('are told in the chosen language: the broken rule where known, else the status', () => {
    const doubleBooking = toProblem(409, problem(409, 'Double booking', 'Overlaps …').body);
    expect(describeProblem(doubleBooking, en)).toBe('This would double-book the person.');
    expect(describeProblem(doubleBooking, zh)).toBe('这样会造成此人时间重复安排。');
    expect(describeProblem(toProblem(409, problem(409, 'Assignment is DECLINED', '…').body), en)).toBe(
      'This does not fit how things stand now.',
    );
    expect(describeProblem(new ApiProblem(NETWORK_FAILURE), zh)).toBe('无法连接大篷车服务。请检查网络后重试。');
    expect(
      describeProblem(new ApiProblem(403, { detail: 'Missing or wrong CSRF token: send the XSRF-TOKEN …' }), en),
    ).toContain('security token');
    expect(describeProblem(new ApiProblem(418), en)).toBe('Something went wrong (status 418).');
  });

  it('are thrown by the API client for error answers and failed requests', async () => {
    fakeGateway({ 'POST /api/assignments/{id}/accept': problem(409, 'Offer expired', 'The offer expired at …') });
    const failure = await call(
      api.volunteers.POST('/api/assignments/{id}/accept', { params: { path: { id: 'a-1' } } }),
    ).catch((thrown: unknown) => thrown);
    expect(failure).toBeInstanceOf(ApiProblem);
    expect((failure as ApiProblem).kind).toBe('offer-expired');

    vi.stubGlobal('fetch', vi.fn(() => Promise.reject(new TypeError('Failed to fetch'))));
    const offline = await call(api.notifications.GET('/api/inbox')).catch((thrown: unknown) => thrown);
    expect((offline as ApiProblem).status).toBe(NETWORK_FAILURE);
  });

  it('of 401 send the person to sign in again', async () => {
    const signIn = vi.fn();
    whenSignedOut(signIn);
    fakeGateway({ 'GET /api/inbox': problem(401, 'Unauthorized', 'Sign in first') });
    await expect(call(api.notifications.GET('/api/inbox'))).rejects.toBeInstanceOf(ApiProblem);
    expect(signIn).toHaveBeenCalledTimes(1);
  });
});

describe('answers', () => {
  it('lose their null members, as the generated types expect', () => {
    expect(withoutNulls({ a: null, b: [{ c: null, d: 1 }], e: 'x' })).toEqual({ b: [{ d: 1 }], e: 'x' });
  });
});
