import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { describe, expect, it } from 'vitest';
import type { Assignment } from '../../api/types';
import { Session } from '../../app/Session';
import { I18nProvider } from '../../i18n/I18n';
import type { Language } from '../../i18n/messages';
import { fakeGateway, problem } from '../../test/fakeGateway';
import { BIM_TALK, hoursStatement, QIAO, RECITATION, staffedLines, talkPlace, VISIT_ID, visit } from '../../test/fixtures';
import { COORDINATOR, renderApp } from '../../test/render';
import { VisitDay, type ItemAssignments } from './VisitDay';

const dayVisit = {
  ...visit,
  programme: (visit.programme ?? []).map((item) => ({ ...item, durationMinutes: 40 })),
};

const teamPlace: Assignment = { id: 'assignment-2', itemId: RECITATION, role: 'TEAM', teamId: 'team-xiaomi', volunteerId: 'lead-1', status: 'CHECKED_IN', checkedInAt: '2026-09-26T01:20:00Z' };

/** The visit day with a list of people per item (the app has no such source yet: the test stands one in). */
function renderDay(
  list: ItemAssignments,
  { now = new Date('2026-09-26T02:40:00Z'), language = 'en' }: { now?: Date; language?: Language } = {},
) {
  const router = createMemoryRouter(
    [{ path: '/visits/:visitId/day', element: <VisitDay itemAssignments={list} now={() => now} /> }],
    { initialEntries: [`/visits/${VISIT_ID}/day`] },
  );
  return render(
    <I18nProvider initial={language}>
      <Session load={() => Promise.resolve(COORDINATOR)}>
        <RouterProvider router={router} />
      </Session>
    </I18nProvider>,
  );
}

function dayGateway(routes: Parameters<typeof fakeGateway>[0] = {}) {
  return fakeGateway({
    [`GET /api/visits/${VISIT_ID}`]: { body: dayVisit },
    'GET /api/visits/{id}/staffing': { body: staffedLines },
    [`GET /api/volunteers/${QIAO}`]: { body: { id: QIAO, name: 'Qiao Yuanhui' } },
    'GET /api/teams/team-xiaomi': { body: { id: 'team-xiaomi', name: '小米青年志愿服务队' } },
    ...routes,
  });
}

const byItem: ItemAssignments = (itemId) => Promise.resolve(itemId === BIM_TALK ? [talkPlace] : [teamPlace]);

describe('the visit day', () => {
  it('lists each programme item in order with its people, their times in the site’s zone', async () => {
    dayGateway();
    renderDay(byItem);
    expect(await screen.findByRole('heading', { level: 1, name: /Visit day/ })).toBeInTheDocument();
    const items = await screen.findAllByRole('region');
    expect(items.map((item) => within(item).getByRole('heading', { level: 2 }).textContent)).toEqual([
      '09:30 AM Recitation 《读中国》',
      '10:30 AM Model-worker talk',
    ]);
    const recitation = within(items[0] as HTMLElement);
    expect(recitation.getByText('Whole team: 0 of 1 confirmed')).toBeInTheDocument();
    expect(await recitation.findByText('小米青年志愿服务队')).toBeInTheDocument();
    expect(recitation.getByText(/^In 09:20\sAM/)).toBeInTheDocument();
    expect(recitation.getByRole('button', { name: 'Check out 小米青年志愿服务队' })).toBeInTheDocument();

    const talk = within(items[1] as HTMLElement);
    expect(talk.getByText('speaker: 1 of 1 confirmed')).toBeInTheDocument();
    expect(await talk.findByText('Qiao Yuanhui')).toBeInTheDocument();
    expect(talk.getByText('Confirmed', { selector: '.badge' })).toBeInTheDocument();
    // The talk is not over: no no-show yet.
    expect(talk.queryByRole('button', { name: 'Qiao Yuanhui did not come' })).not.toBeInTheDocument();
  });

  it('checks in and out with one tap each, then certifies the hours', async () => {
    document.cookie = 'XSRF-TOKEN=day-token';
    const gateway = dayGateway({
      'POST /api/assignments/assignment-1/check-in': { body: { ...talkPlace, status: 'CHECKED_IN', checkedInAt: '2026-09-26T02:25:00Z' } },
      'POST /api/assignments/assignment-1/check-out': {
        body: { ...talkPlace, status: 'CHECKED_OUT', checkedInAt: '2026-09-26T02:25:00Z', checkedOutAt: '2026-09-26T03:10:00Z' },
      },
      [`GET /api/volunteers/${QIAO}/service-hours`]: { body: hoursStatement },
      'POST /api/assignments/assignment-1/hours/certify': {
        body: { ...hoursStatement, entries: [...(hoursStatement.entries ?? []), { assignmentId: 'assignment-1', kind: 'CERTIFIED', hours: 0.75 }] },
      },
    });
    const user = userEvent.setup();
    renderDay(byItem);
    const talk = within((await screen.findAllByRole('region'))[1] as HTMLElement);

    await user.click(await talk.findByRole('button', { name: 'Check in Qiao Yuanhui' }));
    expect(await talk.findByText('Qiao Yuanhui checked in at 10:25 AM.')).toHaveAttribute('role', 'status');
    expect(talk.getByText(/^In 10:25\sAM/)).toBeInTheDocument();
    const checkIn = gateway.requests.find((request) => request.path.endsWith('/check-in'));
    // One tap: no time is sent, the service records the present moment.
    expect(checkIn?.body).toBeUndefined();
    expect(checkIn?.headers.get('X-XSRF-TOKEN')).toBe('day-token');

    await user.click(talk.getByRole('button', { name: 'Check out Qiao Yuanhui' }));
    expect(await talk.findByText('Qiao Yuanhui checked out at 11:10 AM.')).toBeInTheDocument();
    expect(await talk.findByText('0.75 h, not certified yet')).toBeInTheDocument();

    await user.click(talk.getByRole('button', { name: 'Certify the hours of Qiao Yuanhui' }));
    expect(await talk.findByText('0.75 hours certified for Qiao Yuanhui.')).toBeInTheDocument();
    expect(talk.getByText('0.75 h, certified')).toBeInTheDocument();
    expect(talk.queryByRole('button', { name: 'Certify the hours of Qiao Yuanhui' })).not.toBeInTheDocument();
    expect(gateway.requests.filter((request) => request.method === 'POST').map((request) => request.path)).toEqual([
      '/api/assignments/assignment-1/check-in',
      '/api/assignments/assignment-1/check-out',
      '/api/assignments/assignment-1/hours/certify',
    ]);
  });

  it('records a no-show once the item is over', async () => {
    const gateway = dayGateway({ 'POST /api/assignments/assignment-1/no-show': { body: { ...talkPlace, status: 'NO_SHOW' } } });
    const user = userEvent.setup();
    renderDay(byItem, { now: new Date('2026-09-26T03:30:00Z') });
    const talk = within((await screen.findAllByRole('region'))[1] as HTMLElement);
    await user.click(await talk.findByRole('button', { name: 'Qiao Yuanhui did not come' }));
    expect(await talk.findByText('Qiao Yuanhui recorded as not come.')).toBeInTheDocument();
    expect(talk.getByText('Did not come', { selector: '.badge' })).toBeInTheDocument();
    expect(talk.queryByRole('button')).not.toBeInTheDocument();
    expect(gateway.requests.some((request) => request.path === '/api/assignments/assignment-1/no-show')).toBe(true);
  });

  it('shows why a check-in is refused next to the button, in the chosen language', async () => {
    dayGateway({
      'POST /api/assignments/assignment-1/check-in': problem(
        409,
        'Not the time to check in',
        "Check-in is open from two hours before 'Model-worker talk' until it ends",
      ),
    });
    const user = userEvent.setup();
    renderDay(byItem, { language: 'zh-CN' });
    const talk = within((await screen.findAllByRole('region'))[1] as HTMLElement);
    const button = await talk.findByRole('button', { name: '为Qiao Yuanhui签到' });
    await user.click(button);
    expect(await talk.findByRole('alert')).toHaveTextContent('签到时间为节目开始前两小时至节目结束。');
    expect(button).toHaveAccessibleDescription(/签到时间为节目开始前两小时至节目结束/);
    expect(button).toBeEnabled();
  });

  it('has big buttons for thumbs', async () => {
    dayGateway();
    renderDay(byItem);
    const button = await screen.findByRole('button', { name: 'Check in Qiao Yuanhui' });
    expect(button).toHaveClass('button', 'big');
  });

  it('is not routed while the service cannot list an item’s people', async () => {
    dayGateway();
    renderApp(`/visits/${VISIT_ID}/day`);
    expect(await screen.findByText('There is no such page.')).toBeInTheDocument();
  });
});
