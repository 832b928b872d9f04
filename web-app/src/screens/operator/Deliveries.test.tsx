import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { DeliveryView } from '../../api/types';
import { fakeGateway, problem } from '../../test/fakeGateway';
import { renderApp } from '../../test/render';

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
    expect(within(failed).getByText('History (2 steps)')).toBeInTheDocument();
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
