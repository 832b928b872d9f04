import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { fakeGateway } from '../../test/fakeGateway';
import { pledges } from '../../test/fixtures';
import { LIAISON, renderApp } from '../../test/render';
import { money } from './Donors';

const huazhang = { id: 'donor-huazhang', name: '华章同人 reading service team', contact: { name: 'Ms Hua' } };

function statementFor(year: number) {
  return {
    donorId: huazhang.id,
    donorName: huazhang.name,
    year,
    sites:
      year === new Date().getFullYear() - 1
        ? [
            {
              siteId: 's-1',
              siteName: '蒲公英中学 Dandelion School',
              items: [{ description: 'Children’s books', quantity: 500, unit: 'books', valueMinor: 1_250_000, currency: 'CNY' }],
              valueByCurrency: { CNY: 1_250_000 },
            },
          ]
        : [],
    valueByCurrency: year === new Date().getFullYear() - 1 ? { CNY: 1_250_000 } : {},
  };
}

describe('a liaison’s donors', () => {
  it('lists the donors and opens one with its pledges and the statement of a chosen year', async () => {
    const user = userEvent.setup();
    const gateway = fakeGateway({
      'GET /api/donors': { body: [huazhang] },
      'GET /api/donors/{id}': { body: huazhang },
      'GET /api/pledges': { body: pledges },
      'GET /api/donors/{id}/statement': (request) => ({
        body: statementFor(Number(new URLSearchParams(request.search).get('year'))),
      }),
    });
    renderApp('/donors', { me: LIAISON });

    const list = await screen.findByRole('list', { name: 'My donors' });
    await user.click(within(list).getByRole('link', { name: huazhang.name }));

    expect(await screen.findByRole('heading', { level: 1, name: huazhang.name })).toBeInTheDocument();
    const donorPledges = await screen.findByRole('list', { name: 'Pledges' });
    expect(within(donorPledges).getByRole('link', { name: huazhang.name })).toHaveAttribute('href', '/pledges/pledge-books');
    expect(await screen.findByText('Nothing was delivered that year.')).toBeInTheDocument();

    const lastYear = new Date().getFullYear() - 1;
    await user.selectOptions(screen.getByLabelText('Year'), String(lastYear));
    const table = await screen.findByRole('table', { name: '蒲公英中学 Dandelion School' });
    expect(within(table).getByRole('row', { name: /Children’s books/ })).toHaveTextContent('500 books');
    expect(screen.getByText(`${huazhang.name}: what was given in ${String(lastYear)}`)).toBeInTheDocument();
    expect(screen.getByText('Year total:')).toHaveTextContent(money(1_250_000, 'CNY', 'en'));
    expect(gateway.requests.filter((request) => request.path.endsWith('/statement')).map((request) => request.search)).toEqual([
      `?year=${String(new Date().getFullYear())}`,
      `?year=${String(lastYear)}`,
    ]);
    expect(gateway.requests.find((request) => request.path === '/api/pledges')?.search).toBe('?donorId=donor-huazhang');
  });

  it('writes money in the reader’s language, from minor units', () => {
    expect(money(1_250_000, 'CNY', 'en')).toBe('CN¥12,500.00');
    expect(money(1_250_000, 'CNY', 'zh-CN')).toBe('¥12,500.00');
  });

  it('says so when a liaison looks after nobody yet, in Chinese', async () => {
    fakeGateway({ 'GET /api/donors': { body: [] } });
    renderApp('/donors', { me: LIAISON, language: 'zh-CN' });
    expect(await screen.findByText('您还没有联络的捐赠方。')).toBeInTheDocument();
  });
});
