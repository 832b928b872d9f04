import { fireEvent, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { VisitSummary } from '../../api/types';
import { fakeGateway, problem, type Recorded } from '../../test/fakeGateway';
import { staffing, VISIT_ID, visitPage } from '../../test/fixtures';
import { renderApp } from '../../test/render';

const [dandelion, cancelledOnTheThird] = visitPage.items ?? [];

/** Ends the evening before the demo visit in Beijing: 25 September 2026, 17:00 there. */
const EVE_OF_THE_VISIT = new Date('2026-09-25T09:00:00Z');

const lastDayOfAugust: VisitSummary = {
  id: 'v-august',
  theme: 'Summer reading club',
  site: { id: 's-4', name: 'Library', district: '大兴区' },
  startsAt: '2026-08-31T19:00:00',
  endsAt: '2026-08-31T20:00:00',
  timeZone: 'Asia/Shanghai',
  status: 'COMPLETED',
  version: 4,
};

const draftOnTheTwelfth: VisitSummary = {
  id: 'v-draft',
  theme: 'Couriers’ care day',
  site: { id: 's-3', name: 'Riders’ station', district: '东城区' },
  startsAt: '2026-09-12T14:00:00',
  endsAt: '2026-09-12T16:00:00',
  timeZone: 'Asia/Shanghai',
  status: 'DRAFT',
  version: 1,
};

function visitsAnswer(items: (VisitSummary | undefined)[]) {
  const known = items.filter((item): item is VisitSummary => item !== undefined);
  return { body: { items: known, page: 0, size: 200, total: known.length } };
}

function query(request: Recorded | undefined): Record<string, string> {
  return Object.fromEntries(new URLSearchParams(request?.search));
}

function visitSearches(requests: Recorded[]): Record<string, string>[] {
  return requests.filter((request) => request.path === '/api/visits').map(query);
}

/** A phone-narrow screen, as the browser's media query reports it. */
function onAPhone() {
  vi.stubGlobal('matchMedia', (media: string) => ({
    matches: media.includes('max-width'),
    media,
    addEventListener: vi.fn(),
    removeEventListener: vi.fn(),
  }));
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(EVE_OF_THE_VISIT);
});

afterEach(() => {
  vi.useRealTimers();
});

describe('the month calendar of visits', () => {
  it('lays the month out from Monday with each visit on its day, its time, theme and places to fill', async () => {
    const gateway = fakeGateway({
      'GET /api/visits': visitsAnswer([lastDayOfAugust, draftOnTheTwelfth, dandelion, cancelledOnTheThird]),
      'GET /api/visits/{id}/staffing': { body: staffing },
    });
    renderApp('/visits?view=calendar&month=2026-09');

    expect(await screen.findByRole('heading', { level: 2, name: 'September 2026' })).toBeInTheDocument();
    const month = await screen.findByRole('table', { name: 'Visits in September 2026' });
    expect(within(month).getAllByRole('columnheader').map((header) => header.textContent)).toEqual([
      'Mon',
      'Tue',
      'Wed',
      'Thu',
      'Fri',
      'Sat',
      'Sun',
    ]);
    expect(within(month).getAllByRole('row')).toHaveLength(1 + 5);

    const theTwentySixth = within(month).getByRole('list', { name: 'Visits on Saturday, September 26, 2026' });
    const board = within(theTwentySixth).getByRole('link', { name: /^09:30\sAM 共谱祖国颂，工筑少年梦$/ });
    expect(board).toHaveAttribute('href', `/visits/${VISIT_ID}`);
    expect(await within(theTwentySixth).findByText('2 places to fill')).toBeInTheDocument();

    const theTwelfth = within(month).getByRole('list', { name: 'Visits on Saturday, September 12, 2026' });
    expect(within(theTwelfth).getByText('Draft')).toBeInTheDocument();

    // Only what starts in September: the last day of August is greyed and empty, October's visit is not shown.
    expect(screen.queryByText('Summer reading club')).toBeNull();
    expect(screen.queryByText('Mid-Autumn mooncake workshop')).toBeNull();
    const august = within(month).getByLabelText('Monday, August 31, 2026').closest('td');
    expect(august).toHaveClass('outside');
    expect(screen.getByText('2 visits')).toHaveAttribute('role', 'status');

    const today = within(month).getByLabelText('Friday, September 25, 2026').closest('td');
    expect(today).toHaveAttribute('aria-current', 'date');
    expect(within(today as HTMLElement).getByText('Today')).toBeInTheDocument();

    expect(visitSearches(gateway.requests)).toEqual([{ from: '2026-08-31', to: '2026-10-02', page: '0', size: '200' }]);
    expect(screen.getByText(/^A month of visits, each on the day it starts at its site/)).toBeInTheDocument();
    const switcher = screen.getByRole('navigation', { name: 'Show as' });
    expect(within(switcher).getByRole('link', { name: 'Calendar' })).toHaveAttribute('aria-current', 'page');
    expect(within(switcher).getByRole('link', { name: 'List' })).not.toHaveAttribute('aria-current');
  });

  it('moves a month at a time and back to today, keeping the month in the address', async () => {
    const gateway = fakeGateway({
      'GET /api/visits': (request) =>
        query(request).from === '2026-09-30'
          ? visitsAnswer([dandelion, cancelledOnTheThird])
          : visitsAnswer([lastDayOfAugust, dandelion]),
      'GET /api/visits/{id}/staffing': { body: staffing },
    });
    const { router } = renderApp('/visits?view=calendar&month=2026-09');
    await screen.findByRole('table', { name: 'Visits in September 2026' });

    fireEvent.click(screen.getByRole('link', { name: 'Next month' }));
    const october = await screen.findByRole('table', { name: 'Visits in October 2026' });
    expect(router.state.location.search).toBe('?view=calendar&month=2026-10');
    const theThird = within(october).getByRole('list', { name: 'Visits on Saturday, October 3, 2026' });
    expect(within(theThird).getByRole('link', { name: /Mid-Autumn mooncake workshop$/ })).toBeInTheDocument();
    // Called off: said so, and its staffing is not asked for.
    expect(within(theThird).getByText('Cancelled')).toBeInTheDocument();
    expect(within(theThird).queryByText(/place/)).toBeNull();
    expect(within(october).queryByText('Today')).toBeNull();

    fireEvent.click(screen.getByRole('link', { name: 'Previous month' }));
    fireEvent.click(await screen.findByRole('link', { name: 'Previous month' }));
    const august = await screen.findByRole('table', { name: 'Visits in August 2026' });
    expect(within(august).getByRole('list', { name: 'Visits on Monday, August 31, 2026' })).toHaveTextContent(
      'Summer reading club',
    );

    fireEvent.click(screen.getByRole('link', { name: 'Today' }));
    expect(await screen.findByRole('table', { name: 'Visits in September 2026' })).toBeInTheDocument();
    expect(router.state.location.search).toBe('?view=calendar&month=2026-09');
    expect(
      gateway.requests.filter((request) => request.path.endsWith('/staffing')).map((request) => request.path),
    ).not.toContain('/api/visits/v-cancelled/staffing');
  });

  it('lists only the days with visits on a phone, each under its date in words', async () => {
    onAPhone();
    fakeGateway({
      'GET /api/visits': visitsAnswer([draftOnTheTwelfth, dandelion]),
      'GET /api/visits/{id}/staffing': { body: [{ ...staffing[0], confirmed: 1, gaps: 0 }] },
    });
    renderApp('/visits?view=calendar&month=2026-09');

    const agenda = await screen.findByRole('list', { name: 'Visits in September 2026' });
    expect(screen.queryByRole('table')).toBeNull();
    expect(within(agenda).getAllByRole('heading', { level: 3 }).map((heading) => heading.textContent)).toEqual([
      'Saturday, September 12, 2026',
      'Saturday, September 26, 2026',
    ]);
    const theTwentySixth = within(agenda).getByRole('list', { name: 'Visits on Saturday, September 26, 2026' });
    expect(await within(theTwentySixth).findByText('Fully staffed')).toBeInTheDocument();
  });

  it('marks today in the phone list when a visit falls on it', async () => {
    onAPhone();
    fakeGateway({
      'GET /api/visits': visitsAnswer([{ ...draftOnTheTwelfth, startsAt: '2026-09-25T19:00:00', endsAt: '2026-09-25T21:00:00' }]),
      'GET /api/visits/{id}/staffing': { body: staffing },
    });
    renderApp('/visits?view=calendar&month=2026-09');

    const agenda = await screen.findByRole('list', { name: 'Visits in September 2026' });
    const today = within(agenda).getByRole('heading', { level: 3 }).closest('li');
    expect(today).toHaveAttribute('aria-current', 'date');
    expect(within(today as HTMLElement).getByText('Today')).toBeInTheDocument();
  });

  it('reads a busy month a page at a time until every visit is there', async () => {
    const gateway = fakeGateway({
      'GET /api/visits': (request) => {
        const page = Number(query(request).page);
        const item = page === 0 ? dandelion : draftOnTheTwelfth;
        return { body: { items: page < 2 ? [item] : [], page, size: 200, total: 2 } };
      },
      'GET /api/visits/{id}/staffing': { body: staffing },
    });
    renderApp('/visits?view=calendar&month=2026-09');

    expect(await screen.findByRole('link', { name: /Couriers’ care day$/ })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: /共谱祖国颂，工筑少年梦$/ })).toBeInTheDocument();
    expect(visitSearches(gateway.requests).map((search) => search.page)).toEqual(['0', '1']);
  });

  it('says a visit’s staffing is not known when volunteer-service cannot say, and keeps the rest', async () => {
    fakeGateway({
      'GET /api/visits': visitsAnswer([dandelion]),
      'GET /api/visits/{id}/staffing': problem(503, 'Service Unavailable', 'volunteer-service is not answering'),
    });
    renderApp('/visits?view=calendar&month=2026-09');

    expect(await screen.findByText('Staffing not known')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: /共谱祖国颂，工筑少年梦$/ })).toBeInTheDocument();
  });

  it('says so for a month without visits, and shows the problem with a retry when visits cannot be read', async () => {
    let fail = true;
    fakeGateway({
      'GET /api/visits': () =>
        fail ? problem(503, 'Service Unavailable', 'event-service is not answering') : visitsAnswer([]),
    });
    renderApp('/visits?view=calendar&month=2026-11');

    expect(await screen.findByText('event-service is not answering')).toBeInTheDocument();
    fail = false;
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText('No visits in November 2026.')).toBeInTheDocument();
  });

  it('opens on the current month from the list, and an unreadable month in the address means this one', async () => {
    fakeGateway({
      'GET /api/visits': visitsAnswer([dandelion]),
      'GET /api/visits/{id}/staffing': { body: staffing },
    });
    const { router } = renderApp('/visits');
    await screen.findByRole('list', { name: 'Upcoming visits' });
    fireEvent.click(screen.getByRole('link', { name: 'Calendar' }));
    expect(await screen.findByRole('table', { name: 'Visits in September 2026' })).toBeInTheDocument();
    expect(router.state.location.search).toBe('?view=calendar&month=2026-09');

    fireEvent.click(screen.getByRole('link', { name: 'List' }));
    expect(await screen.findByRole('list', { name: 'Upcoming visits' })).toBeInTheDocument();

    await router.navigate('/visits?view=calendar&month=2026-13');
    expect(await screen.findByRole('heading', { level: 2, name: 'September 2026' })).toBeInTheDocument();
  });

  it('speaks Chinese when chosen', async () => {
    fakeGateway({
      'GET /api/visits': visitsAnswer([dandelion]),
      'GET /api/visits/{id}/staffing': { body: staffing },
    });
    renderApp('/visits?view=calendar&month=2026-09', { language: 'zh-CN' });

    expect(await screen.findByRole('heading', { level: 2, name: '2026年9月' })).toBeInTheDocument();
    const month = await screen.findByRole('table', { name: '2026年9月的走访' });
    expect(within(month).getAllByRole('columnheader')[0]).toHaveTextContent('周一');
    const theTwentySixth = within(month).getByRole('list', { name: '2026年9月26日星期六的走访' });
    expect(await within(theTwentySixth).findByText('尚缺 2 人')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: '下个月' })).toBeInTheDocument();
    expect(within(month).getByText('今天')).toBeInTheDocument();
  });
});
