import type { ReactNode } from 'react';
import type { ApiProblem } from '../api/problem';
import { useI18n, type I18n } from '../i18n/I18n';
import { isMessageKey } from '../i18n/translate';

/** The problem in the chosen language: the broken rule where the app knows it, else what the status means. */
export function describeProblem(problem: ApiProblem, t: I18n['t']): string {
  const kind = problem.kind;
  const byKind = kind === undefined ? undefined : `problem.kind.${kind}`;
  if (byKind !== undefined && isMessageKey(byKind)) {
    return t(byKind);
  }
  const status = problem.status;
  if (status === 0) return t('problem.network');
  if (status === 400) return t('problem.badRequest');
  if (status === 401) return t('problem.unauthorized');
  if (status === 403) return /csrf/i.test(problem.detail ?? '') ? t('problem.csrf') : t('problem.forbidden');
  if (status === 404) return t('problem.notFound');
  if (status === 409) return t('problem.conflict');
  if (status === 412) return t('problem.preconditionFailed');
  if (status === 413) return t('problem.tooLarge');
  if (status === 429) return t('problem.tooMany');
  if (status >= 500) return t('problem.server');
  return t('problem.other', { status });
}

export function fieldLabel(field: string, t: I18n['t']): string {
  const key = `field.${field}`;
  return isMessageKey(key) ? t(key) : field;
}

/**
 * An error answer shown where the action was: the translated summary, the fields it names (unless they are shown
 * next to their controls), and the service's own words (in English, so marked as such for screen readers) with the
 * trace id support needs.
 */
export function ProblemMessage({
  problem,
  id,
  omitFields = [],
  children,
}: {
  problem: ApiProblem;
  id?: string;
  /** Fields whose messages are shown next to their controls already. */
  omitFields?: readonly string[];
  /** What the screen can say of this problem beyond its summary (e.g. which place a double booking clashes with). */
  children?: ReactNode;
}) {
  const { t } = useI18n();
  const summary = describeProblem(problem, t);
  const errors = problem.errors.filter((error) => !omitFields.includes(error.field));
  const detail = problem.detail !== undefined && problem.detail !== summary ? problem.detail : undefined;
  return (
    <div className="problem" role="alert" id={id}>
      <p className="problem-summary">{summary}</p>
      {children}
      {errors.length > 0 && (
        <ul className="problem-fields">
          {errors.map((error) => (
            <li key={`${error.field}:${error.message}`}>
              <strong>{t('problem.fieldLabel', { field: fieldLabel(error.field, t) })}</strong>{' '}
              <span lang="en">{error.message}</span>
            </li>
          ))}
        </ul>
      )}
      {detail !== undefined && problem.status !== 0 && (
        <p className="problem-detail">
          {t('problem.serverSaid')} <span lang="en">{detail}</span>
        </p>
      )}
      {problem.traceId !== undefined && <p className="problem-trace">{t('problem.trace', { traceId: problem.traceId })}</p>}
    </div>
  );
}
