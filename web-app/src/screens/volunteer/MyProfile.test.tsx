import { fireEvent, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Profile } from '../../api/types';
import { fakeGateway } from '../../test/fakeGateway';
import { qiaoProfile } from '../../test/fixtures';
import { renderApp, VOLUNTEER } from '../../test/render';

const channelOrder = () =>
  [...screen.getByRole('group', { name: 'Channels, in order of preference' }).querySelectorAll('.channel-name')].map(
    (name) => name.textContent,
  );

describe('my profile', () => {
  it('reorders the channels by keyboard and saves them with every field of the profile', async () => {
    document.cookie = 'XSRF-TOKEN=volunteer-token';
    const gateway = fakeGateway({
      'GET /api/volunteers/me': { body: qiaoProfile },
      'PUT /api/volunteers/me': (request) => ({
        body: { ...qiaoProfile, contactPreferences: (request.body as Profile).contactPreferences, version: 8 },
      }),
    });
    const user = userEvent.setup();
    renderApp('/profile', { me: VOLUNTEER });

    expect(await screen.findByRole('textbox', { name: 'Name' })).toHaveValue('Qiao Yuanhui');
    expect(channelOrder()).toEqual(['1. Inbox in Caravan', '2. E-mail', '3. Webhook (your own system)']);
    const up = screen.getByRole('button', { name: 'Move Webhook (your own system) up' });
    up.focus();
    await user.keyboard('{Enter}');
    expect(channelOrder()).toEqual(['1. Inbox in Caravan', '2. Webhook (your own system)', '3. E-mail']);
    expect(up).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(channelOrder()).toEqual(['1. Webhook (your own system)', '2. Inbox in Caravan', '3. E-mail']);
    // At the top "up" is disabled: the keyboard is not dropped, it goes to "down".
    expect(up).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Move Webhook (your own system) down' })).toHaveFocus();
    expect(screen.getByText('Webhook (your own system) is now number 1 of 3.')).toHaveAttribute('role', 'status');

    fireEvent.change(screen.getByLabelText('Quiet until'), { target: { value: '08:00' } });
    await user.click(screen.getByRole('button', { name: 'Save my profile' }));

    expect(await screen.findByText('Your profile is saved.')).toHaveFocus();
    const put = gateway.requests.find((request) => request.method === 'PUT');
    expect(put?.path).toBe('/api/volunteers/me');
    expect(put?.headers.get('If-Match')).toBe('"7"');
    expect(put?.headers.get('X-XSRF-TOKEN')).toBe('volunteer-token');
    // The service replaces the whole profile: what was not changed is sent as it was.
    expect(put?.body).toEqual({
      name: 'Qiao Yuanhui',
      phone: '+86 138 0000 0004',
      email: 'qiao@volunteers.example',
      district: '大兴区',
      languages: ['Mandarin', 'English'],
      locale: 'zh-CN',
      timeZone: 'Asia/Shanghai',
      contactPreferences: {
        channels: ['WEBHOOK', 'INBOX', 'EMAIL'],
        quietHours: { from: '22:00', to: '08:00' },
        webhookUrl: 'https://chat.example/hooks/qiao',
      },
      availability: {
        weekly: [{ day: 'SATURDAY', from: '09:00', to: '17:00' }],
        exceptions: [{ date: '2026-10-01', available: false }],
      },
    });
    expect(channelOrder()).toEqual(['1. Webhook (your own system)', '2. Inbox in Caravan', '3. E-mail']);

    // The next save names the version the service answered with.
    await user.click(screen.getByRole('button', { name: 'Save my profile' }));
    expect(await screen.findByText('Your profile is saved.')).toBeInTheDocument();
    expect(gateway.requests.filter((request) => request.method === 'PUT').at(-1)?.headers.get('If-Match')).toBe('"8"');
  });

  it('removes a channel and adds it back at the end, keeping the keyboard on it', async () => {
    fakeGateway({ 'GET /api/volunteers/me': { body: qiaoProfile } });
    const user = userEvent.setup();
    renderApp('/profile', { me: VOLUNTEER });
    await user.click(await screen.findByRole('button', { name: 'Remove E-mail' }));
    expect(channelOrder()).toEqual(['1. Inbox in Caravan', '2. Webhook (your own system)']);
    const add = screen.getByRole('button', { name: 'Add E-mail' });
    expect(add).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(channelOrder()).toEqual(['1. Inbox in Caravan', '2. Webhook (your own system)', '3. E-mail']);
    expect(screen.getByRole('button', { name: 'Move E-mail up' })).toHaveFocus();
  });

  it('shows what the service says of a field next to that field', async () => {
    const gateway = fakeGateway({
      'GET /api/volunteers/me': { body: qiaoProfile },
      'PUT /api/volunteers/me': {
        status: 400,
        body: {
          type: 'about:blank',
          title: 'Invalid request',
          status: 400,
          detail: 'Some fields are not valid',
          errors: [
            { field: 'contactPreferences.webhookUrl', message: 'the webhook URL points at a private network; webhooks go to public http(s) addresses only' },
            { field: 'availability.weekly[0]', message: 'from 17:00 must be before to 09:00' },
          ],
        },
      },
    });
    const user = userEvent.setup();
    renderApp('/profile', { me: VOLUNTEER });

    // The app asks for a name before sending anything.
    const name = await screen.findByRole('textbox', { name: 'Name' });
    await user.clear(name);
    await user.click(screen.getByRole('button', { name: 'Save my profile' }));
    expect(name).toHaveAttribute('aria-invalid', 'true');
    expect(name).toHaveAccessibleDescription('Give your name.');
    expect(gateway.requests.filter((request) => request.method === 'PUT')).toHaveLength(0);

    await user.type(name, 'Qiao Yuanhui');
    const webhook = screen.getByRole('textbox', { name: 'Webhook URL' });
    await user.clear(webhook);
    await user.type(webhook, 'http://10.0.0.8/hook');
    await user.click(screen.getByRole('button', { name: 'Save my profile' }));

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Some of what was sent is not valid.');
    expect(within(alert).queryByRole('list')).not.toBeInTheDocument();
    expect(webhook).toHaveAttribute('aria-invalid', 'true');
    expect(webhook).toHaveAccessibleDescription(
      'Used by the webhook channel: a public http(s) address. the webhook URL points at a private network; webhooks go to public http(s) addresses only',
    );
    expect(screen.getByText('the webhook URL points at a private network; webhooks go to public http(s) addresses only')).toHaveAttribute('lang', 'en');
    expect(screen.getByRole('group', { name: 'Weekly time 1' })).toHaveAccessibleDescription('from 17:00 must be before to 09:00');
    expect(name).toHaveAttribute('aria-invalid', 'false');
    expect(screen.queryByText('Your profile is saved.')).not.toBeInTheDocument();
    expect((gateway.requests.find((request) => request.method === 'PUT')?.body as Profile).contactPreferences?.webhookUrl).toBe('http://10.0.0.8/hook');
  });

  it('adds weekly times and dates, sending a date off for the whole day without times', async () => {
    const gateway = fakeGateway({
      'GET /api/volunteers/me': { body: { ...qiaoProfile, availability: { weekly: [], exceptions: [] } } },
      'PUT /api/volunteers/me': { body: qiaoProfile },
    });
    const user = userEvent.setup();
    renderApp('/profile', { me: VOLUNTEER, language: 'zh-CN' });
    expect(await screen.findByText('没有每周时间：协调员会看到您尚未说明何时有空。')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: '添加每周时间' }));
    const weekly = screen.getByRole('group', { name: '每周时间 1' });
    await user.selectOptions(within(weekly).getByRole('combobox', { name: '星期' }), 'SUNDAY');
    await user.click(screen.getByRole('button', { name: '添加日期' }));
    const date = screen.getByRole('group', { name: '日期 1' });
    fireEvent.change(within(date).getByLabelText('日期'), { target: { value: '2026-10-02' } });
    expect(within(date).getByRole('checkbox', { name: '全天' })).toBeChecked();
    await user.click(screen.getByRole('button', { name: '添加日期' }));
    const second = screen.getByRole('group', { name: '日期 2' });
    fireEvent.change(within(second).getByLabelText('日期'), { target: { value: '2026-10-03' } });
    await user.selectOptions(within(second).getByRole('combobox', { name: '当天' }), 'yes');
    await user.click(within(second).getByRole('checkbox', { name: '全天' }));
    fireEvent.change(within(second).getByLabelText('从'), { target: { value: '14:00' } });
    fireEvent.change(within(second).getByLabelText('到'), { target: { value: '18:00' } });
    await user.click(screen.getByRole('button', { name: '保存我的资料' }));
    expect(await screen.findByText('您的资料已保存。')).toBeInTheDocument();
    expect((gateway.requests.find((request) => request.method === 'PUT')?.body as Profile).availability).toEqual({
      weekly: [{ day: 'SUNDAY', from: '09:00', to: '17:00' }],
      exceptions: [
        { date: '2026-10-02', available: false },
        { date: '2026-10-03', available: true, from: '14:00', to: '18:00' },
      ],
    });
  });
});

describe('the calendar subscription', () => {
  it('makes a feed address to copy, makes a new one, and stops it', async () => {
    document.cookie = 'XSRF-TOKEN=volunteer-token';
    let issued = 0;
    const gateway = fakeGateway({
      'GET /api/volunteers/me': { body: qiaoProfile },
      'POST /api/volunteers/me/calendar-token': () => {
        issued += 1;
        return { status: 201, body: { url: `/api/volunteers/me/calendar.ics?token=secret-${issued}` } };
      },
      'DELETE /api/volunteers/me/calendar-token': { status: 204 },
    });
    const user = userEvent.setup();
    renderApp('/profile', { me: VOLUNTEER });
    const calendar = await screen.findByRole('region', { name: 'Calendar subscription' });
    expect(within(calendar).queryByRole('textbox')).not.toBeInTheDocument();

    await user.click(within(calendar).getByRole('button', { name: 'Make a calendar address' }));
    const address = await within(calendar).findByRole('textbox', { name: 'Your calendar feed address' });
    expect(address).toHaveValue(`${window.location.origin}/api/volunteers/me/calendar.ics?token=secret-1`);
    expect(address).toHaveAttribute('readonly');
    expect(within(calendar).getByRole('status')).toHaveTextContent('The new address works now; any older one no longer does.');

    await user.click(within(calendar).getByRole('button', { name: 'Copy the address' }));
    expect(await navigator.clipboard.readText()).toBe(`${window.location.origin}/api/volunteers/me/calendar.ics?token=secret-1`);
    expect(within(calendar).getByRole('status')).toHaveTextContent('The address is copied.');

    await user.click(within(calendar).getByRole('button', { name: 'Make a new address' }));
    expect(await within(calendar).findByDisplayValue(`${window.location.origin}/api/volunteers/me/calendar.ics?token=secret-2`)).toBeInTheDocument();

    await user.click(within(calendar).getByRole('button', { name: 'Stop the calendar address' }));
    expect(await within(calendar).findByText('Your calendar address no longer works.')).toHaveAttribute('role', 'status');
    expect(within(calendar).queryByRole('textbox')).not.toBeInTheDocument();
    expect(within(calendar).getByRole('button', { name: 'Make a calendar address' })).toBeInTheDocument();

    const changes = gateway.requests.filter((request) => request.method !== 'GET');
    expect(changes.map((request) => `${request.method} ${request.path}`)).toEqual([
      'POST /api/volunteers/me/calendar-token',
      'POST /api/volunteers/me/calendar-token',
      'DELETE /api/volunteers/me/calendar-token',
    ]);
    expect(changes.every((request) => request.headers.get('X-XSRF-TOKEN') === 'volunteer-token')).toBe(true);
  });
});
