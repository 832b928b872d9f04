import { act, renderHook, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeGateway } from '../test/fakeGateway';
import { onStream, stubEventSource } from '../test/fakeEventSource';
import { DECLINED_NOTICE, inbox, placements, staffing, teams, VISIT_ID, visit, visitPage } from '../test/fixtures';
import { renderApp, VOLUNTEER } from '../test/render';
import { useRefreshWhile } from './useRefresh';

function staffingRequests(gateway: ReturnType<typeof fakeGateway>) {
  return gateway.requests.filter((request) => request.path === `/api/visits/${VISIT_ID}/staffing`);
}

afterEach(() => {
  vi.useRealTimers();
});

describe('live updates', () => {
  it('show in the header whether they arrive, in words', async () => {
    const sources = stubEventSource();
    fakeGateway({ 'GET /api/inbox': { body: inbox } });
    renderApp('/inbox', { me: VOLUNTEER });
    const banner = await screen.findByRole('banner');
    expect(within(banner).getByRole('status')).toHaveTextContent('Connecting live updates…');
    // The stream opens in an effect after the shell renders; on a loaded machine that is a moment later.
    await waitFor(() => expect(sources.instances).not.toHaveLength(0));
    onStream((source) => source.open());
    expect(within(banner).getByRole('status')).toHaveTextContent(/^Live$/);
    onStream((source) => source.fail());
    expect(within(banner).getByRole('status')).toHaveTextContent('Live updates paused, reconnecting');
  });

  it('keep their place in the header when the stream drops or comes back', async () => {
    const sources = stubEventSource();
    fakeGateway({ 'GET /api/inbox': { body: inbox } });
    renderApp('/inbox', { me: VOLUNTEER, language: 'zh-CN' });
    const banner = await screen.findByRole('banner');
    await waitFor(() => expect(sources.instances).not.toHaveLength(0));
    const everyState = ['正在连接实时更新…', '实时', '实时更新已中断，正在重新连接'];
    // Whatever the state, the slot lays out the words of all three, so its size never changes.
    const slotHoldsAll = () => {
      const slot = banner.querySelector('.live-slot');
      everyState.forEach((words) => expect(slot).toHaveTextContent(words));
      expect(slot?.querySelectorAll('[aria-hidden="true"]')).toHaveLength(2);
    };
    slotHoldsAll();
    onStream((source) => source.open());
    expect(within(banner).getByRole('status')).toHaveTextContent(/^实时$/);
    slotHoldsAll();
    onStream((source) => source.fail());
    expect(within(banner).getByRole('status')).toHaveTextContent(/^实时更新已中断，正在重新连接$/);
    slotHoldsAll();
  });

  it('say so where the browser cannot stream', async () => {
    fakeGateway({ 'GET /api/inbox': { body: inbox } });
    renderApp('/inbox', { me: VOLUNTEER, language: 'zh-CN' });
    const banner = await screen.findByRole('banner');
    expect(within(banner).getByRole('status')).toHaveTextContent('此浏览器不支持实时更新');
  });

  it('use one stream per tab, whichever screens are opened', async () => {
    const sources = stubEventSource();
    fakeGateway({
      'GET /api/visits': { body: visitPage },
      'GET /api/visits/{id}/staffing': { body: staffing },
      [`GET /api/visits/${VISIT_ID}`]: { body: visit },
      'GET /api/teams': { body: teams },
      'GET /api/pledges': { body: [] },
      'GET /api/inbox': { body: inbox },
    });
    const { router } = renderApp('/visits');
    await screen.findByRole('heading', { level: 1, name: 'Upcoming visits' });
    await act(() => router.navigate(`/visits/${VISIT_ID}`));
    await screen.findByRole('heading', { level: 1, name: /Staffing board/ });
    await act(() => router.navigate('/inbox'));
    await screen.findByRole('heading', { level: 1, name: 'Inbox' });
    expect(sources.instances).toHaveLength(1);
    expect(sources.instances[0]?.url).toBe('/api/inbox/stream');
    expect(sources.instances[0]?.closed).toBe(false);
  });

  it('announce each new notice politely', async () => {
    stubEventSource();
    fakeGateway({ 'GET /api/volunteers/me/assignments': { body: placements } });
    renderApp('/assignments', { me: VOLUNTEER });
    await screen.findByRole('article', { name: 'Model-worker talk' });
    onStream((source) => source.open());
    onStream((source) => source.notice({ ...inbox[1], id: 'notice-new', title: 'The visit moved' }));
    const announcer = screen.getByText('New notice: The visit moved');
    expect(announcer).toHaveAttribute('aria-live', 'polite');
  });

  it('read the staffing board again when a decline arrives, and after the stream came back', async () => {
    stubEventSource();
    let confirmed = 0;
    const gateway = fakeGateway({
      [`GET /api/visits/${VISIT_ID}`]: { body: visit },
      'GET /api/visits/{id}/staffing': () => ({ body: staffing.map((line) => ({ ...line, confirmed })) }),
      'GET /api/teams': { body: teams },
    });
    renderApp(`/visits/${VISIT_ID}`);
    await screen.findByRole('region', { name: /Model-worker talk/ });
    expect(staffingRequests(gateway)).toHaveLength(1);
    onStream((source) => source.open());

    // A donation notice is not the board's business.
    onStream((source) => source.notice({ ...DECLINED_NOTICE, id: 'n-donation', kind: 'DONATION_PLEDGED' }));
    expect(staffingRequests(gateway)).toHaveLength(1);

    confirmed = 1;
    onStream((source) => source.notice(DECLINED_NOTICE));
    await waitFor(() => expect(staffingRequests(gateway)).toHaveLength(2));
    const talk = screen.getByRole('region', { name: /Model-worker talk/ });
    await waitFor(() => expect(within(talk).getByText('Confirmed').nextElementSibling).toHaveTextContent('1'));
  });

  it('read the board again after the stream reconnected', async () => {
    const sources = stubEventSource();
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const gateway = fakeGateway({
      [`GET /api/visits/${VISIT_ID}`]: { body: visit },
      'GET /api/visits/{id}/staffing': { body: staffing },
      'GET /api/teams': { body: teams },
    });
    renderApp(`/visits/${VISIT_ID}`);
    await screen.findByRole('region', { name: /Model-worker talk/ });
    onStream((source) => source.open());
    onStream((source) => source.fail());
    await act(() => vi.advanceTimersByTimeAsync(1_500));
    expect(sources.instances).toHaveLength(2);
    onStream((source) => source.open());
    await waitFor(() => expect(staffingRequests(gateway)).toHaveLength(2));
  });

  it('show a volunteer’s place at its new time when a move arrives', async () => {
    stubEventSource();
    let moved = false;
    fakeGateway({
      'GET /api/volunteers/me/assignments': () => ({
        body: moved
          ? [{ ...placements[0], status: 'CONFIRMED', startsAt: '2026-09-27T02:30:00Z', endsAt: '2026-09-27T03:10:00Z' }]
          : placements,
      }),
    });
    renderApp('/assignments', { me: VOLUNTEER });
    const place = await screen.findByRole('article', { name: 'Model-worker talk' });
    expect(within(place).getByText(/^Sat, Sep 26, 2026/)).toBeInTheDocument();
    onStream((source) => source.open());
    moved = true;
    onStream((source) =>
      source.notice({ id: 'notice-moved', kind: 'PLACE_MOVED', subjectId: 'assignment-1', title: 'New time: Model-worker talk' }),
    );
    expect(await within(place).findByText(/^Sun, Sep 27, 2026, 10:30\s?–\s?11:10\sAM GMT\+8$/)).toBeInTheDocument();
  });

  it('put a new notice on top of the inbox without reading it again', async () => {
    stubEventSource();
    const gateway = fakeGateway({ 'GET /api/inbox': { body: inbox } });
    renderApp('/inbox', { me: VOLUNTEER });
    const list = await screen.findByRole('list', { name: 'Inbox' });
    onStream((source) => source.open());
    const fresh = { id: 'notice-2', kind: 'ASSIGNMENT_CONFIRMED', title: 'Confirmed: Model-worker talk', createdAt: '2026-09-21T01:00:00Z', readAt: null };
    onStream((source) => source.notice(fresh));
    onStream((source) => source.notice(fresh));
    const articles = within(list).getAllByRole('article');
    expect(articles).toHaveLength(3);
    expect(articles[0]).toHaveAccessibleName('Unread Confirmed: Model-worker talk');
    expect(gateway.requests.filter((request) => request.path === '/api/inbox')).toHaveLength(1);
  });
});

describe('refreshing while offers are open', () => {
  it('reads again every so often while active and visible, and not once inactive', () => {
    vi.useFakeTimers();
    const refresh = vi.fn();
    const { rerender, unmount } = renderHook(({ active }) => useRefreshWhile(active, 30_000, refresh), {
      initialProps: { active: true },
    });
    vi.advanceTimersByTime(30_000);
    expect(refresh).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(60_000);
    expect(refresh).toHaveBeenCalledTimes(3);
    rerender({ active: false });
    vi.advanceTimersByTime(90_000);
    expect(refresh).toHaveBeenCalledTimes(3);
    unmount();
  });

  it('reads again when the page is shown again', () => {
    const refresh = vi.fn();
    renderHook(() => useRefreshWhile(true, 30_000, refresh));
    document.dispatchEvent(new Event('visibilitychange'));
    expect(refresh).toHaveBeenCalledTimes(1);
  });
});
