import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { OperationsHealth } from '../../api/types';
import { fakeGateway, problem } from '../../test/fakeGateway';
import sample from '../../test/operations-health.sample.json';
import { renderApp } from '../../test/render';
import { readOperationsHealth } from '../../api/operationsHealth';
import { HEALTH_REFRESH_MS } from './ServiceHealth';

const OPERATOR = { subject: 'local-operator', name: 'Local operator 运维', roles: ['operator'] };
const health: OperationsHealth = readOperationsHealth(sample);

afterEach(() => {
  vi.useRealTimers();
});

function withEventService(state: 'UP' | 'DOWN', checkedAt: string): OperationsHealth {
  return {
    ...health,
    checkedAt,
    services: health.services.map((service) =>
      service.name === 'event-service'
        ? { ...service, state, replicas: service.replicas.map((replica) => ({ ...replica, state, reason: state === 'UP' ? null : 'connection refused' })) }
        : service,
    ),
  };
}

describe('service health', () => {
  it('shows an operator each service and the provider in words, with each replica’s response time', async () => {
    const gateway = fakeGateway({ 'GET /api/operations/health': { body: sample } });
    renderApp('/health', { me: OPERATOR });

    const services = await screen.findByRole('list', { name: 'Services' });
    expect(within(services).getAllByRole('article')).toHaveLength(4);
    expect(screen.getByText('2 of 4 services up')).toBeInTheDocument();
    // 02:00 UTC is 10:00 in Beijing.
    expect(screen.getByText(/^Last checked at 10:00:00\sAM GMT\+8 \(took 2,004 ms\)$/)).toBeInTheDocument();

    const volunteers = within(services).getByRole('article', { name: 'Up volunteer-service' });
    const replicas = within(within(volunteers).getByRole('list', { name: 'Replicas of volunteer-service' })).getAllByRole('listitem');
    expect(replicas.map((replica) => replica.textContent)).toEqual([
      'Up 10.0.3.8:8080 · 9 ms',
      'Down 10.0.3.9:8080 · 4 ms · answered 503',
    ]);
    const donations = within(services).getByRole('article', { name: 'Down donation-service' });
    expect(donations).toHaveTextContent('no replica is ready');
    expect(donations).toHaveTextContent('Down 10.0.3.10:8080 · 2,001 ms · no answer within 2000 ms');
    const notices = within(services).getByRole('article', { name: 'Not checked notification-service' });
    expect(notices).toHaveTextContent('Not checked 127.0.0.1:8084 · no readiness port configured');

    const provider = screen.getByRole('article', { name: 'Up Sign-in provider' });
    expect(provider).toHaveTextContent('http://localhost:8085');
    expect(provider).toHaveTextContent('35 ms');
    expect(screen.getByRole('link', { name: 'Service health' })).toBeInTheDocument();
    expect(gateway.requests.map((request) => request.path)).toEqual(['/api/operations/health']);
  });

  it('checks again every 10 seconds while the page is visible, and at once on “Check now”', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const user = userEvent.setup();
    const answers = [
      withEventService('UP', '2026-09-28T02:00:00Z'),
      withEventService('DOWN', '2026-09-28T02:00:10Z'),
      withEventService('UP', '2026-09-28T02:00:13Z'),
    ];
    let asked = 0;
    fakeGateway({ 'GET /api/operations/health': () => ({ body: answers[Math.min(asked++, answers.length - 1)] }) });
    renderApp('/health', { me: OPERATOR });
    expect(await screen.findByRole('article', { name: 'Up event-service' })).toBeInTheDocument();

    act(() => {
      vi.advanceTimersByTime(HEALTH_REFRESH_MS);
    });
    const down = await screen.findByRole('article', { name: 'Down event-service' });
    expect(down).toHaveTextContent('connection refused');
    expect(screen.getByText(/^Last checked at 10:00:10/)).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Check now' }));
    expect(await screen.findByRole('article', { name: 'Up event-service' })).toBeInTheDocument();
    expect(asked).toBe(3);

    vi.spyOn(document, 'visibilityState', 'get').mockReturnValue('hidden');
    act(() => {
      vi.advanceTimersByTime(3 * HEALTH_REFRESH_MS);
    });
    expect(asked).toBe(3);
  });

  it('says why the gateway could not answer, with a way to try again, in Chinese when chosen', async () => {
    const user = userEvent.setup();
    let asked = 0;
    fakeGateway({
      'GET /api/operations/health': () =>
        asked++ === 0 ? problem(503, 'Service Unavailable', 'The gateway is stopping') : { body: sample },
    });
    renderApp('/health', { me: OPERATOR, language: 'zh-CN' });

    expect(await screen.findByText(/The gateway is stopping/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: '重试' }));
    expect(await screen.findByText('4 个服务中 2 个正常')).toBeInTheDocument();
    expect(screen.getByRole('article', { name: '故障 donation-service' })).toBeInTheDocument();
    expect(screen.getByRole('article', { name: '正常 登录服务' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '立即检查' })).toBeInTheDocument();
  });

  it('is not offered to a coordinator', async () => {
    fakeGateway({ 'GET /api/visits': { body: { items: [], page: 0, size: 20, total: 0 } } });
    renderApp('/health');
    expect(await screen.findByText('There is nothing here for your roles yet.')).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Service health' })).not.toBeInTheDocument();
  });
});
