import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { describe, expect, it } from 'vitest';
import type { ItemAssignment } from '../../api/types';
import { Session } from '../../app/Session';
import { I18nProvider } from '../../i18n/I18n';
import type { Language } from '../../i18n/messages';
import { onStream, stubEventSource } from '../../test/fakeEventSource';
import { fakeGateway, problem } from '../../test/fakeGateway';
import { BIM_TALK, DECLINED_NOTICE, hoursStatement, QIAO, RECITATION, staffedLines, talkPlace, VISIT_ID, visit } from '../../test/fixtures';
import { COORDINATOR, renderApp, VOLUNTEER } from '../../test/render';
import { VisitDay, type ItemAssignments } from './VisitDay';

const dayVisit = {
  ...visit,
  programme: (visit.programme ?? []).map((item) => ({ ...item, durationMinutes: 40 })),
};

const teamPlace: ItemAssignment = {
  id: 'assignment-2',
  itemId: RECITATION,
  role: 'TEAM',
  teamId: 'team-xiaomi',
  volunteerId: 'lead-1',
  status: 'CHECKED_IN',
  checkedInAt: '2026-09-26T01:20:00Z',
  name: '小米青年志愿服务队',
  leadName: '李队长',
};

const talkPerson: ItemAssignment = { ...talkPlace, name: 'Qiao Yuanhui' };

/** The visit day with a list of people per item stood in for volunteer-service's. */
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
    ...routes,
  });
}

const byItem: ItemAssignments = (itemId) => Promise.resolve(itemId === BIM_TALK ? [talkPerson] : [teamPlace]);

describe('the visit day', () => {
  it('lists each programme item in order with its people by name, their times in the site’s zone', async () => {
    const gateway = dayGateway();
    renderDay(byItem);
    expect(await screen.findByRole('heading', { level: 1, name: /Visit day/ })).toBeInTheDocument();
    const items = await screen.findAllByRole('region');
    expect(items.map((item) => within(item).getByRole('heading', { level: 2 }).textContent)).toEqual([
      '09:30 AM Recitation 《读中国》',
      '10:30 AM Model-worker talk',
    ]);
    const recitation = within(items[0] as HTMLElement);
    // The staffing lines come with their own answer, which may arrive after the items.
    expect(await recitation.findByText('Whole team: 0 of 1 confirmed')).toBeInTheDocument();
    expect(await recitation.findByText('小米青年志愿服务队')).toBeInTheDocument();
    expect(recitation.getByText(/led by 李队长/)).toBeInTheDocument();
    expect(recitation.getByText(/^In 09:20\sAM/)).toBeInTheDocument();
    expect(recitation.getByRole('button', { name: 'Check out 小米青年志愿服务队' })).toBeInTheDocument();

    const talk = within(items[1] as HTMLElement);
    expect(await talk.findByText('speaker: 1 of 1 confirmed')).toBeInTheDocument();
    expect(await talk.findByText('Qiao Yuanhui')).toBeInTheDocument();
    expect(talk.getByText('Confirmed', { selector: '.badge' })).toBeInTheDocument();
    // The talk is not over: no no-show yet.
    expect(talk.queryByRole('button', { name: 'Qiao Yuanhui did not come' })).not.toBeInTheDocument();
    // The names come with the list: no call per person.
    expect(gateway.requests.map((request) => request.path)).toEqual([`/api/visits/${VISIT_ID}`, `/api/visits/${VISIT_ID}/staffing`]);
  });

  it('keeps people with a place on the list, whatever else the item’s answer holds', async () => {
    dayGateway();
    renderDay((itemId) =>
      Promise.resolve(
        itemId === BIM_TALK
          ? [
              talkPerson,
              { ...talkPerson, id: 'offer', name: 'Xu Jiancheng', status: 'OFFERED' },
              { ...talkPerson, id: 'waiting', name: 'Yang Hui', status: 'WAITLISTED', waitlistOrder: 4 },
              { ...talkPerson, id: 'declined', name: 'Someone who declined', status: 'DECLINED' },
            ]
          : [],
      ),
    );
    const [recitation, talk] = (await screen.findAllByRole('region')) as [HTMLElement, HTMLElement];
    expect(await within(recitation).findByText('Nobody has a place on this item.')).toBeInTheDocument();
    const list = await within(talk).findByRole('list', { name: 'People on Model-worker talk' });
    expect(within(list).getAllByRole('listitem')).toHaveLength(1);
    expect(within(list).getByText('Qiao Yuanhui')).toBeInTheDocument();
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

  it('is routed for coordinators and lists each item’s people from volunteer-service', async () => {
    const gateway = dayGateway({
      'GET /api/programme-items/{itemId}/assignments': (request) => ({
        body: request.path === `/api/programme-items/${BIM_TALK}/assignments` ? [talkPerson] : [teamPlace],
      }),
    });
    renderApp(`/visits/${VISIT_ID}/day`, { language: 'zh-CN' });
    expect(await screen.findByRole('heading', { level: 1, name: /走访当天/ })).toBeInTheDocument();
    expect(await screen.findByRole('button', { name: '为Qiao Yuanhui签到' })).toBeInTheDocument();
    expect(await screen.findByText(/负责人：李队长/)).toBeInTheDocument();
    expect(
      gateway.requests
        .map((request) => request.path)
        .filter((path) => path.startsWith('/api/programme-items/'))
        .sort(),
    ).toEqual([`/api/programme-items/${BIM_TALK}/assignments`, `/api/programme-items/${RECITATION}/assignments`].sort());
    expect(screen.getByRole('link', { name: /人员安排表/ })).toHaveAttribute('href', `/visits/${VISIT_ID}`);
  });

  it('shows why an item’s list cannot be read, next to that item', async () => {
    dayGateway({
      'GET /api/programme-items/{itemId}/assignments': (request) =>
        request.path.includes(BIM_TALK) ? problem(404, 'Programme item not found', `No programme item ${BIM_TALK}`) : { body: [teamPlace] },
    });
    renderApp(`/visits/${VISIT_ID}/day`);
    const [recitation, talk] = (await screen.findAllByRole('region')) as [HTMLElement, HTMLElement];
    expect(await within(recitation).findByText('小米青年志愿服务队')).toBeInTheDocument();
    expect(await within(talk).findByRole('alert')).toBeInTheDocument();
  });

  it('reads the lists again when someone withdraws or a no-show is recorded elsewhere', async () => {
    stubEventSource();
    let withdrawn = false;
    dayGateway({
      'GET /api/programme-items/{itemId}/assignments': (request) => ({
        body: request.path.includes(BIM_TALK) ? [withdrawn ? { ...talkPerson, status: 'WITHDRAWN' } : talkPerson] : [],
      }),
    });
    renderApp(`/visits/${VISIT_ID}/day`);
    const talk = within((await screen.findAllByRole('region'))[1] as HTMLElement);
    expect(await talk.findByText('Qiao Yuanhui')).toBeInTheDocument();
    onStream((source) => source.open());
    withdrawn = true;
    onStream((source) => source.notice({ ...DECLINED_NOTICE, kind: 'VOLUNTEER_WITHDREW', title: 'Qiao Yuanhui withdrew' }));
    expect(await talk.findByText('Nobody has a place on this item.')).toBeInTheDocument();
  });

  it('stays closed to volunteers', async () => {
    dayGateway();
    renderApp(`/visits/${VISIT_ID}/day`, { me: VOLUNTEER });
    expect(await screen.findByText('There is nothing here for your roles yet.')).toBeInTheDocument();
  });
});
