import { screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeGateway } from '../../test/fakeGateway';
import { staffing, VISIT_ID, visitPage } from '../../test/fixtures';
import { renderApp } from '../../test/render';

afterEach(() => {
  vi.useRealTimers();
});

const later = {
  id: 'v-later',
  theme: 'Couriers’ care day',
  site: { id: 's-3', name: 'Riders’ station', district: '东城区' },
  startsAt: '2026-10-17T14:00:00',
  endsAt: '2026-10-17T16:00:00',
  timeZone: 'Asia/Shanghai',
  status: 'SCHEDULED' as const,
  version: 1,
};

describe('upcoming visits', () => {
  it('lists the visits not yet over, with their staffing gaps at a glance', async () => {
    const gateway = fakeGateway({
      'GET /api/visits': { body: visitPage },
      'GET /api/visits/{id}/staffing': { body: staffing },
    });
    renderApp('/visits');

    const list = await screen.findByRole('list', { name: 'Upcoming visits' });
    const cards = within(list).getAllByRole('article');
    expect(cards).toHaveLength(2);

    const dandelion = within(list).getByRole('article', { name: '共谱祖国颂，工筑少年梦' });
    expect(within(dandelion).getByText(/^Sat, Sep 26, 2026, 9:30\s?–\s?11:30\sAM GMT\+8$/)).toBeInTheDocument();
    expect(within(dandelion).getByText('Scheduled')).toBeInTheDocument();
    expect(await within(dandelion).findByText('0 of 2 places confirmed')).toBeInTheDocument();
    expect(within(dandelion).getByText('2 places to fill')).toBeInTheDocument();
    expect(within(dandelion).getByText('2 programme items need people')).toBeInTheDocument();
    expect(within(dandelion).getByRole('meter', { name: 'Staffing' })).toHaveValue(0);
    expect(within(dandelion).getByRole('link', { name: 'Staffing board: 共谱祖国颂，工筑少年梦' })).toHaveAttribute(
      'href',
      `/visits/${VISIT_ID}`,
    );

    // A cancelled visit needs nobody, so its staffing is not asked for.
    const cancelled = within(list).getByRole('article', { name: 'Mid-Autumn mooncake workshop' });
    expect(within(cancelled).getByText('Cancelled')).toBeInTheDocument();
    expect(within(cancelled).getByText('Not needed')).toBeInTheDocument();

    const search = gateway.requests.find((request) => request.path === '/api/visits');
    expect(new URLSearchParams(search?.search).get('from')).toMatch(/^\d{4}-\d\d-\d\dT.*Z$/);
    expect(gateway.requests.map((request) => request.path)).toEqual([
      '/api/visits',
      `/api/visits/${VISIT_ID}/staffing`,
    ]);
    expect(screen.getByText('Showing 2 of 2 visits')).toBeInTheDocument();
  });

  it('leads to the visit day of a visit on or around today, and of no other', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-09-25T09:00:00Z'));
    fakeGateway({
      'GET /api/visits': { body: { ...visitPage, items: [...(visitPage.items ?? []), later] } },
      'GET /api/visits/{id}/staffing': { body: staffing },
    });
    renderApp('/visits');

    const list = await screen.findByRole('list', { name: 'Upcoming visits' });
    const dandelion = within(list).getByRole('article', { name: '共谱祖国颂，工筑少年梦' });
    expect(within(dandelion).getByRole('link', { name: 'Visit day check-in: 共谱祖国颂，工筑少年梦' })).toHaveAttribute(
      'href',
      `/visits/${VISIT_ID}/day`,
    );
    // Called off, or weeks away: no visit day to work.
    for (const theme of ['Mid-Autumn mooncake workshop', 'Couriers’ care day']) {
      const card = within(list).getByRole('article', { name: theme });
      expect(within(card).queryByRole('link', { name: /Visit day/ })).toBeNull();
    }
  });

  it('speaks Chinese when chosen', async () => {
    fakeGateway({
      'GET /api/visits': { body: visitPage },
      'GET /api/visits/{id}/staffing': { body: staffing },
    });
    renderApp('/visits', { language: 'zh-CN' });
    expect(await screen.findByRole('heading', { level: 1, name: '近期走访' })).toBeInTheDocument();
    expect(await screen.findByText('尚缺 2 人')).toBeInTheDocument();
    expect(screen.getByText('需 2 人，已确认 0 人')).toBeInTheDocument();
    expect(screen.getByText('已取消')).toBeInTheDocument();
  });

  it('says so when there are none', async () => {
    fakeGateway({ 'GET /api/visits': { body: { items: [], page: 0, size: 20, total: 0 } } });
    renderApp('/visits');
    expect(await screen.findByText('No upcoming visits.')).toBeInTheDocument();
  });
});
