import { useCallback, useId, useRef, useState } from 'react';
import { api, call } from '../../api/client';
import { ProblemMessage } from '../../components/Problem';
import { useAction } from '../../hooks/useAction';
import { useI18n } from '../../i18n/I18n';

/** The feed's address as a calendar app needs it: whole, at the gateway's origin (the service answers a path). */
export function feedAddress(url: string): string {
  return new URL(url, window.location.origin).href;
}

/**
 * The volunteer's personal calendar feed: make (or make anew, which ends the old) an address to subscribe to, copy
 * it, or stop it. The service never shows an address again, so one made earlier is not known here.
 */
export function CalendarLink() {
  const { t } = useI18n();
  const headingId = useId();
  const urlId = useId();
  const [address, setAddress] = useState<string | null>(null);
  const [said, setSaid] = useState('');
  const input = useRef<HTMLInputElement>(null);
  const issue = useAction(
    useCallback(async () => {
      const link = await call(api.volunteers.POST('/api/volunteers/me/calendar-token'));
      setAddress(link.url === undefined ? null : feedAddress(link.url));
      setSaid(t('calendar.made'));
    }, [t]),
  );
  const revoke = useAction(
    useCallback(async () => {
      await call(api.volunteers.DELETE('/api/volunteers/me/calendar-token'));
      setAddress(null);
      setSaid(t('calendar.revoked'));
    }, [t]),
  );
  const copy = async (text: string) => {
    try {
      await navigator.clipboard.writeText(text);
      setSaid(t('calendar.copied'));
    } catch {
      input.current?.select();
      setSaid(t('calendar.copyFailed'));
    }
  };
  const problem = issue.problem ?? revoke.problem;
  const busy = issue.running || revoke.running;
  return (
    <section className="card form-section calendar-link" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('calendar.title')}</h2>
      <p>{t('calendar.intro')}</p>
      <p className="muted">{t('calendar.secret')}</p>
      {address === null ? (
        <p className="muted">{t('calendar.unknown')}</p>
      ) : (
        <div className="field">
          <label htmlFor={urlId}>{t('calendar.url')}</label>
          <input
            id={urlId}
            ref={input}
            className="feed-address"
            type="text"
            readOnly
            spellCheck={false}
            value={address}
            onFocus={(event) => event.target.select()}
          />
          <p>
            <button type="button" className="button" onClick={() => void copy(address)}>
              {t('calendar.copy')}
            </button>
          </p>
        </div>
      )}
      <div className="button-row">
        <button type="button" className={address === null ? 'button' : 'button secondary'} disabled={busy} onClick={() => void issue.run()}>
          {address === null ? t('calendar.create') : t('calendar.rotate')}
        </button>
        <button type="button" className="button secondary" disabled={busy} onClick={() => void revoke.run()}>
          {t('calendar.revoke')}
        </button>
      </div>
      {problem !== null && <ProblemMessage problem={problem} />}
      <p className="done" role="status">
        {said}
      </p>
    </section>
  );
}
