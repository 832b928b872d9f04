import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeGateway, problem } from '../../test/fakeGateway';
import { BIM_TALK, QIAO, RECITATION, staffing, suggestions, teams, VISIT_ID, visit } from '../../test/fixtures';
import { renderApp } from '../../test/render';

function boardGateway(offer: Parameters<typeof fakeGateway>[0][string]) {
  return fakeGateway({
    [`GET /api/visits/${VISIT_ID}`]: { body: visit },
    'GET /api/visits/{id}/staffing': { body: staffing },
    'GET /api/programme-items/{id}/suggestions': { body: suggestions },
    'GET /api/teams': { body: teams },
    'POST /api/programme-items/{id}/assignments': offer,
  });
}

/** The browser's clock reads `at` (timers stay real, so that waiting for the page still works). */
function today(at: string) {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date(at));
}

afterEach(() => {
  vi.useRealTimers();
});

const offered = { status: 201, body: { id: 'assignment-1', itemId: BIM_TALK, role: 'speaker', volunteerId: QIAO, status: 'OFFERED' } };

describe('the staffing board', () => {
  it('shows every item and role with needed, confirmed, offered, waitlisted and gaps', async () => {
    today('2026-09-12T02:00:00Z');
    boardGateway(offered);
    renderApp(`/visits/${VISIT_ID}`);
    expect(await screen.findByRole('heading', { level: 1, name: /共谱祖国颂，工筑少年梦/ })).toBeInTheDocument();
    expect(screen.getByText('400 people expected')).toBeInTheDocument();
    expect(screen.getByText(/Times are in the site’s time zone \(Asia\/Shanghai, GMT\+8\)/)).toBeInTheDocument();

    const talk = await screen.findByRole('region', { name: /Model-worker talk/ });
    expect(within(talk).getByRole('heading', { level: 2 })).toHaveTextContent(/^10:30\sAM Model-worker talk$/);
    expect(within(talk).getByRole('heading', { level: 3, name: 'speaker' })).toBeInTheDocument();
    expect(within(talk).getByText('Skills: talk and BIM')).toBeInTheDocument();
    const counts = Object.fromEntries(
      within(talk)
        .getAllByRole('term')
        .map((term) => [term.textContent, term.nextElementSibling?.textContent]),
    );
    expect(counts).toEqual({ Needed: '1', Confirmed: '0', Offered: '0', Waitlisted: '0', 'To fill': '1' });

    const recitation = screen.getByRole('region', { name: /Recitation/ });
    expect(within(recitation).getByRole('heading', { level: 3, name: 'Whole team' })).toBeInTheDocument();

    // Two weeks before the visit, its day is not yet on.
    expect(screen.queryByRole('link', { name: 'Visit day: check-in' })).toBeNull();
    expect(screen.getByRole('link', { name: 'Donations for this visit' })).toHaveAttribute('href', `/visits/${VISIT_ID}/donations`);
  });

  it('leads to the visit day’s check-in on the day', async () => {
    today('2026-09-26T00:30:00Z');
    const gateway = fakeGateway({
      [`GET /api/visits/${VISIT_ID}`]: { body: visit },
      'GET /api/visits/{id}/staffing': { body: staffing },
      'GET /api/programme-items/{itemId}/assignments': { body: [] },
    });
    const user = userEvent.setup();
    renderApp(`/visits/${VISIT_ID}`);
    const link = await screen.findByRole('link', { name: 'Visit day: check-in' });
    expect(link).toHaveAttribute('href', `/visits/${VISIT_ID}/day`);

    await user.click(link);
    expect(await screen.findByRole('heading', { level: 1, name: /Visit day/ })).toBeInTheDocument();
    await waitFor(() => expect(screen.getAllByText('Nobody has a place on this item.')).toHaveLength(2));
    expect(gateway.requests.some((request) => request.path === `/api/programme-items/${BIM_TALK}/assignments`)).toBe(true);
  });

  it('suggests volunteers with their reasons, and offers one the place', async () => {
    document.cookie = 'XSRF-TOKEN=board-token';
    const gateway = boardGateway(offered);
    const user = userEvent.setup();
    renderApp(`/visits/${VISIT_ID}`);

    const suggest = await screen.findByRole('button', { name: 'Suggest volunteers for speaker in Model-worker talk' });
    await user.click(suggest);
    expect(suggest).toHaveAttribute('aria-expanded', 'true');
    const panel = await screen.findByRole('region', { name: 'Suggestions for speaker in Model-worker talk' });
    expect(await within(panel).findByText('Qiao Yuanhui')).toBeInTheDocument();
    const reasons = within(panel).getAllByRole('listitem').filter((item) => item.closest('.reasons'));
    expect(reasons.map((item) => item.textContent)).toEqual([
      'Has talk and BIM',
      'Said they are available then',
      'No clash with their other places',
      '0 hours served in the last 90 days',
      'Lives in the site’s district, 大兴区',
    ]);
    const asked = gateway.requests.find((request) => request.path.endsWith('/suggestions'));
    expect(asked?.path).toBe(`/api/programme-items/${BIM_TALK}/suggestions`);
    expect(asked?.search).toBe('?role=speaker');

    await user.click(within(panel).getByRole('button', { name: 'Offer speaker in Model-worker talk to Qiao Yuanhui' }));
    expect(await within(panel).findByText('Offered to Qiao Yuanhui.')).toHaveAttribute('role', 'status');
    const offer = gateway.requests.find((request) => request.method === 'POST');
    expect(offer?.path).toBe(`/api/programme-items/${BIM_TALK}/assignments`);
    expect(offer?.body).toEqual({ role: 'speaker', volunteerId: QIAO });
    expect(offer?.headers.get('X-XSRF-TOKEN')).toBe('board-token');
    // The board is read again, so its counts follow the offer.
    await waitFor(() => expect(gateway.requests.filter((request) => request.path.endsWith('/staffing'))).toHaveLength(2));
  });

  it('shows a double booking next to the offer, and offers anyway with a reason', async () => {
    let attempts = 0;
    const gateway = boardGateway(() => {
      attempts += 1;
      return attempts === 1
        ? problem(
            409,
            'Double booking',
            "Overlaps 'Chorus' at 蒲公英中学, 10:00–10:40 (Asia/Shanghai). A coordinator may override with overrideReason.",
            { conflict: { itemTitle: 'Chorus' } },
          )
        : offered;
    });
    const user = userEvent.setup();
    renderApp(`/visits/${VISIT_ID}`, { language: 'zh-CN' });

    await user.click(await screen.findByRole('button', { name: '为“Model-worker talk”的speaker岗位推荐志愿者' }));
    const offerButton = await screen.findByRole('button', { name: '邀请Qiao Yuanhui担任“Model-worker talk”的speaker' });
    await user.click(offerButton);

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('这样会造成此人时间重复安排。');
    expect(within(alert).getByText(/Overlaps 'Chorus'/)).toHaveAttribute('lang', 'en');
    expect(offerButton).toHaveAccessibleDescription(/这样会造成此人时间重复安排/);

    await user.type(screen.getByRole('textbox', { name: '仍要重复安排的理由' }), 'Chorus ends before the talk');
    await user.click(screen.getByRole('button', { name: '仍然邀请' }));
    expect(await screen.findByText('已向Qiao Yuanhui发出邀请。')).toBeInTheDocument();
    const offers = gateway.requests.filter((request) => request.method === 'POST');
    expect(offers.map((request) => request.body)).toEqual([
      { role: 'speaker', volunteerId: QIAO },
      { role: 'speaker', volunteerId: QIAO, overrideReason: 'Chorus ends before the talk' },
    ]);
  });

  it('offers a whole team’s slot to a chosen team', async () => {
    const gateway = boardGateway({ status: 201, body: { id: 'assignment-2', itemId: RECITATION, role: 'TEAM', teamId: 'team-xiaomi', status: 'OFFERED' } });
    const user = userEvent.setup();
    renderApp(`/visits/${VISIT_ID}`);
    const recitation = await screen.findByRole('region', { name: /Recitation/ });
    const offer = await within(recitation).findByRole('button', { name: 'Offer Recitation 《读中国》 to a team' });
    expect(offer).toBeDisabled();
    await user.selectOptions(within(recitation).getByRole('combobox', { name: 'Team' }), '小米青年志愿服务队');
    await user.click(within(recitation).getByRole('button', { name: 'Offer Recitation 《读中国》 to a team' }));
    expect(await within(recitation).findByText('Offered to 小米青年志愿服务队.')).toBeInTheDocument();
    expect(gateway.requests.find((request) => request.method === 'POST')?.body).toEqual({ teamId: 'team-xiaomi' });
  });

  it('shows field errors by their translated names', async () => {
    boardGateway({
      status: 400,
      body: {
        type: 'https://caravan.example/problems/invalid-request',
        title: 'Invalid request',
        status: 400,
        detail: 'Some fields are not valid',
        errors: [{ field: 'volunteerId', message: 'no volunteer 7e1b2c3d' }],
      },
    });
    const user = userEvent.setup();
    renderApp(`/visits/${VISIT_ID}`);
    await user.click(await screen.findByRole('button', { name: 'Suggest volunteers for speaker in Model-worker talk' }));
    await user.click(await screen.findByRole('button', { name: 'Offer speaker in Model-worker talk to Qiao Yuanhui' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Some of what was sent is not valid.');
    expect(alert).toHaveTextContent('Volunteer: no volunteer 7e1b2c3d');
  });
});
