import { useCallback, useId, useLayoutEffect, useRef, useState } from 'react';
import { api, call } from '../../api/client';
import type { ApiProblem } from '../../api/problem';
import type { Volunteer, Weekday } from '../../api/types';
import { PageHeading } from '../../app/Page';
import { Field, FieldMessages, namesField, serviceMessages, type FieldMessage } from '../../components/Field';
import { Outcome } from '../../components/Loading';
import { ProblemMessage } from '../../components/Problem';
import { useAction } from '../../hooks/useAction';
import { useLoad } from '../../hooks/useLoad';
import { useI18n } from '../../i18n/I18n';
import { LANGUAGE_NAMES, type MessageKey } from '../../i18n/messages';
import { DEFAULT_TIME_ZONE } from '../../i18n/time';
import { CalendarLink } from './CalendarLink';
import { loadMyVolunteer } from './MyHours';
import {
  CHANNELS,
  draftOf,
  isChannel,
  LOCALES,
  moved,
  newDateRow,
  newWeeklyRow,
  profileOf,
  WEEKDAYS,
  type DateRow,
  type ProfileDraft,
  type WeeklyRow,
} from './profile';

/** The fields the form shows the service's messages next to (and what lies inside them). */
const SHOWN_FIELDS = [
  'name',
  'phone',
  'email',
  'district',
  'languages',
  'locale',
  'timeZone',
  'contactPreferences.channels',
  'contactPreferences.webhookUrl',
  'contactPreferences.quietHours',
  'availability',
] as const;

function shownNextToControls(problem: ApiProblem | null): string[] {
  return (problem?.errors ?? [])
    .map((error) => error.field)
    .filter((field) => SHOWN_FIELDS.some((shown) => namesField(field, shown)));
}

function useChannelName() {
  const { t } = useI18n();
  return (channel: string) => (isChannel(channel) ? t(`channel.${channel}`) : channel);
}

function weekday(value: string): Weekday | undefined {
  return WEEKDAYS.find((day) => day === value);
}

type Focus = { channel: string; control: 'up' | 'down' | 'add' } | null;

/** The channels in order, each moved with buttons (so by keyboard too); the focus stays with the moved channel. */
function Channels({
  channels,
  onChange,
  messages,
}: {
  channels: readonly string[];
  onChange: (channels: string[]) => void;
  messages: FieldMessage[];
}) {
  const { t } = useI18n();
  const name = useChannelName();
  const legendId = useId();
  const hintId = useId();
  const messageId = useId();
  const [said, setSaid] = useState('');
  const [focus, setFocus] = useState<Focus>(null);
  const controls = useRef(new Map<string, HTMLButtonElement>());
  const control = (key: string) => (button: HTMLButtonElement | null) => {
    if (button === null) controls.current.delete(key);
    else controls.current.set(key, button);
  };
  // Once per move, in its commit: a later change of the list (the saved profile coming back) leaves the focus alone.
  useLayoutEffect(() => {
    if (focus !== null) controls.current.get(`${focus.channel}:${focus.control}`)?.focus();
  }, [focus]);

  const move = (index: number, by: number) => {
    const channel = channels[index];
    if (channel === undefined) return;
    const next = moved(channels, index, by);
    const position = next.indexOf(channel);
    onChange(next);
    // A button at the end of its way is disabled and would drop the focus: the other one takes it then.
    const direction = by < 0 ? (position === 0 ? 'down' : 'up') : position === next.length - 1 ? 'up' : 'down';
    setFocus({ channel, control: direction });
    setSaid(t('profile.channelMoved', { channel: name(channel), position: position + 1, count: next.length }));
  };
  const remove = (index: number) => {
    const channel = channels[index];
    if (channel === undefined) return;
    onChange(channels.filter((_, at) => at !== index));
    setFocus({ channel, control: 'add' });
    setSaid(t('profile.channelRemoved', { channel: name(channel) }));
  };
  const add = (channel: string) => {
    onChange([...channels, channel]);
    setFocus({ channel, control: channels.length === 0 ? 'down' : 'up' });
    setSaid(t('profile.channelAdded', { channel: name(channel), position: channels.length + 1 }));
  };
  const unused = CHANNELS.filter((channel) => !channels.includes(channel));
  return (
    <fieldset
      className="group"
      aria-labelledby={legendId}
      aria-describedby={[hintId, messages.length > 0 ? messageId : undefined].filter(Boolean).join(' ')}
    >
      <legend id={legendId}>{t('profile.channels')}</legend>
      <p className="muted" id={hintId}>
        {t('profile.channelsHint')}
      </p>
      <ol className="channel-list">
        {channels.map((channel, index) => (
          <li key={channel} className="channel">
            <span className="channel-name">{t('profile.channelAt', { position: index + 1, channel: name(channel) })}</span>
            <span className="channel-actions">
              <button
                type="button"
                className="button secondary small"
                ref={control(`${channel}:up`)}
                aria-label={t('profile.moveUpChannel', { channel: name(channel) })}
                disabled={index === 0}
                onClick={() => move(index, -1)}
              >
                ↑ {t('profile.moveUp')}
              </button>
              <button
                type="button"
                className="button secondary small"
                ref={control(`${channel}:down`)}
                aria-label={t('profile.moveDownChannel', { channel: name(channel) })}
                disabled={index === channels.length - 1}
                onClick={() => move(index, 1)}
              >
                ↓ {t('profile.moveDown')}
              </button>
              <button
                type="button"
                className="button secondary small"
                aria-label={t('profile.removeChannel', { channel: name(channel) })}
                disabled={channels.length === 1}
                onClick={() => remove(index)}
              >
                {t('profile.remove')}
              </button>
            </span>
          </li>
        ))}
      </ol>
      {unused.length > 0 && (
        <p className="button-row">
          {unused.map((channel) => (
            <button key={channel} type="button" className="button secondary small" ref={control(`${channel}:add`)} onClick={() => add(channel)}>
              {t('profile.addChannel', { channel: name(channel) })}
            </button>
          ))}
        </p>
      )}
      <FieldMessages id={messageId} messages={messages} />
      <p className="visually-hidden" role="status">
        {said}
      </p>
    </fieldset>
  );
}

function WeeklyRows({
  rows,
  onChange,
  problem,
}: {
  rows: readonly WeeklyRow[];
  onChange: (rows: WeeklyRow[]) => void;
  problem: ApiProblem | null;
}) {
  const { t } = useI18n();
  const addButton = useRef<HTMLButtonElement>(null);
  const rowsId = useId();
  const update = (key: number, patch: Partial<WeeklyRow>) =>
    onChange(rows.map((row) => (row.key === key ? { ...row, ...patch } : row)));
  return (
    <fieldset className="group">
      <legend>{t('profile.weekly')}</legend>
      {rows.length === 0 && <p className="muted">{t('profile.noWeekly')}</p>}
      {rows.map((row, index) => {
        const number = index + 1;
        const messages = serviceMessages(problem, `availability.weekly[${index}]`);
        const messageId = `${rowsId}-${row.key}`;
        return (
          <fieldset key={row.key} className="row-group" aria-describedby={messages.length > 0 ? messageId : undefined}>
            <legend>{t('profile.weeklyRow', { number })}</legend>
            <div className="field-row">
              <Field label={t('profile.day')} messages={[]}>
                {(props) => (
                  <select {...props} value={row.day} onChange={(event) => update(row.key, { day: weekday(event.target.value) ?? row.day })}>
                    {WEEKDAYS.map((day) => (
                      <option key={day} value={day}>
                        {t(`weekday.${day}`)}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
              <Field label={t('profile.from')} messages={[]}>
                {(props) => <input type="time" {...props} value={row.from} onChange={(event) => update(row.key, { from: event.target.value })} />}
              </Field>
              <Field label={t('profile.to')} messages={[]}>
                {(props) => <input type="time" {...props} value={row.to} onChange={(event) => update(row.key, { to: event.target.value })} />}
              </Field>
            </div>
            <FieldMessages id={messageId} messages={messages} />
            <button
              type="button"
              className="button secondary small"
              onClick={() => {
                onChange(rows.filter((other) => other.key !== row.key));
                addButton.current?.focus();
              }}
            >
              {t('profile.removeWeekly', { number })}
            </button>
          </fieldset>
        );
      })}
      <button type="button" className="button secondary small" ref={addButton} onClick={() => onChange([...rows, newWeeklyRow()])}>
        {t('profile.addWeekly')}
      </button>
    </fieldset>
  );
}

function DateRows({
  rows,
  onChange,
  problem,
}: {
  rows: readonly DateRow[];
  onChange: (rows: DateRow[]) => void;
  problem: ApiProblem | null;
}) {
  const { t } = useI18n();
  const addButton = useRef<HTMLButtonElement>(null);
  const wholeDayId = useId();
  const update = (key: number, patch: Partial<DateRow>) =>
    onChange(rows.map((row) => (row.key === key ? { ...row, ...patch } : row)));
  return (
    <fieldset className="group">
      <legend>{t('profile.exceptions')}</legend>
      {rows.length === 0 && <p className="muted">{t('profile.noExceptions')}</p>}
      {rows.map((row, index) => {
        const number = index + 1;
        const messages = serviceMessages(problem, `availability.exceptions[${index}]`);
        const messageId = `${wholeDayId}-${row.key}-messages`;
        return (
          <fieldset key={row.key} className="row-group" aria-describedby={messages.length > 0 ? messageId : undefined}>
            <legend>{t('profile.exceptionRow', { number })}</legend>
            <div className="field-row">
              <Field label={t('profile.date')} messages={[]}>
                {(props) => <input type="date" {...props} value={row.date} onChange={(event) => update(row.key, { date: event.target.value })} />}
              </Field>
              <Field label={t('profile.onThatDate')} messages={[]}>
                {(props) => (
                  <select
                    {...props}
                    value={row.available ? 'yes' : 'no'}
                    onChange={(event) => update(row.key, { available: event.target.value === 'yes' })}
                  >
                    <option value="no">{t('profile.unavailable')}</option>
                    <option value="yes">{t('profile.available')}</option>
                  </select>
                )}
              </Field>
            </div>
            <p className="check">
              <input
                type="checkbox"
                id={`${wholeDayId}-${row.key}`}
                checked={row.wholeDay}
                onChange={(event) => update(row.key, { wholeDay: event.target.checked })}
              />
              <label htmlFor={`${wholeDayId}-${row.key}`}>{t('profile.wholeDay')}</label>
            </p>
            {!row.wholeDay && (
              <div className="field-row">
                <Field label={t('profile.from')} messages={[]}>
                  {(props) => <input type="time" {...props} value={row.from} onChange={(event) => update(row.key, { from: event.target.value })} />}
                </Field>
                <Field label={t('profile.to')} messages={[]}>
                  {(props) => <input type="time" {...props} value={row.to} onChange={(event) => update(row.key, { to: event.target.value })} />}
                </Field>
              </div>
            )}
            <FieldMessages id={messageId} messages={messages} />
            <button
              type="button"
              className="button secondary small"
              onClick={() => {
                onChange(rows.filter((other) => other.key !== row.key));
                addButton.current?.focus();
              }}
            >
              {t('profile.removeException', { number })}
            </button>
          </fieldset>
        );
      })}
      <button type="button" className="button secondary small" ref={addButton} onClick={() => onChange([...rows, newDateRow()])}>
        {t('profile.addException')}
      </button>
    </fieldset>
  );
}

/** The volunteer's own profile: about them, how to reach them (channels in order, quiet hours), when they serve. */
function ProfileForm({ volunteer: loaded }: { volunteer: Volunteer }) {
  const { t } = useI18n();
  const [volunteer, setVolunteer] = useState(loaded);
  const [draft, setDraft] = useState<ProfileDraft>(() => draftOf(loaded));
  const [local, setLocal] = useState<MessageKey[]>([]);
  const [saved, setSaved] = useState(false);
  const savedRef = useRef<HTMLParagraphElement>(null);
  const quietId = useId();
  const aboutId = useId();
  const contactId = useId();
  const availabilityId = useId();
  const quietMessagesId = useId();
  const availabilityMessagesId = useId();
  // In the commit that shows the message: no frame in which the keyboard is elsewhere.
  useLayoutEffect(() => {
    if (saved) savedRef.current?.focus();
  }, [saved]);

  const version = volunteer.version;
  const save = useAction(
    useCallback(
      async (body: ReturnType<typeof profileOf>) => {
        const after = await call(
          api.volunteers.PUT('/api/volunteers/me', {
            params: { header: { 'If-Match': `"${version ?? 0}"` } },
            body,
          }),
        );
        setVolunteer(after);
        setDraft(draftOf(after));
        setSaved(true);
        return after;
      },
      [version],
    ),
  );
  const change = (patch: Partial<ProfileDraft>) => {
    setSaved(false);
    setDraft((previous) => ({ ...previous, ...patch }));
  };
  const problem = save.problem;
  const messages = (field: string) => serviceMessages(problem, field);
  const nameMessages = [...local.map((key): FieldMessage => ({ text: t(key) })), ...messages('name')];
  const quietMessages = messages('contactPreferences.quietHours');
  // What the service says of availability as a whole, or of a row the form does not have.
  const availabilityMessages = (problem?.errors ?? [])
    .filter((error) => namesField(error.field, 'availability'))
    .filter((error) => {
      const row = /^availability\.(weekly|exceptions)\[(\d+)\]/.exec(error.field);
      if (row === null) return true;
      const rows = row[1] === 'weekly' ? draft.weekly : draft.dates;
      return Number(row[2]) >= rows.length;
    })
    .map((error): FieldMessage => ({ text: error.message, lang: 'en' }));
  const zone = draft.timeZone.trim() === '' ? DEFAULT_TIME_ZONE : draft.timeZone.trim();

  return (
    <form
      className="profile-form"
      noValidate
      aria-label={t('profile.title')}
      onSubmit={(event) => {
        event.preventDefault();
        const found: MessageKey[] = draft.name.trim() === '' ? ['profile.nameRequired'] : [];
        setLocal(found);
        setSaved(false);
        if (found.length === 0) {
          void save.run(profileOf(draft));
        }
      }}
    >
      <section className="card form-section" aria-labelledby={aboutId}>
        <h2 id={aboutId}>{t('profile.about')}</h2>
        <Field label={t('profile.name')} messages={nameMessages}>
          {(props) => <input {...props} autoComplete="name" required maxLength={100} value={draft.name} onChange={(event) => change({ name: event.target.value })} />}
        </Field>
        <div className="field-row">
          <Field label={t('profile.phone')} messages={messages('phone')}>
            {(props) => <input {...props} type="tel" autoComplete="tel" maxLength={40} value={draft.phone} onChange={(event) => change({ phone: event.target.value })} />}
          </Field>
          <Field label={t('profile.email')} messages={messages('email')}>
            {(props) => <input {...props} type="email" autoComplete="email" maxLength={200} value={draft.email} onChange={(event) => change({ email: event.target.value })} />}
          </Field>
        </div>
        <Field label={t('profile.district')} messages={messages('district')}>
          {(props) => <input {...props} maxLength={100} value={draft.district} onChange={(event) => change({ district: event.target.value })} />}
        </Field>
        <Field label={t('profile.languages')} hint={t('profile.languagesHint')} messages={messages('languages')}>
          {(props) => <input {...props} value={draft.languages} onChange={(event) => change({ languages: event.target.value })} />}
        </Field>
        <div className="field-row">
          <Field label={t('profile.locale')} messages={messages('locale')}>
            {(props) => (
              <select {...props} value={draft.locale} onChange={(event) => change({ locale: event.target.value })}>
                {LOCALES.map((locale) => (
                  <option key={locale} value={locale} lang={locale}>
                    {LANGUAGE_NAMES[locale]}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label={t('profile.timeZone')} hint={t('profile.timeZoneHint')} messages={messages('timeZone')}>
            {(props) => <input {...props} maxLength={64} spellCheck={false} value={draft.timeZone} onChange={(event) => change({ timeZone: event.target.value })} />}
          </Field>
        </div>
      </section>

      <section className="card form-section" aria-labelledby={contactId}>
        <h2 id={contactId}>{t('profile.contact')}</h2>
        <Channels channels={draft.channels} onChange={(channels) => change({ channels })} messages={messages('contactPreferences.channels')} />
        <Field label={t('profile.webhookUrl')} hint={t('profile.webhookHint')} messages={messages('contactPreferences.webhookUrl')}>
          {(props) => (
            <input {...props} type="url" inputMode="url" spellCheck={false} value={draft.webhookUrl} onChange={(event) => change({ webhookUrl: event.target.value })} />
          )}
        </Field>
        <fieldset className="group" aria-describedby={quietMessages.length > 0 ? quietMessagesId : undefined}>
          <legend>{t('profile.quiet')}</legend>
          <p className="check">
            <input type="checkbox" id={quietId} checked={draft.quiet} onChange={(event) => change({ quiet: event.target.checked })} />
            <label htmlFor={quietId}>{t('profile.quietOn')}</label>
          </p>
          {draft.quiet && (
            <>
              <div className="field-row">
                <Field label={t('profile.quietFrom')} messages={[]}>
                  {(props) => <input type="time" {...props} value={draft.quietFrom} onChange={(event) => change({ quietFrom: event.target.value })} />}
                </Field>
                <Field label={t('profile.quietTo')} messages={[]}>
                  {(props) => <input type="time" {...props} value={draft.quietTo} onChange={(event) => change({ quietTo: event.target.value })} />}
                </Field>
              </div>
              <p className="muted">{t('profile.quietHint')}</p>
            </>
          )}
          <FieldMessages id={quietMessagesId} messages={quietMessages} />
        </fieldset>
      </section>

      <section className="card form-section" aria-labelledby={availabilityId} aria-describedby={availabilityMessages.length > 0 ? availabilityMessagesId : undefined}>
        <h2 id={availabilityId}>{t('profile.availability')}</h2>
        <p className="muted">{t('profile.availabilityHint', { zone })}</p>
        <WeeklyRows rows={draft.weekly} onChange={(weekly) => change({ weekly })} problem={problem} />
        <DateRows rows={draft.dates} onChange={(dates) => change({ dates })} problem={problem} />
        <FieldMessages id={availabilityMessagesId} messages={availabilityMessages} />
      </section>

      <div className="save-row">
        <button type="submit" className="button" disabled={save.running}>
          {save.running ? t('profile.saving') : t('profile.save')}
        </button>
        {problem !== null && <ProblemMessage problem={problem} omitFields={shownNextToControls(problem)} />}
        <p className="done" role="status" tabIndex={-1} ref={savedRef}>
          {saved ? t('profile.saved') : ''}
        </p>
      </div>
    </form>
  );
}

/** Volunteers: their own profile to keep, and their personal calendar feed. */
export function MyProfile() {
  const { t } = useI18n();
  const volunteer = useLoad(loadMyVolunteer);
  return (
    <>
      <PageHeading text={t('profile.title')} />
      <p className="intro">{t('profile.intro')}</p>
      <Outcome loaded={volunteer} reload={volunteer.reload}>
        {(found) => <ProfileForm key={found.id} volunteer={found} />}
      </Outcome>
      <CalendarLink />
    </>
  );
}
