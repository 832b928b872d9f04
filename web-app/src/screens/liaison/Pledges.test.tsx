import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { fakeGateway } from '../../test/fakeGateway';
import { pledges } from '../../test/fixtures';
import { LIAISON, renderApp } from '../../test/render';

describe('pledges', () => {
  it('lists the donors’ pledges with their items and progress', async () => {
    fakeGateway({ 'GET /api/pledges': { body: pledges } });
    renderApp('/', { me: LIAISON, language: 'zh-CN' });
    expect(await screen.findByRole('heading', { level: 1, name: '捐赠认捐' })).toBeInTheDocument();
    const pledge = await screen.findByRole('article', { name: '华章同人 reading service team' });
    expect(within(pledge).getByText('已接收')).toBeInTheDocument();
    expect(within(pledge).getByText('蒲公英中学 Dandelion School')).toBeInTheDocument();
    const items = within(pledge).getByRole('list', { name: '物品' });
    expect(within(items).getByRole('listitem')).toHaveTextContent(
      'Children’s books 500 books (已接收 500，已发出 0，已送达 0)',
    );
  });

  it('shows a status it does not know as the service wrote it', async () => {
    fakeGateway({ 'GET /api/pledges': { body: [{ ...pledges[0], status: 'PARTLY_DELIVERED', siteName: null }] } });
    renderApp('/pledges', { me: LIAISON });
    expect(await screen.findByText('PARTLY_DELIVERED')).toBeInTheDocument();
    expect(screen.getByText('Site not chosen yet')).toBeInTheDocument();
  });
});
