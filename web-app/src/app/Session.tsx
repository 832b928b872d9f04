import { createContext, useContext, useEffect, type ReactNode } from 'react';
import { fetchMe, signedOut, type Me } from '../api/client';
import { ProblemMessage } from '../components/Problem';
import { Loading } from '../components/Loading';
import { useLoad } from '../hooks/useLoad';
import { useI18n } from '../i18n/I18n';

const SessionContext = createContext<Me | null>(null);

/** Asks the gateway who is signed in; nobody (401) goes to sign-in, the rest of the app sees the person. */
export function Session({ children, load = fetchMe }: { children: ReactNode; load?: () => Promise<Me> }) {
  const { t } = useI18n();
  const me = useLoad(load);
  const unauthorised = me.status === 'failed' && me.problem.status === 401;
  useEffect(() => {
    if (unauthorised) {
      signedOut();
    }
  }, [unauthorised]);

  if (me.status === 'loading') {
    return <Loading />;
  }
  if (me.status === 'failed') {
    if (unauthorised) {
      return <Loading label={t('app.signingIn')} />;
    }
    return (
      <main className="page" id="main">
        <h1>{t('app.name')}</h1>
        <ProblemMessage problem={me.problem} />
        <button type="button" className="button" onClick={me.reload}>
          {t('app.retry')}
        </button>
      </main>
    );
  }
  return <SessionContext.Provider value={me.data}>{children}</SessionContext.Provider>;
}

export function useMe(): Me {
  const me = useContext(SessionContext);
  if (me === null) {
    throw new Error('useMe needs a Session around it');
  }
  return me;
}
