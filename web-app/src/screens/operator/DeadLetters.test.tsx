import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { DeadLetterSummary, DeadLetterView } from '../../api/types';
import { fakeGateway, problem } from '../../test/fakeGateway';
import { renderApp } from '../../test/render';

const OPERATOR = { subject: 'operator-ops', name: 'Ops 运维', roles: ['operator'] };

const waiting: DeadLetterSummary = {
  id: '0b6f1c8e-1111-4c2a-9d55-000000000001',
  topic: 'caravan.visits',
  key: 'visit-dandelion',
  eventType: 'VisitRescheduled',
  exception: 'java.lang.IllegalStateException',
  message: 'no programme item i9',
  deadLetteredAt: '2026-09-20T02:00:00Z',
  lastDeadLetteredAt: '2026-09-20T02:30:00Z',
  times: 3,
  status: 'WAITING',
};

const detail: DeadLetterView = {
  ...waiting,
  eventId: 'evt-42',
  deadLetterTopic: 'caravan.visits.dlt',
  partition: 0,
  offset: 17,
  payload: '{"visitId":"visit-dandelion"}',
  payloadEncoding: 'utf-8',
  headers: [{ name: 'traceparent', value: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01' }],
  stackTrace: 'java.lang.IllegalStateException: no programme item i9\n\tat org.caravan.volunteer.Staffing.apply',
};

const DEAD_LETTERS = '/api/operations/volunteer/dead-letters';

describe('dead letters', () => {
  it('lists the waiting dead letters of the chosen service, shows one in full and replays it', async () => {
    const user = userEvent.setup();
    const gateway = fakeGateway({
      'GET /api/operations/event/dead-letters': { body: [] },
      [`GET ${DEAD_LETTERS}`]: (request) =>
        new URLSearchParams(request.search).get('status') === 'WAITING' ? { body: [waiting] } : { body: [] },
      [`GET ${DEAD_LETTERS}/{id}`]: { body: detail },
      [`POST ${DEAD_LETTERS}/{id}/replay`]: { body: { ...detail, status: 'REPLAYED', resolvedBy: 'operator-ops' } },
    });
    renderApp('/dead-letters', { me: OPERATOR });

    expect(await screen.findByText('No dead letters waiting.')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Dead letters' })).toBeInTheDocument();
    await user.selectOptions(screen.getByLabelText('Service'), 'volunteer');

    const list = await screen.findByRole('list', { name: 'Dead letters of the Volunteer service' });
    const letter = within(list).getByRole('article');
    expect(letter).toHaveTextContent('Waiting VisitRescheduled');
    expect(letter).toHaveTextContent('caravan.visits');
    expect(letter).toHaveTextContent('visit-dandelion');
    expect(letter).toHaveTextContent('java.lang.IllegalStateException: no programme item i9');
    expect(letter).toHaveTextContent('Times3');

    await user.click(within(letter).getByRole('button', { name: 'Details of VisitRescheduled visit-dandelion' }));
    expect(await within(letter).findByText('{"visitId":"visit-dandelion"}')).toBeInTheDocument();
    expect(within(letter).getByText('traceparent')).toBeInTheDocument();
    expect(within(letter).getByText('Stack trace')).toBeInTheDocument();

    await user.click(within(letter).getByRole('button', { name: 'Replay VisitRescheduled visit-dandelion' }));
    expect(await within(letter).findByText('Replayed')).toBeInTheDocument();
    expect(within(letter).queryByRole('button', { name: /^Replay/ })).not.toBeInTheDocument();
    expect(gateway.requests.map((request) => `${request.method} ${request.path}${request.search}`)).toEqual([
      'GET /api/operations/event/dead-letters?status=WAITING&page=0&size=50',
      `GET ${DEAD_LETTERS}?status=WAITING&page=0&size=50`,
      `GET ${DEAD_LETTERS}/${waiting.id ?? ''}`,
      `POST ${DEAD_LETTERS}/${waiting.id ?? ''}/replay`,
    ]);
  });

  it('shows the problem with a discard without a reason next to the reason', async () => {
    const user = userEvent.setup();
    const gateway = fakeGateway({
      'GET /api/operations/event/dead-letters': { body: [waiting] },
      'POST /api/operations/event/dead-letters/{id}/discard': problem(400, 'Invalid request', 'reason: must not be blank', {
        errors: [{ field: 'reason', message: 'must not be blank' }],
      }),
    });
    renderApp('/dead-letters', { me: OPERATOR });

    const letter = await screen.findByRole('article');
    await user.click(within(letter).getByRole('button', { name: 'Discard VisitRescheduled visit-dandelion' }));
    const form = within(letter).getByRole('form', { name: 'Discard VisitRescheduled visit-dandelion' });
    await user.click(within(form).getByRole('button', { name: 'Discard for good' }));

    const reason = within(form).getByLabelText('Reason');
    expect(await within(form).findByText('must not be blank')).toBeInTheDocument();
    expect(reason).toHaveAttribute('aria-invalid', 'true');
    expect(reason).toHaveAccessibleDescription(/must not be blank/);
    const discard = gateway.requests.find((request) => request.method === 'POST');
    expect(discard?.path).toBe(`/api/operations/event/dead-letters/${waiting.id ?? ''}/discard`);
    expect(discard?.body).toEqual({ reason: '' });
  });

  it('is not offered to a volunteer', async () => {
    fakeGateway({ 'GET /api/assignments': { body: [] } });
    renderApp('/dead-letters', { me: { subject: 'v', name: 'V', roles: ['volunteer'] } });
    expect(await screen.findByText('There is nothing here for your roles yet.')).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Dead letters' })).not.toBeInTheDocument();
  });
});
