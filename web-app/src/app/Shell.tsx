import { useState, type SyntheticEvent } from 'react';
import { NavLink, Outlet } from 'react-router';
import { CSRF_FIELD, csrfToken } from '../api/csrf';
import { useI18n } from '../i18n/I18n';
import { LANGUAGE_NAMES, LANGUAGES, type Language } from '../i18n/messages';
import { LiveIndicator, LiveProvider, NoticeAnnouncer } from '../live/Live';
import { knownRoles, screensFor } from './navigation';
import { useMe } from './Session';

function isLanguage(value: string): value is Language {
  return (LANGUAGES as readonly string[]).includes(value);
}

/**
 * The frame of every screen: who is signed in, the screens their roles open, the language, sign-out, and whether
 * updates arrive live (the tab's one inbox stream, shared by every screen).
 */
export function Shell() {
  const { t, language, setLanguage } = useI18n();
  const me = useMe();
  const [token, setToken] = useState(() => csrfToken() ?? '');
  const name = me.name ?? me.email ?? me.subject;
  const roles = knownRoles(me.roles).map((role) => t(`role.${role}`));

  // The gateway may have renewed the cookie since the page loaded: send the token it holds now.
  const signOut = (event: SyntheticEvent<HTMLFormElement>) => {
    const current = csrfToken() ?? '';
    const field = event.currentTarget.elements.namedItem(CSRF_FIELD);
    if (field instanceof HTMLInputElement) {
      field.value = current;
    }
    setToken(current);
  };

  return (
    <LiveProvider>
      <a
        className="skip-link"
        href="#main"
        onClick={(event) => {
          event.preventDefault();
          document.getElementById('main')?.focus();
        }}
      >
        {t('app.skipToContent')}
      </a>
      <header className="site-header">
        <div className="site-header-inner">
          <p className="brand">
            <span className="brand-name">{t('app.name')}</span>
            <span className="brand-tagline">{t('app.tagline')}</span>
          </p>
          <div className="account">
            <LiveIndicator />
            <p className="who">
              <span>{t('header.signedInAs', { name })}</span>
              {roles.length > 0 && <span className="who-roles">{t('header.roles', { roles: roles.join(language === 'en' ? ', ' : '、') })}</span>}
            </p>
            <label className="language">
              <span>{t('header.language')}</span>
              <select
                value={language}
                onChange={(event) => {
                  if (isLanguage(event.target.value)) {
                    setLanguage(event.target.value);
                  }
                }}
              >
                {LANGUAGES.map((choice) => (
                  <option key={choice} value={choice} lang={choice}>
                    {LANGUAGE_NAMES[choice]}
                  </option>
                ))}
              </select>
            </label>
            <form method="post" action="/logout" className="sign-out" onSubmit={signOut}>
              <input type="hidden" name={CSRF_FIELD} value={token} />
              <button type="submit" className="button secondary">
                {t('header.signOut')}
              </button>
            </form>
          </div>
        </div>
        <nav aria-label={t('header.navigation')} className="site-nav">
          <ul>
            {screensFor(me.roles).map((screen) => (
              <li key={screen.path}>
                <NavLink to={screen.path}>{t(screen.label)}</NavLink>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <main id="main" className="page" tabIndex={-1}>
        <Outlet />
      </main>
      <NoticeAnnouncer />
    </LiveProvider>
  );
}
