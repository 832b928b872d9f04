import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { fakeGateway } from '../../test/fakeGateway';
import { hoursOverYears, QIAO, qiaoProfile } from '../../test/fixtures';
import { renderApp, VOLUNTEER } from '../../test/render';

const rowsOf = (table: HTMLElement) =>
  within(table)
    .getAllByRole('row')
    .map((row) =>
      // A cell's lines (<br>) read as "first · second".
      [...row.querySelectorAll('th, td')].map((cell) =>
        [...cell.childNodes]
          .filter((node) => node.nodeName !== 'BR')
          .map((node) => node.textContent)
          .join(' · '),
      ),
    );

describe('my hours', () => {
  it('shows the total, certified and pending hours per year, the latest first', async () => {
    const gateway = fakeGateway({
      'GET /api/volunteers/me': { body: qiaoProfile },
      'GET /api/volunteers/{id}/service-hours': { body: hoursOverYears },
    });
    renderApp('/hours', { me: VOLUNTEER });

    expect(await screen.findByRole('heading', { level: 1, name: 'My service hours' })).toBeInTheDocument();
    const years = await screen.findByRole('table', { name: 'Hours per year' });
    expect(rowsOf(years)).toEqual([
      ['Year', 'Total', 'Certified', 'Not yet certified'],
      ['2026', '2.25 h', '0.75 h', '1.5 h'],
      ['2025', '2 h', '2 h', '0 h'],
    ]);
    // The volunteer's id comes from their own record.
    expect(gateway.requests.map((request) => request.path)).toEqual(['/api/volunteers/me', `/api/volunteers/${QIAO}/service-hours`]);
  });

  it('prints a statement of the chosen year: the volunteer, each item with its date and hours, and the total', async () => {
    fakeGateway({
      'GET /api/volunteers/me': { body: qiaoProfile },
      'GET /api/volunteers/{id}/service-hours': { body: hoursOverYears },
    });
    const print = vi.spyOn(window, 'print').mockImplementation(() => undefined);
    const user = userEvent.setup();
    renderApp('/hours', { me: VOLUNTEER });

    const statement = await screen.findByRole('region', { name: 'Service hours statement 2026' });
    expect(within(statement).getByText('Volunteer').nextElementSibling).toHaveTextContent('Qiao Yuanhui');
    expect(rowsOf(within(statement).getByRole('table'))).toEqual([
      ['Date', 'Programme item', 'Hours'],
      // Certified at 0.75 h, then corrected by half an hour: part of it is certified.
      ['Sep 26, 2026', 'Model-worker talk · 蒲公英中学 Dandelion School', '1.25 h · 0.75 h certified'],
      ['Sep 27, 2026', 'Book hand-over · Xihongmen street centre', '1 h · Not yet certified'],
      ['Total 2026', '2.25 h'],
    ]);
    expect(statement).toHaveTextContent('2.25 hours in 2026: 0.75 certified, 1.5 not yet certified.');

    await user.selectOptions(screen.getByRole('combobox', { name: 'Statement for the year' }), '2025');
    const earlier = screen.getByRole('region', { name: 'Service hours statement 2025' });
    expect(rowsOf(within(earlier).getByRole('table'))).toEqual([
      ['Date', 'Programme item', 'Hours'],
      ['Oct 3, 2025', 'Mooncake workshop · Xihongmen street centre', '2 h · Certified'],
      ['Total 2025', '2 h'],
    ]);

    await user.click(within(earlier).getByRole('button', { name: 'Print the statement' }));
    expect(print).toHaveBeenCalledTimes(1);
  });

  it('reads in Chinese, and says so when no hours are recorded yet', async () => {
    fakeGateway({
      'GET /api/volunteers/me': { body: qiaoProfile },
      'GET /api/volunteers/{id}/service-hours': { body: { volunteerId: QIAO, entries: [], years: [] } },
    });
    renderApp('/hours', { me: VOLUNTEER, language: 'zh-CN' });
    expect(await screen.findByText('您还没有服务时长记录。服务后签退即会记录。')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: '打印证明' })).not.toBeInTheDocument();
  });
});
