import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DeliveryView } from '../../api/types';
import { fakeGateway, problem } from '../../test/fakeGateway';
import { renderApp } from '../../test/render';
import { RETRIED_DELIVERY_REFRESH_MS } from './Deliveries';

afterEach(() => {
  vi.useRealTimers();
});

const OPERATOR = { subject: 'operator-ops', name: 'Ops 运维', roles: ['operator'] };

const failedWebhook: DeliveryView = {
  delivery: {
    id: 'd-1',
    kind: 'ASSIGNMENT_OFFERED',
    channel: 'WEBHOOK',
    recipient: 'volunteer-qiao-yuanhui',
    status: 'FAILED',
    attempts: 5,
    createdAt: '2026-09-20T02:00:00Z',
    lastError: 'the webhook answered 503',
    traceId: '0af7651916cd43dd8448eb211c80319c',
  },
  history: [
    { at: '2026-09-20T02:00:00Z', status: 'QUEUED' },
    { at: '2026-09-20T02:00:01Z', status: 'RETRYING', detail: 'the webhook answered 503' },
    { at: '2026-09-20T02:40:00Z', status: 'FAILED', detail: 'the webhook answered 503' },
  ],
};

const sentEmail: DeliveryView = {
  delivery: { id: 'd-2', kind: 'VISIT_SCHEDULED', channel: 'EMAIL', recipient: 'volunteer-li', status: 'SENT', attempts: 1 },
  history: [{ at: '2026-09-20T02:00:05Z', status: 'SENT' }],
};

describe('deliveries', () => {
  it('shows an operator the failed deliveries first, with their history, and sends one again', async () => {
    const user = userEvent.setup();
    const gateway = fakeGateway({
      'GET /api/deliveries': (request) =>
        new URLSearchParams(request.search).get('status') === 'FAILED' ? { body: [failedWebhook] } : { body: [failedWebhook, sentEmail] },
      'POST /api/deliveries/{id}/retry': {
        body: { ...failedWebhook, delivery: { ...failedWebhook.delivery, status: 'QUEUED', lastError: undefined } },
      },
    });
    renderApp('/deliveries', { me: OPERATOR });

    const list = await screen.findByRole('list', { name: 'Deliveries' });
    const failed = within(list).getByRole('article');
    expect(failed).toHaveTextContent('Failed ASSIGNMENT_OFFERED · WEBHOOK');
    expect(failed).toHaveTextContent('the webhook answered 503');
    expect(failed).toHaveTextContent('Trace ID0af7651916cd43dd8448eb211c80319c');
    expect(within(failed).getByText('History (3 steps)')).toBeInTheDocument();
    const steps = within(failed).getAllByRole('listitem');
    expect(steps[1]).toHaveTextContent('Failed for now, to be tried again · the webhook answered 503');
    expect(steps[2]).toHaveTextContent('Failed · the webhook answered 503');
    expect(screen.getByRole('link', { name: 'Deliveries' })).toBeInTheDocument();

    await user.click(within(failed).getByRole('button', { name: 'Send ASSIGNMENT_OFFERED to volunteer-qiao-yuanhui again' }));
    expect(await within(failed).findByText('Queued')).toBeInTheDocument();
    expect(within(failed).queryByRole('button', { name: /again/ })).not.toBeInTheDocument();
    expect(gateway.requests.map((request) => `${request.method} ${request.path}${request.search}`)).toEqual([
      'GET /api/deliveries?status=FAILED&page=0&size=50',
      'POST /api/deliveries/d-1/retry',
    ]);

    await user.selectOptions(screen.getByLabelText('Show'), '');
    expect(await screen.findByText('History (1 step)')).toBeInTheDocument();
    expect(within(screen.getByRole('list', { name: 'Deliveries' })).getAllByRole('article')).toHaveLength(2);
  });

  it('follows a delivery sent again until the outcome of its next attempt shows, without a reload', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const user = userEvent.setup({ advanceTimers: (ms) => vi.advanceTimersByTime(ms) });
    const toQiao = { ...failedWebhook, delivery: { ...failedWebhook.delivery, recipient: 'volunteer:qiao-yuanhui' } };
    const queued = { ...toQiao, delivery: { ...toQiao.delivery, status: 'QUEUED' } };
    const sent: DeliveryView = {
      delivery: { ...toQiao.delivery, status: 'SENT', attempts: 6 },
      history: [...(toQiao.history ?? []), { at: '2026-09-20T03:00:00Z', status: 'QUEUED' }, { at: '2026-09-20T03:00:01Z', status: 'SENT' }],
    };
    let reads = 0;
    const gateway = fakeGateway({
      'GET /api/deliveries': { body: [toQiao] },
      'GET /api/deliveries/{id}': () => {
        reads += 1;
        return { body: reads === 1 ? queued : sent };
      },
      'POST /api/deliveries/{id}/retry': { body: queued },
    });
    renderApp('/deliveries', { me: OPERATOR });

    const card = await screen.findByRole('article');
    await user.click(within(card).getByRole('button', { name: 'Send ASSIGNMENT_OFFERED to volunteer:qiao-yuanhui again' }));
    expect(await within(card).findByText('Queued')).toBeInTheDocument();
    expect(within(card).getByRole('status')).toHaveTextContent('Queued again: this shows what the next attempt meets.');

    await act(() => vi.advanceTimersByTimeAsync(RETRIED_DELIVERY_REFRESH_MS));
    expect(within(card).getByText('Queued')).toBeInTheDocument();
    await act(() => vi.advanceTimersByTimeAsync(RETRIED_DELIVERY_REFRESH_MS));
    expect(await within(card).findByText('Sent')).toBeInTheDocument();
    expect(within(card).getByText('History (5 steps)')).toBeInTheDocument();
    expect(within(card).queryByRole('status')).not.toBeInTheDocument();

    await act(() => vi.advanceTimersByTimeAsync(3 * RETRIED_DELIVERY_REFRESH_MS));
    expect(gateway.requests.map((request) => `${request.method} ${request.path}${request.search}`)).toEqual([
      'GET /api/deliveries?status=FAILED&page=0&size=50',
      'POST /api/deliveries/d-1/retry',
      'GET /api/deliveries/d-1',
      'GET /api/deliveries/d-1',
    ]);
  });

  it('says why a retry was refused next to the delivery', async () => {
    const user = userEvent.setup();
    fakeGateway({
      'GET /api/deliveries': { body: [failedWebhook] },
      'POST /api/deliveries/{id}/retry': problem(409, 'Not failed', 'Only a failed delivery can be sent again'),
    });
    renderApp('/deliveries', { me: OPERATOR, language: 'zh-CN' });

    const failed = await screen.findByRole('article');
    await user.click(within(failed).getByRole('button', { name: '重新发送 ASSIGNMENT_OFFERED 给 volunteer-qiao-yuanhui' }));
    expect(await within(failed).findByText(/Only a failed delivery can be sent again/)).toBeInTheDocument();
  });

  it('is not offered to a volunteer', async () => {
    fakeGateway({ 'GET /api/assignments': { body: [] } });
    renderApp('/deliveries', { me: { subject: 'v', name: 'V', roles: ['volunteer'] } });
    expect(await screen.findByText('There is nothing here for your roles yet.')).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Deliveries' })).not.toBeInTheDocument();
  });
});
