import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { fakeGateway } from '../../test/fakeGateway';
import { inbox } from '../../test/fixtures';
import { renderApp, VOLUNTEER } from '../../test/render';

describe('the inbox', () => {
  it('lists the notices, unread first, and marks one read', async () => {
    document.cookie = 'XSRF-TOKEN=inbox-token';
    const gateway = fakeGateway({
      'GET /api/inbox': { body: inbox },
      'POST /api/inbox/{id}/read': { body: { ...inbox[0], readAt: '2026-09-20T02:00:00Z' } },
    });
    const user = userEvent.setup();
    renderApp('/inbox', { me: VOLUNTEER });

    const list = await screen.findByRole('list', { name: 'Inbox' });
    const offer = within(list).getByRole('article', { name: /You are offered/ });
    const scheduled = within(list).getByRole('article', { name: 'Visit scheduled' });
    expect(within(list).getAllByRole('article')).toEqual([offer, scheduled]);
    expect(offer).toHaveAccessibleName('Unread You are offered: Model-worker talk');
    expect(within(offer).getByText('Please answer by 22 Sep.')).toBeInTheDocument();
    expect(within(offer).getByText(/^Received Sun, Sep 20, 2026, 09:00\sAM GMT\+8$/)).toBeInTheDocument();
    expect(within(scheduled).queryByRole('button')).not.toBeInTheDocument();

    await user.click(within(offer).getByRole('button', { name: 'Mark “You are offered: Model-worker talk” as read' }));
    expect(await within(list).findAllByRole('article')).toHaveLength(2);
    await waitFor(() => expect(within(offer).queryByText('Unread')).not.toBeInTheDocument());
    const read = gateway.requests.find((request) => request.method === 'POST');
    expect(read?.path).toBe('/api/inbox/notice-1/read');
    expect(read?.headers.get('X-XSRF-TOKEN')).toBe('inbox-token');
  });
});
