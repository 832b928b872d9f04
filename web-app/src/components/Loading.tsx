import type { ReactNode } from 'react';
import type { Loaded } from '../hooks/useLoad';
import { useI18n } from '../i18n/I18n';
import { ProblemMessage } from './Problem';

export function Loading({ label }: { label?: string }) {
  const { t } = useI18n();
  return (
    <p className="loading" role="status">
      {label ?? t('app.loading')}
    </p>
  );
}

/** Shows a load's outcome: "Loading…", the problem with a retry button, or the content made from the data. */
export function Outcome<T>({
  loaded,
  reload,
  children,
  loadingLabel,
}: {
  loaded: Loaded<T>;
  reload: () => void;
  children: (data: T) => ReactNode;
  loadingLabel?: string;
}) {
  const { t } = useI18n();
  if (loaded.status === 'loading') {
    return <Loading label={loadingLabel} />;
  }
  if (loaded.status === 'failed') {
    return (
      <div className="failed">
        <ProblemMessage problem={loaded.problem} />
        <button type="button" className="button secondary" onClick={reload}>
          {t('app.retry')}
        </button>
      </div>
    );
  }
  return <>{children(loaded.data)}</>;
}
