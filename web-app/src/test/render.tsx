import { render } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import type { Me } from '../api/client';
import { routes } from '../app/App';
import { Session } from '../app/Session';
import { I18nProvider } from '../i18n/I18n';
import type { Language } from '../i18n/messages';

export const COORDINATOR: Me = {
  subject: 'local-coordinator',
  name: '王协调',
  email: 'coordinator@caravan.example',
  locale: 'zh-CN',
  roles: ['coordinator'],
};

export const VOLUNTEER: Me = {
  subject: 'volunteer-qiao',
  name: 'Qiao Yuanhui',
  email: 'qiao@volunteers.example',
  locale: 'zh-CN',
  roles: ['volunteer'],
};

export const LIAISON: Me = { subject: 'liaison-huazhang', name: 'Huazhang liaison', roles: ['donor_liaison'] };

/** The whole app (shell, routes, screens) at a path, signed in as `me`, in a language. */
export function renderApp(path: string, { me = COORDINATOR, language = 'en' }: { me?: Me; language?: Language } = {}) {
  const load = () => Promise.resolve(me);
  const router = createMemoryRouter(routes, { initialEntries: [path] });
  const rendered = render(
    <I18nProvider initial={language}>
      <Session load={load}>
        <RouterProvider router={router} />
      </Session>
    </I18nProvider>,
  );
  return { ...rendered, router };
}
