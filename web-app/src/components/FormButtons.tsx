import { useI18n } from '../i18n/I18n';

/**
 * A form's own buttons: its submit, which says it is sending while the request runs, and where the form can be left
 * without sending, the button that leaves it.
 */
export function FormButtons({
  running,
  submit,
  danger = false,
  leave,
}: {
  running: boolean;
  submit: string;
  danger?: boolean;
  leave?: { label: string; onClick: () => void };
}) {
  const { t } = useI18n();
  return (
    <div className="button-row">
      <button type="submit" className={danger ? 'button danger' : 'button'} disabled={running}>
        {running ? t('board.sending') : submit}
      </button>
      {leave !== undefined && (
        <button type="button" className="button secondary" onClick={leave.onClick}>
          {leave.label}
        </button>
      )}
    </div>
  );
}
