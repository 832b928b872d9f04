import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Visit } from '../../api/types';
import { fakeGateway, problem } from '../../test/fakeGateway';
import { VISIT_ID } from '../../test/fixtures';
import { renderApp } from '../../test/render';

const site = { id: 's-1', name: '蒲公英中学 Dandelion School', district: '大兴区', timeZone: 'Asia/Shanghai', kind: 'SCHOOL' as const };
const caravan = { id: 'c-1', name: '京津冀职工志愿大篷车' };

const draft: Visit = {
  id: VISIT_ID,
  theme: '共谱祖国颂，工筑少年梦',
  caravan: { id: caravan.id, name: caravan.name },
  site: { id: site.id, name: site.name, district: site.district, timeZone: site.timeZone },
  startsAt: '2026-09-26T09:30:00',
  endsAt: '2026-09-26T11:30:00',
  timeZone: 'Asia/Shanghai',
  status: 'DRAFT',
  version: 1,
  programme: [],
};

const withRecitation: Visit = {
  ...draft,
  version: 2,
  programme: [
    {
      id: 'i-1',
      position: 1,
      title: 'Recitation 《读中国》',
      kind: 'PERFORMANCE',
      startsAt: '2026-09-26T09:30:00',
      endsAt: '2026-09-26T09:45:00',
      durationMinutes: 15,
      teamSlots: 0,
      needs: [{ role: 'reciter', headcount: 2, skills: ['recitation'] }],
    },
  ],
};

describe('planning a visit', () => {
  it('drafts a visit for a new caravan, then opens its programme', async () => {
    const user = userEvent.setup();
    const gateway = fakeGateway({
      'GET /api/caravans': { body: [] },
      'GET /api/sites': { body: [site] },
      'POST /api/caravans': { status: 201, body: caravan },
      'POST /api/visits': { status: 201, body: draft },
      'GET /api/visits/{id}': { body: draft },
    });
    renderApp('/visits/new');

    const form = await screen.findByRole('form', { name: 'The visit' });
    // The caravans and the sites come with their own answers: a user sees both lists before saving.
    await waitFor(() => expect(within(form).queryByText('Loading…')).not.toBeInTheDocument());
    await user.click(within(form).getByRole('button', { name: 'Save the draft' }));
    expect(within(form).getByText('Choose a caravan or name a new one.')).toBeInTheDocument();
    expect(within(form).getByText('Choose the site.')).toBeInTheDocument();
    expect(gateway.requests.filter((request) => request.method === 'POST')).toEqual([]);

    await user.type(within(form).getByLabelText('Name of the new caravan'), caravan.name);
    await user.selectOptions(await within(form).findByLabelText('Site'), site.id);
    await user.type(within(form).getByLabelText('Theme'), '共谱祖国颂，工筑少年梦');
    await user.type(within(form).getByLabelText('Start date'), '2026-09-26');
    await user.type(within(form).getByLabelText('Expected audience (people)'), '400');
    await user.click(within(form).getByRole('button', { name: 'Save the draft' }));

    expect(await screen.findByRole('heading', { name: 'Plan: 共谱祖国颂，工筑少年梦' })).toBeInTheDocument();
    const posted = gateway.requests.filter((request) => request.method === 'POST');
    expect(posted.map((request) => request.path)).toEqual(['/api/caravans', '/api/visits']);
    expect(posted[1]?.body).toEqual({
      caravanId: 'c-1',
      siteId: 's-1',
      theme: '共谱祖国颂，工筑少年梦',
      startsAt: '2026-09-26T09:30:00',
      endsAt: '2026-09-26T11:30:00',
      expectedAudience: 400,
    });
    expect(screen.getByRole('button', { name: 'Schedule the visit' })).toBeDisabled();
  });

  it('adds an item with the people it needs, showing what the service refused next to the field', async () => {
    const user = userEvent.setup();
    let attempts = 0;
    const gateway = fakeGateway({
      'GET /api/caravans': { body: [caravan] },
      'GET /api/sites': { body: [site] },
      'GET /api/visits/{id}': { body: draft },
      'POST /api/visits/{visitId}/programme-items': () => {
        attempts += 1;
        return attempts === 1
          ? problem(400, 'Invalid request', 'Some fields are not valid', {
              errors: [{ field: 'startsAt', message: 'must be within the visit, 09:30 to 11:30' }],
            })
          : { status: 201, body: withRecitation };
      },
      'POST /api/visits/{id}/schedule': { body: { ...withRecitation, status: 'SCHEDULED', version: 3 } },
      'GET /api/visits/{visitId}/staffing': { body: [] },
    });
    renderApp(`/visits/${VISIT_ID}/edit`);

    await user.click(await screen.findByRole('button', { name: 'Add a programme item' }));
    const form = screen.getByRole('form', { name: 'Add a programme item' });
    await user.type(within(form).getByLabelText('Title'), 'Recitation 《读中国》');
    await user.clear(within(form).getByLabelText('Length (minutes)'));
    await user.type(within(form).getByLabelText('Length (minutes)'), '15');
    await user.click(within(form).getByRole('button', { name: 'Add a role' }));
    const role = within(form).getByRole('group', { name: 'Role 1' });
    await user.type(within(role).getByLabelText('Role'), 'reciter');
    await user.type(within(role).getByLabelText('Skills'), 'recitation');
    await user.clear(within(role).getByLabelText('How many people'));
    await user.type(within(role).getByLabelText('How many people'), '2');
    await user.click(within(form).getByRole('button', { name: 'Save the item' }));

    expect(await within(form).findByText('must be within the visit, 09:30 to 11:30')).toBeInTheDocument();
    await user.click(within(form).getByRole('button', { name: 'Save the item' }));

    const programme = await screen.findByRole('list', { name: 'Programme' });
    expect(within(programme).getByRole('article', { name: 'Recitation 《读中国》' })).toHaveTextContent('reciter: 2 people (recitation)');
    const added = gateway.requests.filter((request) => request.path.endsWith('/programme-items'));
    expect(added.at(-1)?.headers.get('If-Match')).toBe('"1"');
    expect(added.at(-1)?.body).toEqual({
      title: 'Recitation 《读中国》',
      kind: 'PERFORMANCE',
      startsAt: '2026-09-26T09:30:00',
      durationMinutes: 15,
      teamSlots: 0,
      needs: [{ role: 'reciter', skills: ['recitation'], headcount: 2 }],
    });

    await user.click(screen.getByRole('button', { name: 'Schedule the visit' }));
    const scheduled = gateway.requests.find((request) => request.path.endsWith('/schedule'));
    expect(scheduled?.headers.get('If-Match')).toBe('"2"');
    expect(await screen.findByRole('heading', { name: /Staffing board/ })).toBeInTheDocument();
  });

  it('keeps the details being typed when the programme changes, and starts them again from what was saved', async () => {
    const user = userEvent.setup();
    fakeGateway({
      'GET /api/caravans': { body: [caravan] },
      'GET /api/sites': { body: [site] },
      'GET /api/visits/{id}': { body: draft },
      'POST /api/visits/{visitId}/programme-items': { status: 201, body: withRecitation },
      'PUT /api/visits/{id}': { body: { ...withRecitation, theme: 'Reading day', version: 3 } },
    });
    renderApp(`/visits/${VISIT_ID}/edit`);

    const details = await screen.findByRole('form', { name: 'The visit' });
    const theme = within(details).getByLabelText('Theme');
    await user.clear(theme);
    await user.type(theme, 'Reading day');
    await user.click(screen.getByRole('button', { name: 'Add a programme item' }));
    const item = screen.getByRole('form', { name: 'Add a programme item' });
    await user.type(within(item).getByLabelText('Title'), 'Recitation 《读中国》');
    await user.click(within(item).getByRole('button', { name: 'Save the item' }));
    await screen.findByRole('list', { name: 'Programme' });
    expect(within(screen.getByRole('form', { name: 'The visit' })).getByLabelText('Theme')).toHaveValue('Reading day');

    await user.click(within(screen.getByRole('form', { name: 'The visit' })).getByRole('button', { name: 'Save the visit' }));
    expect(await screen.findByText('The visit is saved.')).toBeInTheDocument();
    expect(within(screen.getByRole('form', { name: 'The visit' })).getByLabelText('Theme')).toHaveValue('Reading day');
  });

  it('speaks Chinese to a coordinator who reads it', async () => {
    fakeGateway({ 'GET /api/caravans': { body: [caravan] }, 'GET /api/sites': { body: [site] } });
    renderApp('/visits/new', { language: 'zh-CN' });
    expect(await screen.findByRole('heading', { name: '新建活动' })).toBeInTheDocument();
    expect(await screen.findByRole('option', { name: '蒲公英中学 Dandelion School (大兴区)' })).toBeInTheDocument();
  });
});
