import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeGateway, problem } from '../../test/fakeGateway';
import { bookHandOver, confirmedTalk, placements, talkPlace, VISIT_ID, visitWithAddress } from '../../test/fixtures';
import { renderApp, VOLUNTEER } from '../../test/render';

/** The browser's clock reads `at` (timers stay real, so that waiting for the page still works). */
function today(at: string) {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date(at));
}

afterEach(() => {
  vi.useRealTimers();
});

const plain = (text: string | null) => (text ?? '').replace(/[\u00a0\u2009\u202f]/g, ' ');

/** The talk moved onto the book hand-over's time: Qiao is asked to reconfirm it. */
const movedTalk = { ...confirmedTalk, reconfirmationRequestedAt: '2026-09-21T01:00:00Z' };

/** volunteer-service's answer when a place would overlap the book hand-over (35 minutes' travel apart). */
const clashWithBooks = problem(409, 'Double booking', "Overlaps 'Book hand-over' at Xihongmen street centre, 2026-09-27 10:00–11:00 (Asia/Shanghai). Withdraw one of them first.", {
  conflict: {
    assignmentId: bookHandOver.id,
    itemTitle: 'Book hand-over',
    site: 'Xihongmen street centre',
    startsAt: '2026-09-27T02:00:00Z',
    endsAt: '2026-09-27T03:00:00Z',
    travelMinutes: 35,
  },
});

describe('my assignments', () => {
  it('lists the offers with their time in the site’s zone, and accepts one', async () => {
    document.cookie = 'XSRF-TOKEN=volunteer-token';
    const gateway = fakeGateway({
      'GET /api/volunteers/me/assignments': { body: placements },
      'POST /api/assignments/{id}/accept': { body: { ...placements[0], status: 'CONFIRMED' } },
    });
    const user = userEvent.setup();
    renderApp('/assignments', { me: VOLUNTEER });

    const offer = await screen.findByRole('article', { name: 'Model-worker talk' });
    expect(within(offer).getByText(/^Sat, Sep 26, 2026, 10:30\s?–\s?11:10\sAM GMT\+8$/)).toBeInTheDocument();
    expect(within(offer).getByText('Role: speaker')).toBeInTheDocument();
    expect(within(offer).getByText('Offered')).toBeInTheDocument();
    expect(within(offer).getByText(/^Answer by Tue, Sep 22, 2026, 09:00\sAM GMT\+8$/)).toBeInTheDocument();

    await user.click(within(offer).getByRole('button', { name: 'Accept Model-worker talk' }));
    expect(await within(offer).findByText('Your answer was recorded: Confirmed.')).toHaveAttribute('role', 'status');
    expect(within(offer).getByText('Confirmed', { selector: '.badge' })).toBeInTheDocument();
    expect(within(offer).queryByRole('button', { name: 'Accept Model-worker talk' })).not.toBeInTheDocument();
    const accept = gateway.requests.find((request) => request.method === 'POST');
    expect(accept?.path).toBe('/api/assignments/assignment-1/accept');
    expect(accept?.headers.get('X-XSRF-TOKEN')).toBe('volunteer-token');
  });

  it('shows why an answer was refused next to the buttons, in the chosen language', async () => {
    fakeGateway({
      'GET /api/volunteers/me/assignments': { body: placements },
      'POST /api/assignments/{id}/decline': problem(409, 'Offer expired', 'The offer expired at 2026-09-22T01:00:00Z'),
    });
    const user = userEvent.setup();
    renderApp('/assignments', { me: VOLUNTEER, language: 'zh-CN' });
    const decline = await screen.findByRole('button', { name: '谢绝“Model-worker talk”' });
    await user.click(decline);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('邀请已过期。');
    expect(alert).toHaveTextContent('技术支持参考编号：4bf92f3577b34da6a3ce929d0e0e4736');
    expect(decline).toHaveAccessibleDescription(/邀请已过期/);
    expect(decline).toBeEnabled();
  });

  it('says so when there are none', async () => {
    fakeGateway({ 'GET /api/volunteers/me/assignments': { body: [] } });
    renderApp('/assignments', { me: VOLUNTEER });
    expect(await screen.findByText('You have no assignments yet.')).toBeInTheDocument();
  });

  it('shows the site’s address and a map of it for a place still to come', async () => {
    today('2026-09-21T02:00:00Z');
    const gateway = fakeGateway({
      'GET /api/volunteers/me/assignments': { body: [confirmedTalk] },
      [`GET /api/visits/${VISIT_ID}`]: { body: visitWithAddress },
    });
    renderApp('/assignments', { me: VOLUNTEER });
    const place = await screen.findByRole('article', { name: 'Model-worker talk' });
    expect(await within(place).findByText('Address: 北京市大兴区西红门镇寿保庄村')).toBeInTheDocument();
    const map = within(place).getByRole('link', { name: 'Map of 蒲公英中学 Dandelion School (opens in a new tab)' });
    expect(map).toHaveAttribute('href', 'https://www.openstreetmap.org/?mlat=39.7796&mlon=116.3321#map=17/39.7796/116.3321');
    expect(map).toHaveAttribute('target', '_blank');
    expect(map).toHaveAttribute('rel', 'noopener noreferrer');
    expect(gateway.requests.filter((request) => request.path === `/api/visits/${VISIT_ID}`)).toHaveLength(1);
  });
});

describe('withdrawing from a place', () => {
  it('asks first, then sends the reason and shows the place as withdrawn', async () => {
    today('2026-09-21T02:00:00Z');
    document.cookie = 'XSRF-TOKEN=volunteer-token';
    const gateway = fakeGateway({
      'GET /api/volunteers/me/assignments': { body: [confirmedTalk, bookHandOver] },
      'POST /api/assignments/{id}/withdraw': { body: { ...talkPlace, status: 'WITHDRAWN', answeredAt: '2026-09-21T02:00:00Z' } },
    });
    const user = userEvent.setup();
    renderApp('/assignments', { me: VOLUNTEER });

    const place = await screen.findByRole('article', { name: 'Model-worker talk' });
    const open = within(place).getByRole('button', { name: 'I can no longer come to Model-worker talk' });
    await user.click(open);
    expect(open).toHaveAttribute('aria-expanded', 'true');
    // Thought better of it: nothing is sent, and the keyboard is back where it was.
    await user.click(within(place).getByRole('button', { name: 'Keep my place' }));
    expect(within(place).queryByRole('form')).not.toBeInTheDocument();
    expect(open).toHaveFocus();

    await user.click(open);
    const form = within(place).getByRole('form', { name: 'Withdraw from Model-worker talk' });
    expect(form).toHaveTextContent('Your place goes to the next person waiting, and the coordinator is told.');
    await user.type(within(form).getByRole('textbox', { name: 'Reason (optional; the coordinator reads it)' }), '  My daughter is ill ');
    expect(gateway.requests.filter((request) => request.method === 'POST')).toHaveLength(0);
    await user.click(within(form).getByRole('button', { name: 'Yes, withdraw' }));

    const said = await within(place).findByText('You withdrew from Model-worker talk. The coordinator is told.');
    expect(said).toHaveAttribute('role', 'status');
    expect(said).toHaveFocus();
    expect(within(place).getByText('Withdrawn', { selector: '.badge' })).toBeInTheDocument();
    expect(within(place).queryByRole('button', { name: /no longer come/ })).not.toBeInTheDocument();
    // The other place is as it was.
    const other = screen.getByRole('article', { name: 'Book hand-over' });
    expect(within(other).getByText('Confirmed', { selector: '.badge' })).toBeInTheDocument();
    const sent = gateway.requests.filter((request) => request.method === 'POST');
    expect(sent).toHaveLength(1);
    expect(sent[0]?.path).toBe('/api/assignments/assignment-1/withdraw');
    expect(sent[0]?.body).toEqual({ reason: 'My daughter is ill' });
    expect(sent[0]?.headers.get('X-XSRF-TOKEN')).toBe('volunteer-token');
  });

  it('leaves a waiting list without a reason, saying that none was given', async () => {
    today('2026-09-21T02:00:00Z');
    const waiting = { ...confirmedTalk, status: 'WAITLISTED' as const, waitlistOrder: 1 };
    const gateway = fakeGateway({
      'GET /api/volunteers/me/assignments': { body: [waiting] },
      'POST /api/assignments/{id}/withdraw': { body: { ...talkPlace, status: 'WITHDRAWN' } },
    });
    const user = userEvent.setup();
    renderApp('/assignments', { me: VOLUNTEER, language: 'zh-CN' });
    await user.click(await screen.findByRole('button', { name: '我无法参加“Model-worker talk”了' }));
    const form = screen.getByRole('form', { name: '退出“Model-worker talk”' });
    expect(form).toHaveTextContent('您将退出候补名单，并通知协调员。');
    expect(within(form).getByRole('button', { name: '继续候补' })).toBeInTheDocument();
    await user.click(within(form).getByRole('button', { name: '确定退出' }));
    expect(await screen.findByText('您已退出“Model-worker talk”的候补名单，已通知协调员。')).toHaveFocus();
    expect(gateway.requests.find((request) => request.method === 'POST')?.body).toEqual({ reason: '未说明原因。' });
  });

  it('is not offered once the item has started, nor for an offer (which is declined instead)', async () => {
    today('2026-09-26T02:45:00Z');
    fakeGateway({ 'GET /api/volunteers/me/assignments': { body: [confirmedTalk, { ...bookHandOver, status: 'OFFERED' }] } });
    renderApp('/assignments', { me: VOLUNTEER });
    expect(await screen.findByRole('article', { name: 'Model-worker talk' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Decline Book hand-over' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /no longer come/ })).not.toBeInTheDocument();
  });
});

describe('reconfirming a moved place', () => {
  it('explains in words which place it still clashes with, and leads there', async () => {
    today('2026-09-21T02:00:00Z');
    const gateway = fakeGateway({
      'GET /api/volunteers/me/assignments': { body: [movedTalk, bookHandOver] },
      'POST /api/assignments/{id}/reconfirm': clashWithBooks,
    });
    const user = userEvent.setup();
    renderApp('/assignments', { me: VOLUNTEER });

    const place = await screen.findByRole('article', { name: 'Model-worker talk' });
    expect(within(place).getByText('The visit changed: please confirm you can still come.')).toBeInTheDocument();
    const reconfirm = within(place).getByRole('button', { name: 'I can still come to Model-worker talk' });
    await user.click(reconfirm);

    const alert = await within(place).findByRole('alert');
    expect(alert).toHaveTextContent('This would double-book the person.');
    expect(plain(within(alert).getByText(/^It overlaps/).textContent)).toBe(
      'It overlaps your place on “Book hand-over” at Xihongmen street centre, Sun, Sep 27, 2026, 10:00 – 11:00 AM GMT+8, ' +
        'counting 35 minutes of travel between the sites. Withdraw from one of the two, then confirm the other.',
    );
    expect(reconfirm).toHaveAccessibleDescription(/It overlaps your place on “Book hand-over”/);
    expect(reconfirm).toBeEnabled();
    expect(gateway.requests.find((request) => request.method === 'POST')?.path).toBe('/api/assignments/assignment-1/reconfirm');

    await user.click(within(alert).getByRole('button', { name: 'Go to “Book hand-over”' }));
    expect(screen.getByRole('heading', { name: 'Book hand-over' })).toHaveFocus();
  });

  it('keeps the place once the clash is gone, and stops asking', async () => {
    today('2026-09-21T02:00:00Z');
    fakeGateway({
      'GET /api/volunteers/me/assignments': { body: [movedTalk] },
      // volunteer-service writes the request it no longer has as null.
      'POST /api/assignments/{id}/reconfirm': { body: { ...talkPlace, reconfirmationRequestedAt: null } },
    });
    const user = userEvent.setup();
    renderApp('/assignments', { me: VOLUNTEER });
    const place = await screen.findByRole('article', { name: 'Model-worker talk' });
    await user.click(within(place).getByRole('button', { name: 'I can still come to Model-worker talk' }));
    expect(await within(place).findByText('Thank you: you keep your place on Model-worker talk.')).toHaveFocus();
    expect(within(place).queryByText('The visit changed: please confirm you can still come.')).not.toBeInTheDocument();
    expect(within(place).queryByRole('button', { name: /still come/ })).not.toBeInTheDocument();
    expect(within(place).getByRole('button', { name: 'I can no longer come to Model-worker talk' })).toBeInTheDocument();
  });

  it('explains a refused acceptance the same way, in Chinese', async () => {
    today('2026-09-21T02:00:00Z');
    fakeGateway({
      'GET /api/volunteers/me/assignments': { body: [...placements, bookHandOver] },
      'POST /api/assignments/{id}/accept': clashWithBooks,
    });
    const user = userEvent.setup();
    renderApp('/assignments', { me: VOLUNTEER, language: 'zh-CN' });
    await user.click(await screen.findByRole('button', { name: '接受“Model-worker talk”' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('这样会造成此人时间重复安排。');
    expect(plain(within(alert).getByText(/^与您在/).textContent)).toMatch(
      /^与您在Xihongmen street centre的“Book hand-over”岗位时间重叠：2026\D+9\D+27.*10:00.*11:00（已计入两地之间 35 分钟路程）。 请先退出那个岗位，再接受这个。$/,
    );
  });
});
