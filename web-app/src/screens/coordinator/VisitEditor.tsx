import { useCallback, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { api, call } from '../../api/client';
import type { ApiProblem } from '../../api/problem';
import type { ProgrammeItem, SiteView, Visit } from '../../api/types';
import { PageHeading } from '../../app/Page';
import { Field, namesField, type FieldMessage } from '../../components/Field';
import { FormButtons } from '../../components/FormButtons';
import { Outcome } from '../../components/Loading';
import { ProblemMessage } from '../../components/Problem';
import { StatusBadge } from '../../components/StatusBadge';
import { useAction } from '../../hooks/useAction';
import { useLoad } from '../../hooks/useLoad';
import { useI18n } from '../../i18n/I18n';
import type { MessageKey } from '../../i18n/messages';
import { DEFAULT_TIME_ZONE } from '../../i18n/time';
import { SpanFields } from './SpanFields';
import { visitTone } from './visitTone';
import { ifMatch, requiredIfMatch } from './visitChange';
import {
  detailsOf,
  detailsProblems,
  draftRequest,
  emptyDetails,
  emptyItem,
  ITEM_KINDS,
  itemInputOf,
  itemProblems,
  itemRequest,
  mayPublish,
  needRow,
  type DetailsInput,
  type ItemInput,
  type PlanProblem,
} from './visitPlan';

const SITES_PAGE = 200;

/** Messages for a field: what the app found before sending, then what the service named. */
function useMessages(local: readonly PlanProblem[], problem: ApiProblem | null) {
  const { t } = useI18n();
  return (field: string): FieldMessage[] => [
    ...local.filter((found) => found.field === field).map((found) => ({ text: t(found.message) })),
    ...(problem?.errors ?? [])
      .filter((error) => namesField(error.field, field))
      .map((error): FieldMessage => ({ text: error.message, lang: 'en' })),
  ];
}

function useChoices() {
  const caravans = useLoad(useCallback(() => call(api.events.GET('/api/caravans')), []));
  const sites = useLoad(
    useCallback(() => call(api.events.GET('/api/sites', { params: { query: { size: SITES_PAGE } } })), []),
  );
  return { caravans, sites };
}

function siteLabel(site: SiteView): string {
  return site.district === undefined ? site.name ?? '' : `${site.name ?? ''} (${site.district})`;
}

/** The visit itself: caravan, site, theme, local times and audience. Used to draft a visit and to edit a draft. */
function DetailsForm({
  initial,
  submitLabel,
  onSave,
}: {
  initial: DetailsInput;
  submitLabel: MessageKey;
  onSave: (input: DetailsInput) => Promise<unknown>;
}) {
  const { t } = useI18n();
  const { caravans, sites } = useChoices();
  const [input, setInput] = useState(initial);
  const [local, setLocal] = useState<PlanProblem[]>([]);
  const save = useAction(onSave);
  const messages = useMessages(local, save.problem);
  const change = (part: keyof DetailsInput) => (value: string) => setInput((previous) => ({ ...previous, [part]: value }));
  const zone = sites.status === 'ready' ? sites.data.find((site) => site.id === input.siteId)?.timeZone : undefined;

  return (
    <form
      className="plan-form"
      noValidate
      aria-label={t('plan.details')}
      onSubmit={(event) => {
        event.preventDefault();
        const found = detailsProblems(input);
        setLocal(found);
        if (found.length === 0) {
          void save.run(input);
        }
      }}
    >
      <h2>{t('plan.details')}</h2>
      <Outcome loaded={caravans} reload={caravans.reload} loadingLabel={t('app.loading')}>
        {(list) => (
          <Field label={t('plan.caravan')} messages={messages('caravanId')}>
            {(props) => (
              <select {...props} value={input.caravanId} onChange={(event) => change('caravanId')(event.target.value)}>
                <option value="">{t('plan.newCaravanOption')}</option>
                {list.map((caravan) => (
                  <option key={caravan.id} value={caravan.id}>
                    {caravan.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
        )}
      </Outcome>
      {input.caravanId === '' && (
        <Field label={t('plan.newCaravan')} messages={messages('name')}>
          {(props) => (
            <input {...props} maxLength={200} value={input.newCaravan} onChange={(event) => change('newCaravan')(event.target.value)} />
          )}
        </Field>
      )}
      <Outcome loaded={sites} reload={sites.reload} loadingLabel={t('app.loading')}>
        {(list) => (
          <Field label={t('plan.site')} messages={messages('siteId')}>
            {(props) => (
              <select {...props} value={input.siteId} onChange={(event) => change('siteId')(event.target.value)}>
                <option value="">{t('plan.chooseSite')}</option>
                {list.map((site) => (
                  <option key={site.id} value={site.id}>
                    {siteLabel(site)}
                  </option>
                ))}
              </select>
            )}
          </Field>
        )}
      </Outcome>
      <Field label={t('plan.theme')} messages={messages('theme')}>
        {(props) => <input {...props} maxLength={200} value={input.theme} onChange={(event) => change('theme')(event.target.value)} />}
      </Field>
      <p className="muted">{t('change.localTimes', { zone: zone ?? DEFAULT_TIME_ZONE })}</p>
      <SpanFields value={input} onChange={(part, value) => change(part)(value)} messages={messages} endDateHint={t('plan.endDateHint')} />
      <Field label={t('plan.audience')} messages={messages('expectedAudience')}>
        {(props) => (
          <input
            {...props}
            inputMode="numeric"
            value={input.expectedAudience}
            onChange={(event) => change('expectedAudience')(event.target.value)}
          />
        )}
      </Field>
      <FormButtons running={save.running} submit={t(submitLabel)} />
      {save.problem !== null && (
        <ProblemMessage problem={save.problem} omitFields={['caravanId', 'siteId', 'theme', 'startsAt', 'endsAt', 'expectedAudience', 'name']} />
      )}
    </form>
  );
}

/** A new caravan named in the form is created first, so that the visit can belong to it. */
async function caravanFor(input: DetailsInput): Promise<string> {
  if (input.caravanId !== '') {
    return input.caravanId;
  }
  const caravan = await call(api.events.POST('/api/caravans', { body: { name: input.newCaravan.trim() } }));
  return caravan.id ?? '';
}

/** #/visits/new: a coordinator drafts a visit, then plans its programme. */
export function NewVisit() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const save = useCallback(
    async (input: DetailsInput) => {
      const caravanId = await caravanFor(input);
      const visit = await call(api.events.POST('/api/visits', { body: draftRequest(input, caravanId) }));
      void navigate(`/visits/${visit.id ?? ''}/edit`);
      return visit;
    },
    [navigate],
  );
  return (
    <>
      <PageHeading text={t('plan.newTitle')} />
      <p className="muted">{t('plan.newIntro')}</p>
      <DetailsForm initial={emptyDetails()} submitLabel="plan.saveDraft" onSave={save} />
    </>
  );
}

function ItemForm({
  visit,
  item,
  onSaved,
  onClose,
}: {
  visit: Visit;
  item: ProgrammeItem | undefined;
  onSaved: (visit: Visit) => void;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const zone = visit.timeZone ?? DEFAULT_TIME_ZONE;
  const [input, setInput] = useState<ItemInput>(() => (item === undefined ? emptyItem(visit) : itemInputOf(item, zone)));
  const [local, setLocal] = useState<PlanProblem[]>([]);
  const visitId = visit.id ?? '';
  const save = useAction(
    useCallback(
      async (body: ReturnType<typeof itemRequest>) => {
        const header = ifMatch(visit);
        const saved =
          item?.id === undefined
            ? await call(api.events.POST('/api/visits/{visitId}/programme-items', { params: { path: { visitId }, header }, body }))
            : await call(
                api.events.PUT('/api/visits/{visitId}/programme-items/{itemId}', {
                  params: { path: { visitId, itemId: item.id }, header: requiredIfMatch(visit) },
                  body,
                }),
              );
        onSaved(saved);
        return saved;
      },
      [visit, visitId, item, onSaved],
    ),
  );
  const messages = useMessages(local, save.problem);
  const change = (part: 'title' | 'kind' | 'date' | 'time' | 'durationMinutes' | 'teamSlots') => (value: string) =>
    setInput((previous) => ({ ...previous, [part]: value }));
  const changeNeed = (index: number, part: 'role' | 'skills' | 'headcount', value: string) =>
    setInput((previous) => ({
      ...previous,
      needs: previous.needs.map((need, at) => (at === index ? { ...need, [part]: value } : need)),
    }));
  const title = item === undefined ? t('plan.addItem') : t('plan.editItem', { item: item.title ?? '' });

  return (
    <form
      className="plan-form item-form"
      noValidate
      aria-label={title}
      onSubmit={(event) => {
        event.preventDefault();
        const found = itemProblems(input);
        setLocal(found);
        if (found.length === 0) {
          void save.run(itemRequest(input));
        }
      }}
    >
      <h3>{title}</h3>
      <Field label={t('plan.itemTitle')} messages={messages('title')}>
        {(props) => <input {...props} maxLength={200} value={input.title} onChange={(event) => change('title')(event.target.value)} />}
      </Field>
      <Field label={t('plan.kind')} messages={messages('kind')}>
        {(props) => (
          <select {...props} value={input.kind} onChange={(event) => change('kind')(event.target.value)}>
            {ITEM_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {t(`plan.kind.${kind}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <div className="field-row">
        <Field label={t('change.startDate')} messages={messages('startsAt')}>
          {(props) => <input type="date" {...props} value={input.date} onChange={(event) => change('date')(event.target.value)} />}
        </Field>
        <Field label={t('change.startTime')} messages={[]}>
          {(props) => <input type="time" {...props} value={input.time} onChange={(event) => change('time')(event.target.value)} />}
        </Field>
      </div>
      <div className="field-row">
        <Field label={t('plan.duration')} messages={messages('durationMinutes')}>
          {(props) => (
            <input {...props} inputMode="numeric" value={input.durationMinutes} onChange={(event) => change('durationMinutes')(event.target.value)} />
          )}
        </Field>
        <Field label={t('plan.teamSlots')} messages={messages('teamSlots')}>
          {(props) => (
            <input {...props} inputMode="numeric" value={input.teamSlots} onChange={(event) => change('teamSlots')(event.target.value)} />
          )}
        </Field>
      </div>
      <fieldset>
        <legend>{t('plan.needs')}</legend>
        {input.needs.length === 0 && <p className="muted">{t('plan.noNeeds')}</p>}
        {input.needs.map((need, index) => (
          <fieldset key={need.key} aria-label={t('plan.need', { number: index + 1 })} className="need-row">
            <Field label={t('plan.role')} messages={messages(`needs[${index}].role`)}>
              {(props) => <input {...props} maxLength={100} value={need.role} onChange={(event) => changeNeed(index, 'role', event.target.value)} />}
            </Field>
            <Field label={t('plan.skills')} hint={t('plan.skillsHint')} messages={messages(`needs[${index}].skills`)}>
              {(props) => <input {...props} value={need.skills} onChange={(event) => changeNeed(index, 'skills', event.target.value)} />}
            </Field>
            <Field label={t('plan.headcount')} messages={messages(`needs[${index}].headcount`)}>
              {(props) => (
                <input {...props} inputMode="numeric" value={need.headcount} onChange={(event) => changeNeed(index, 'headcount', event.target.value)} />
              )}
            </Field>
            <button
              type="button"
              className="button secondary"
              onClick={() => setInput((previous) => ({ ...previous, needs: previous.needs.filter((_, at) => at !== index) }))}
            >
              {t('plan.removeNeed', { number: index + 1 })}
            </button>
          </fieldset>
        ))}
        <button type="button" className="button secondary" onClick={() => setInput((previous) => ({ ...previous, needs: [...previous.needs, needRow()] }))}>
          {t('plan.addNeed')}
        </button>
      </fieldset>
      <FormButtons running={save.running} submit={t('plan.saveItem')} leave={{ label: t('plan.close'), onClick: onClose }} />
      {save.problem !== null && (
        <ProblemMessage problem={save.problem} omitFields={['title', 'kind', 'startsAt', 'durationMinutes', 'teamSlots', 'needs']} />
      )}
    </form>
  );
}

function Programme({ visit, onChanged }: { visit: Visit; onChanged: (visit: Visit) => void }) {
  const { t, tn, dateTime } = useI18n();
  const zone = visit.timeZone ?? DEFAULT_TIME_ZONE;
  const [editing, setEditing] = useState<ProgrammeItem | 'new' | null>(null);
  const visitId = visit.id ?? '';
  const remove = useAction(
    useCallback(
      async (itemId: string) => {
        const after = await call(
          api.events.DELETE('/api/visits/{visitId}/programme-items/{itemId}', {
            params: { path: { visitId, itemId }, header: requiredIfMatch(visit) },
          }),
        );
        onChanged(after);
        return after;
      },
      [visitId, visit, onChanged],
    ),
  );
  const saved = useCallback(
    (after: Visit) => {
      setEditing(null);
      onChanged(after);
    },
    [onChanged],
  );
  const items = [...(visit.programme ?? [])].sort((a, b) => (a.position ?? 0) - (b.position ?? 0));
  const changeable = visit.status === 'DRAFT' || visit.status === 'SCHEDULED';

  return (
    <section aria-labelledby="programme-heading">
      <h2 id="programme-heading">{t('plan.programme')}</h2>
      {items.length === 0 ? (
        <p className="muted">{t('plan.noItems')}</p>
      ) : (
        <ol className="programme" aria-label={t('plan.programme')}>
          {items.map((item) => (
            <li key={item.id} className="card">
              <article aria-label={item.title}>
                <h3>{item.title}</h3>
                <p>
                  {item.startsAt === undefined ? '' : dateTime(item.startsAt, zone)} · {tn('plan.minutes', item.durationMinutes ?? 0)} ·{' '}
                  {t(`plan.kind.${ITEM_KINDS.find((kind) => kind === item.kind) ?? 'OTHER'}`)}
                </p>
                {(item.needs ?? []).length > 0 && (
                  <ul>
                    {(item.needs ?? []).map((need) => (
                      <li key={need.role}>
                        {tn('plan.needLine', need.headcount ?? 0, { role: need.role ?? '' })}
                        {(need.skills ?? []).length > 0 ? ` (${(need.skills ?? []).join(', ')})` : ''}
                      </li>
                    ))}
                  </ul>
                )}
                {changeable && (
                  <div className="button-row">
                    <button type="button" className="button secondary" onClick={() => setEditing(item)}>
                      {t('plan.editItemFor', { item: item.title ?? '' })}
                    </button>
                    <button type="button" className="button secondary" disabled={remove.running} onClick={() => void remove.run(item.id ?? '')}>
                      {t('plan.removeItemFor', { item: item.title ?? '' })}
                    </button>
                  </div>
                )}
              </article>
            </li>
          ))}
        </ol>
      )}
      {remove.problem !== null && <ProblemMessage problem={remove.problem} />}
      {changeable &&
        (editing === null ? (
          <button type="button" className="button" onClick={() => setEditing('new')}>
            {t('plan.addItem')}
          </button>
        ) : (
          <ItemForm
            key={editing === 'new' ? 'new' : editing.id}
            visit={visit}
            item={editing === 'new' ? undefined : editing}
            onSaved={saved}
            onClose={() => setEditing(null)}
          />
        ))}
    </section>
  );
}

function Planner({ initial }: { initial: Visit }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [visit, setVisit] = useState(initial);
  // The details form starts again from what was saved (a new caravan is then a known one), and only then: a
  // programme change must not drop details being typed.
  const [detailsSaves, setDetailsSaves] = useState(0);
  const visitId = visit.id ?? '';
  const saveDetails = useCallback(
    async (input: DetailsInput) => {
      const caravanId = await caravanFor(input);
      const after = await call(
        api.events.PUT('/api/visits/{id}', {
          params: { path: { id: visitId }, header: requiredIfMatch(visit) },
          body: draftRequest(input, caravanId),
        }),
      );
      setVisit(after);
      setDetailsSaves((saves) => saves + 1);
      return after;
    },
    [visitId, visit],
  );
  const schedule = useAction(
    useCallback(async () => {
      const after = await call(
        api.events.POST('/api/visits/{id}/schedule', { params: { path: { id: visitId }, header: ifMatch(visit) } }),
      );
      void navigate(`/visits/${visitId}`);
      return after;
    }, [visit, visitId, navigate]),
  );
  const changed = useCallback((after: Visit) => setVisit(after), []);
  const status = visit.status;

  return (
    <>
      <PageHeading text={t('plan.editTitle', { theme: visit.theme ?? '' })} />
      <p>
        <StatusBadge tone={visitTone(status)}>{t(`visitStatus.${status ?? 'DRAFT'}`)}</StatusBadge>{' '}
        <Link to={`/visits/${visitId}`}>{t('visits.openBoardFor', { theme: visit.theme ?? '' })}</Link>
      </p>
      {status === 'DRAFT' ? (
        <DetailsForm key={detailsSaves} initial={detailsOf(visit)} submitLabel="plan.saveDetails" onSave={saveDetails} />
      ) : (
        <p className="muted">{t('plan.detailsFixed')}</p>
      )}
      {detailsSaves > 0 && (
        <p role="status" className="success">
          {t('plan.detailsSaved')}
        </p>
      )}
      <Programme visit={visit} onChanged={changed} />
      {status === 'DRAFT' && (
        <section aria-labelledby="publish-heading" className="publish">
          <h2 id="publish-heading">{t('plan.publish')}</h2>
          <p>{mayPublish(visit) ? t('plan.publishIntro') : t('plan.publishNeedsItems')}</p>
          <button type="button" className="button" disabled={!mayPublish(visit) || schedule.running} onClick={() => void schedule.run()}>
            {schedule.running ? t('board.sending') : t('plan.schedule')}
          </button>
          {schedule.problem !== null && <ProblemMessage problem={schedule.problem} />}
        </section>
      )}
    </>
  );
}

/** #/visits/{id}/edit: a draft's details, its programme and what each item needs, then scheduling it. */
export function EditVisit() {
  const { t } = useI18n();
  const { visitId = '' } = useParams();
  const visit = useLoad(useCallback(() => call(api.events.GET('/api/visits/{id}', { params: { path: { id: visitId } } })), [visitId]));
  return (
    <Outcome loaded={visit} reload={visit.reload} loadingLabel={t('app.loading')}>
      {(loaded) => <Planner key={loaded.id} initial={loaded} />}
    </Outcome>
  );
}
