import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { fakeGateway, problem } from '../../test/fakeGateway';
import { placements } from '../../test/fixtures';
import { renderApp, VOLUNTEER } from '../../test/render';

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
    expect(await within(offer).findByRole('status')).toHaveTextContent('Your answer was recorded: Confirmed.');
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
});
