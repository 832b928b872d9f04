import { Field, type FieldMessage } from '../../components/Field';
import { useI18n } from '../../i18n/I18n';

/** A visit's start and end as the site's clock shows them, each a date and a time. */
export interface SpanInput {
  startDate: string;
  startTime: string;
  endDate: string;
  endTime: string;
}

/** The start and end rows of a visit's form; the service's `startsAt` and `endsAt` messages go under the dates. */
export function SpanFields({
  value,
  onChange,
  messages,
  endDateHint,
}: {
  value: SpanInput;
  onChange: (part: keyof SpanInput, value: string) => void;
  messages: (field: string) => FieldMessage[];
  endDateHint?: string;
}) {
  const { t } = useI18n();
  return (
    <>
      <div className="field-row">
        <Field label={t('change.startDate')} messages={messages('startsAt')}>
          {(props) => <input type="date" {...props} value={value.startDate} onChange={(event) => onChange('startDate', event.target.value)} />}
        </Field>
        <Field label={t('change.startTime')} messages={[]}>
          {(props) => <input type="time" {...props} value={value.startTime} onChange={(event) => onChange('startTime', event.target.value)} />}
        </Field>
      </div>
      <div className="field-row">
        <Field label={t('change.endDate')} hint={endDateHint} messages={messages('endsAt')}>
          {(props) => <input type="date" {...props} value={value.endDate} onChange={(event) => onChange('endDate', event.target.value)} />}
        </Field>
        <Field label={t('change.endTime')} messages={[]}>
          {(props) => <input type="time" {...props} value={value.endTime} onChange={(event) => onChange('endTime', event.target.value)} />}
        </Field>
      </div>
    </>
  );
}
