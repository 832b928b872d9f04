import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { whenSignedOut } from '../api/client';
import { I18nProvider } from '../i18n/I18n';
import { fakeGateway, problem } from '../test/fakeGateway';
import { inbox, pledges, visitPage } from '../test/fixtures';
import { COORDINATOR, LIAISON, renderApp, VOLUNTEER } from '../test/render';
import { render } from '@testing-library/react';
import { App } from './App';

function quietGateway() {
  return fakeGateway({
    'GET /api/visits': { body: visitPage },
    'GET /api/visits/{id}/staffing': { body: [] },
    'GET /api/inbox': { body: inbox },
    'GET /api/pledges': { body: pledges },
    'GET /api/volunteers/me/assignments': { body: [] },
  });
}

describe('the shell', () => {
  it('has a header with the person, navigation by role and the main content', async () => {
    quietGateway();
    renderApp('/', { me: COORDINATOR });
    const banner = await screen.findByRole('banner');
    expect(within(banner).getByText('Signed in as 王协调')).toBeInTheDocument();
    expect(within(banner).getByText('Roles: Coordinator')).toBeInTheDocument();
    const navigation = screen.getByRole('navigation', { name: 'Main' });
    expect(within(navigation).getAllByRole('link').map((link) => link.textContent)).toEqual([
      'Upcoming visits',
      'Pledges',
      'Inbox',
    ]);
    expect(screen.getByRole('main')).toBeInTheDocument();
    // The start is the first screen the roles open.
    expect(await screen.findByRole('heading', { level: 1, name: 'Upcoming visits' })).toBeInTheDocument();
  });

  it('shows each role its own screens', async () => {
    quietGateway();
    renderApp('/', { me: VOLUNTEER });
    const navigation = await screen.findByRole('navigation', { name: 'Main' });
    expect(within(navigation).getAllByRole('link').map((link) => link.textContent)).toEqual(['My assignments', 'My hours', 'My profile', 'Inbox']);
    expect(await screen.findByRole('heading', { level: 1, name: 'My assignments' })).toBeInTheDocument();
  });

  it('keeps screens of other roles closed', async () => {
    quietGateway();
    renderApp('/visits', { me: LIAISON });
    expect(await screen.findByText('There is nothing here for your roles yet.')).toBeInTheDocument();
  });

  it('switches the language, remembers it and tells the page', async () => {
    quietGateway();
    const user = userEvent.setup();
    renderApp('/inbox', { me: VOLUNTEER });
    await user.selectOptions(await screen.findByRole('combobox', { name: 'Language' }), '中文');
    expect(screen.getByRole('navigation', { name: '主导航' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: '我的任务' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 1, name: '消息' })).toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: '语言' })).toHaveValue('zh-CN');
    expect(window.localStorage.getItem('caravan.language')).toBe('zh-CN');
    expect(document.documentElement.lang).toBe('zh-CN');
  });

  it('signs out with a form that posts the CSRF cookie’s token', async () => {
    quietGateway();
    document.cookie = 'XSRF-TOKEN=token-1';
    renderApp('/inbox', { me: VOLUNTEER });
    const button = await screen.findByRole('button', { name: 'Sign out' });
    const form = button.closest('form');
    expect(form).toHaveAttribute('method', 'post');
    expect(form).toHaveAttribute('action', '/logout');
    expect(form).toHaveFormValues({ _csrf: 'token-1' });
  });

  it('sends nobody signed in to sign-in', async () => {
    const signIn = vi.fn();
    whenSignedOut(signIn);
    fakeGateway({ 'GET /api/me': problem(401, 'Unauthorized', 'Nobody is signed in at the gateway') });
    render(
      <I18nProvider initial="en">
        <App />
      </I18nProvider>,
    );
    expect(await screen.findByText('Taking you to sign-in…')).toBeInTheDocument();
    expect(signIn).toHaveBeenCalledTimes(1);
  });

  it('offers to try again when the gateway cannot say who is signed in', async () => {
    const gateway = fakeGateway({ 'GET /api/me': problem(503, 'Service Unavailable', 'The provider is unreachable') });
    const user = userEvent.setup();
    render(
      <I18nProvider initial="zh-CN">
        <App />
      </I18nProvider>,
    );
    expect(await screen.findByRole('alert')).toHaveTextContent('服务暂时无法完成此操作，请稍后再试。');
    await user.click(screen.getByRole('button', { name: '重试' }));
    expect(gateway.requests.filter((request) => request.path === '/api/me')).toHaveLength(2);
  });
});
