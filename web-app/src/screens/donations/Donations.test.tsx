import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { fakeGateway, problem } from '../../test/fakeGateway';
import { onStream, stubEventSource } from '../../test/fakeEventSource';
import { manifest, pledgeView, receipt, VISIT_ID, visit } from '../../test/fixtures';
import { COORDINATOR, LIAISON, renderApp } from '../../test/render';

const plain = (text: string | null) => (text ?? '').replace(/[\u00a0\u2009\u202f]/g, ' ');

describe('a visit’s donations', () => {
  it('show a coordinator the totals by kind, every pledge and what was given in return', async () => {
    const gateway = fakeGateway({
      [`GET /api/visits/${VISIT_ID}`]: { body: visit },
      'GET /api/visits/{id}/donations': { body: manifest },
    });
    renderApp(`/visits/${VISIT_ID}/donations`, { me: COORDINATOR });
    expect(await screen.findByRole('heading', { level: 1, name: /Donations 共谱祖国颂/ })).toBeInTheDocument();
    const totals = await screen.findByRole('table', { name: 'Totals by kind' });
    const rows = within(totals).getAllByRole('row').map((row) => [...row.querySelectorAll('th, td')].map((cell) => cell.textContent));
    expect(rows).toEqual([
      ['Kind', 'Pledged', 'Received', 'Dispatched', 'Delivered'],
      ['Books (books)', '500', '500', '0', '0'],
      ['Care packages (packages)', '400', '400', '400', '400'],
    ]);
    // The table scrolls sideways on a narrow phone, so it can be reached by keyboard.
    expect(screen.getByRole('region', { name: 'Totals by kind' })).toHaveAttribute('tabindex', '0');
    const list = screen.getByRole('list', { name: 'Pledges' });
    const articles = within(list).getAllByRole('article');
    expect(articles[0]).toHaveAccessibleName('华章同人 reading service team');
    expect(articles[1]).toHaveAccessibleName('Beijing No. 5 Construction Group');
    expect(within(list).getByRole('link', { name: '华章同人 reading service team' })).toHaveAttribute('href', '/pledges/pledge-books');
    expect(within(list).getByText('Delivered')).toBeInTheDocument();
    const thanks = screen.getByRole('region', { name: 'Given in return' });
    expect(thanks).toHaveTextContent('Paintings by the students · Student representatives');
    expect(gateway.requests.map((request) => request.path)).toContain(`/api/visits/${VISIT_ID}/donations`);
    expect(screen.getByRole('link', { name: '← Staffing board' })).toHaveAttribute('href', `/visits/${VISIT_ID}`);
  });

  it('show a liaison only what the service returns to them, with their own way back', async () => {
    fakeGateway({
      [`GET /api/visits/${VISIT_ID}`]: { body: visit },
      'GET /api/visits/{id}/donations': { body: { ...manifest, pledges: manifest.pledges?.slice(0, 1), totals: manifest.totals?.slice(0, 1), acknowledgements: [] } },
    });
    renderApp(`/visits/${VISIT_ID}/donations`, { me: LIAISON, language: 'zh-CN' });
    expect(await screen.findByText('您联络的捐赠方为这次走访认捐的物品、目前的进展，以及回赠的物品。')).toBeInTheDocument();
    const list = await screen.findByRole('list', { name: '认捐' });
    expect(within(list).getAllByRole('article')).toHaveLength(1);
    expect(screen.queryByRole('region', { name: '回赠' })).not.toBeInTheDocument();
    expect(screen.getByRole('link', { name: '← 全部认捐' })).toHaveAttribute('href', '/pledges');
    expect(screen.getByRole('rowheader', { name: '图书 (books)' })).toBeInTheDocument();
  });

  it('say when nothing was pledged', async () => {
    fakeGateway({
      [`GET /api/visits/${VISIT_ID}`]: { body: visit },
      'GET /api/visits/{id}/donations': { body: { visitId: VISIT_ID, pledges: [], totals: [], acknowledgements: [] } },
    });
    renderApp(`/visits/${VISIT_ID}/donations`);
    expect(await screen.findByText('Nothing has been pledged for this visit yet.')).toBeInTheDocument();
  });

  it('are linked from the pledges list', async () => {
    fakeGateway({ 'GET /api/pledges': { body: manifest.pledges } });
    renderApp('/pledges', { me: LIAISON });
    const links = await screen.findAllByRole('link', { name: 'All donations for this visit' });
    expect(links[0]).toHaveAttribute('href', `/visits/${VISIT_ID}/donations`);
  });
});

describe('a pledge', () => {
  function pledgeGateway(routes: Parameters<typeof fakeGateway>[0] = {}) {
    return fakeGateway({
      'GET /api/pledges/pledge-books': { body: pledgeView },
      'GET /api/pledges/pledge-books/receipt': { body: receipt },
      [`GET /api/visits/${VISIT_ID}`]: { body: visit },
      ...routes,
    });
  }

  it('shows its steps, the current one marked, with who signed for what was delivered', async () => {
    pledgeGateway();
    renderApp('/pledges/pledge-books', { me: LIAISON });
    expect(await screen.findByRole('heading', { level: 1, name: 'Pledge 华章同人 reading service team' })).toBeInTheDocument();
    expect(screen.getByText('Partly delivered', { selector: '.badge' })).toBeInTheDocument();
    const steps = screen.getByRole('region', { name: 'Steps' });
    const items = within(steps).getAllByRole('listitem').filter((item) => item.classList.contains('step'));
    expect(items.map((item) => within(item).getByRole('heading', { level: 3 }).textContent)).toEqual([
      'Pledged (done)',
      'Received into storage (done)',
      'Dispatched to the site (done)',
      'Delivered at the site (in part)',
    ]);
    expect(items[3]).toHaveAttribute('aria-current', 'step');
    expect(items[0]).not.toHaveAttribute('aria-current');
    expect(within(items[3] as HTMLElement).getByText('300 of 500 books Children’s books')).toBeInTheDocument();
    expect(plain(within(items[3] as HTMLElement).getByText(/^Signed for by/).textContent)).toBe(
      'Signed for by 李老师 Li (librarian), Sat, Sep 26, 2026, 11:00 AM GMT+8',
    );
    expect(plain(within(items[1] as HTMLElement).getByText(/^Last on/).textContent)).toBe('Last on Sun, Sep 20, 2026, 10:00 AM GMT+8');
  });

  it('shows the receipt, to print', async () => {
    const print = vi.fn();
    vi.stubGlobal('print', print);
    pledgeGateway();
    const user = userEvent.setup();
    renderApp('/pledges/pledge-books', { me: LIAISON });
    const slip = await screen.findByRole('region', { name: 'Receipt' });
    expect(within(slip).getByText('华章同人 reading service team')).toBeInTheDocument();
    expect(plain(within(slip).getByText(/共谱祖国颂/).textContent)).toBe('共谱祖国颂，工筑少年梦 · Sat, Sep 26, 2026, 09:30 AM GMT+8');
    expect(within(slip).getByText('300 books Children’s books')).toBeInTheDocument();
    expect(within(slip).getByText('Received and signed for by 李老师 Li (librarian)')).toBeInTheDocument();
    await user.click(within(slip).getByRole('button', { name: 'Print the receipt' }));
    expect(print).toHaveBeenCalledTimes(1);
  });

  it('has no receipt before anything is delivered, and does not ask for one', async () => {
    const gateway = pledgeGateway({
      'GET /api/pledges/pledge-books': { body: { ...pledgeView, deliveries: [], pledge: { ...pledgeView.pledge, status: 'DISPATCHED' } } },
    });
    renderApp('/pledges/pledge-books', { me: LIAISON });
    expect(await screen.findByText('No receipt yet: nothing has been delivered.')).toBeInTheDocument();
    expect(gateway.requests.some((request) => request.path.endsWith('/receipt'))).toBe(false);
  });

  it('tells why it is on hold, and lists its history in words', async () => {
    pledgeGateway({
      'GET /api/pledges/pledge-books': {
        body: {
          ...pledgeView,
          deliveries: [],
          pledge: { ...pledgeView.pledge, status: 'ON_HOLD' },
          history: [...(pledgeView.history ?? []).slice(0, 2), { at: '2026-09-24T01:00:00Z', actor: 'local-coordinator', action: 'HELD', detail: 'Visit cancelled: Typhoon warning' }],
        },
      },
    });
    renderApp('/pledges/pledge-books', { me: LIAISON, language: 'zh-CN' });
    expect(await screen.findByText('暂缓', { selector: '.badge' })).toBeInTheDocument();
    expect(screen.getAllByText('Visit cancelled: Typhoon warning')[0]).toHaveAttribute('lang', 'en');
    const history = screen.getByRole('region', { name: '记录' });
    expect(within(history).getAllByRole('listitem').map((item) => item.querySelector('strong')?.textContent)).toEqual(['认捐', '入库', '暂缓']);
  });

  it('is “not found” when it is another liaison’s', async () => {
    pledgeGateway({ 'GET /api/pledges/pledge-books': problem(404, 'Not Found', 'Pledge pledge-books not found') });
    renderApp('/pledges/pledge-books', { me: LIAISON });
    expect(await screen.findByRole('alert')).toHaveTextContent('This is no longer there.');
  });

  it('is read again when a delivery of it is announced', async () => {
    stubEventSource();
    const gateway = pledgeGateway();
    renderApp('/pledges/pledge-books', { me: LIAISON });
    await screen.findByRole('region', { name: 'Steps' });
    onStream((source) => source.open());
    onStream((source) => source.notice({ id: 'n-other', kind: 'DONATION_DELIVERED', subjectId: 'pledge-other', title: 'Delivered' }));
    onStream((source) => source.notice({ id: 'n-this', kind: 'DONATION_DELIVERED', subjectId: 'pledge-books', title: 'Delivered' }));
    await waitFor(() => expect(gateway.requests.filter((request) => request.path === '/api/pledges/pledge-books')).toHaveLength(2));
  });
});
