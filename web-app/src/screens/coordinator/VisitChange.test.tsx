import { fireEvent, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { fakeGateway, problem } from '../../test/fakeGateway';
import { manifest, staffedLines, teams, VISIT_ID, visit } from '../../test/fixtures';
import { renderApp } from '../../test/render';

type Route = Parameters<typeof fakeGateway>[0][string];

function changeGateway(routes: Record<string, Route>, shown = visit) {
  return fakeGateway({
    [`GET /api/visits/${VISIT_ID}`]: { body: shown },
    'GET /api/visits/{id}/staffing': { body: staffedLines },
    'GET /api/teams': { body: teams },
    'GET /api/visits/{id}/donations': { body: manifest },
    ...routes,
  });
}

const rescheduled = { ...visit, startsAt: '2026-09-27T09:30:00', endsAt: '2026-09-27T11:30:00', version: 4 };
const plain = (text: string | null) => (text ?? '').replace(/[\u00a0\u2009\u202f]/g, ' ');

describe('rescheduling a visit', () => {
  it('shows who will be told and the programme’s new times, asks for a reason, then sends the new times', async () => {
    document.cookie = 'XSRF-TOKEN=change-token';
    const gateway = changeGateway({ 'POST /api/visits/{id}/reschedule': { body: rescheduled } });
    const user = userEvent.setup();
    renderApp(`/visits/${VISIT_ID}`);

    const open = await screen.findByRole('button', { name: 'Reschedule' });
    await user.click(open);
    expect(open).toHaveAttribute('aria-expanded', 'true');
    const form = screen.getByRole('form', { name: 'New time for the visit' });
    // Prefilled with the visit's times at the site, not the browser's (the tests run in Los Angeles).
    expect(within(form).getByLabelText('Start date')).toHaveValue('2026-09-26');
    expect(within(form).getByLabelText('Starts at')).toHaveValue('09:30');
    expect(within(form).getByLabelText('Ends at')).toHaveValue('11:30');

    const told = await within(form).findByRole('region', { name: 'Who will be told' });
    expect(told).toHaveTextContent('1 person with a confirmed place is told the new time and your reason:');
    expect(within(told).getAllByRole('listitem').map((item) => item.textContent)).toEqual(['Model-worker talk · speaker: 1']);

    await user.click(within(form).getByRole('button', { name: 'Confirm the new time' }));
    const reason = within(form).getByRole('textbox', { name: 'Reason (the people told read it)' });
    expect(reason).toHaveAttribute('aria-invalid', 'true');
    expect(reason).toHaveAccessibleDescription('Give a reason: the people told will read it.');
    expect(gateway.requests.filter((request) => request.method === 'POST')).toHaveLength(0);

    fireEvent.change(within(form).getByLabelText('Start date'), { target: { value: '2026-09-27' } });
    fireEvent.change(within(form).getByLabelText('End date'), { target: { value: '2026-09-27' } });
    expect(plain(within(form).getByText(/^Model-worker talk:/).textContent)).toBe(
      'Model-worker talk: Sat, Sep 26, 2026, 10:30 AM GMT+8 → Sun, Sep 27, 2026, 10:30 AM GMT+8',
    );
    await user.type(reason, 'The school hall is being repaired');
    await user.click(within(form).getByRole('button', { name: 'Confirm the new time' }));

    const done = await screen.findByText(/^The visit now takes place/);
    expect(done).toHaveAttribute('role', 'status');
    expect(done).toHaveFocus();
    expect(plain(done.textContent)).toBe('The visit now takes place Sun, Sep 27, 2026, 9:30 – 11:30 AM GMT+8. 1 person is being told.');
    const sent = gateway.requests.find((request) => request.method === 'POST');
    expect(sent?.path).toBe(`/api/visits/${VISIT_ID}/reschedule`);
    expect(sent?.body).toEqual({ startsAt: '2026-09-27T09:30:00', endsAt: '2026-09-27T11:30:00', reason: 'The school hall is being repaired' });
    expect(sent?.headers.get('If-Match')).toBe('"3"');
    expect(sent?.headers.get('X-XSRF-TOKEN')).toBe('change-token');
    // The board shows the new time, and reads its staffing again.
    expect(screen.queryByRole('form')).not.toBeInTheDocument();
    expect(screen.getAllByText(/Sun, Sep 27, 2026/).length).toBeGreaterThan(1);
    expect(gateway.requests.filter((request) => request.path.endsWith('/staffing'))).toHaveLength(2);
  });

  it('shows what the service says of a field next to that field', async () => {
    changeGateway({
      'POST /api/visits/{id}/reschedule': {
        status: 400,
        body: {
          type: 'https://caravan.example/problems/invalid-request',
          title: 'Invalid request',
          status: 400,
          detail: 'Some fields are not valid',
          errors: [{ field: 'endsAt', message: 'must be after startsAt, and at most 7 days after it' }],
        },
      },
    });
    const user = userEvent.setup();
    renderApp(`/visits/${VISIT_ID}`);
    await user.click(await screen.findByRole('button', { name: 'Reschedule' }));
    await user.type(screen.getByRole('textbox', { name: 'Reason (the people told read it)' }), 'Rain');
    await user.click(screen.getByRole('button', { name: 'Confirm the new time' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Some of what was sent is not valid.');
    expect(within(alert).queryByRole('list')).not.toBeInTheDocument();
    const end = screen.getByLabelText('End date');
    expect(end).toHaveAttribute('aria-invalid', 'true');
    expect(end).toHaveAccessibleDescription('must be after startsAt, and at most 7 days after it');
    expect(screen.getByText('must be after startsAt, and at most 7 days after it')).toHaveAttribute('lang', 'en');
  });

  it('says why a programme that would not fit is refused', async () => {
    changeGateway({
      'POST /api/visits/{id}/reschedule': problem(409, 'Programme does not fit', '"Model-worker talk" would fall outside the new times; change or remove it first'),
    });
    const user = userEvent.setup();
    renderApp(`/visits/${VISIT_ID}`, { language: 'zh-CN' });
    await user.click(await screen.findByRole('button', { name: '改期' }));
    await user.type(screen.getByRole('textbox', { name: '原因（收到通知的人会看到）' }), '下雨');
    await user.click(screen.getByRole('button', { name: '确认新时间' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('有节目会落在新时间之外：请先修改或删除该节目。');
    expect(screen.getByRole('form', { name: '走访的新时间' })).toBeInTheDocument();
  });
});

describe('cancelling a visit', () => {
  it('shows every person and donor who will be told, then cancels with the reason', async () => {
    const gateway = changeGateway({
      'POST /api/visits/{id}/cancel': { body: { ...visit, status: 'CANCELLED', statusReason: 'Typhoon warning', version: 4 } },
    });
    const user = userEvent.setup();
    renderApp(`/visits/${VISIT_ID}`);
    await user.click(await screen.findByRole('button', { name: 'Cancel the visit' }));
    const form = screen.getByRole('form', { name: 'Cancel the visit' });
    const told = await within(form).findByRole('region', { name: 'Who will be told' });
    expect(told).toHaveTextContent('3 people with a place, an offer or a place in line are told, with your reason:');
    expect(within(told).getAllByRole('listitem').map((item) => item.textContent)).toEqual([
      'Recitation 《读中国》 · whole team (its lead is told): 1',
      'Model-worker talk · speaker: 2',
    ]);
    expect(
      await within(told).findByText(
        'Pledges not yet delivered are put on hold, and these donors’ liaisons are told: 华章同人 reading service team.',
      ),
    ).toBeInTheDocument();
    expect(gateway.requests.some((request) => request.path === `/api/visits/${VISIT_ID}/donations`)).toBe(true);

    await user.type(within(form).getByRole('textbox', { name: 'Reason (the people told read it)' }), ' Typhoon warning ');
    await user.click(within(form).getByRole('button', { name: 'Confirm the cancellation' }));
    expect(await screen.findByText('The visit is cancelled. 3 people are being told.')).toHaveFocus();
    const sent = gateway.requests.find((request) => request.method === 'POST');
    expect(sent?.path).toBe(`/api/visits/${VISIT_ID}/cancel`);
    expect(sent?.body).toEqual({ reason: 'Typhoon warning' });
    expect(screen.getByText('Cancelled', { selector: '.badge' })).toBeInTheDocument();
    expect(screen.getByText('Typhoon warning')).toHaveAttribute('lang', 'en');
    expect(screen.queryByRole('button', { name: 'Reschedule' })).not.toBeInTheDocument();
  });

  it('tells nobody of a draft', async () => {
    changeGateway({}, { ...visit, status: 'DRAFT' });
    const user = userEvent.setup();
    renderApp(`/visits/${VISIT_ID}`);
    await user.click(await screen.findByRole('button', { name: 'Cancel the visit' }));
    expect(await screen.findByRole('region', { name: 'Who will be told' })).toHaveTextContent(
      'Nobody: this visit is a draft, it was never published.',
    );
    // Closed without a change: the keyboard is back on the button that opened it.
    await user.click(screen.getByRole('button', { name: 'Close without changing' }));
    expect(screen.queryByRole('form')).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Cancel the visit' })).toHaveFocus();
  });

  it('shows a change made meanwhile next to the action, in the chosen language', async () => {
    changeGateway({
      'POST /api/visits/{id}/cancel': problem(412, 'Version mismatch', 'The visit is at version 4; you sent "3"'),
    });
    const user = userEvent.setup();
    renderApp(`/visits/${VISIT_ID}`, { language: 'zh-CN' });
    await user.click(await screen.findByRole('button', { name: '取消走访' }));
    await user.type(screen.getByRole('textbox', { name: '原因（收到通知的人会看到）' }), '台风');
    await user.click(screen.getByRole('button', { name: '确认取消' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('已有人修改过此内容。请刷新后重试。');
    expect(within(alert).getByText(/version 4/)).toHaveAttribute('lang', 'en');
  });

  it('offers no change for a visit that is under way', async () => {
    changeGateway({}, { ...visit, status: 'IN_PROGRESS' });
    renderApp(`/visits/${VISIT_ID}`);
    await screen.findByRole('region', { name: /Model-worker talk/ });
    expect(screen.queryByRole('button', { name: 'Reschedule' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Cancel the visit' })).not.toBeInTheDocument();
  });
});
