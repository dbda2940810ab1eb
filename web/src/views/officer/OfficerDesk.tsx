import { createResource, createSignal, For, Show, untrack } from 'solid-js';
import { fetchOfficerDesk, setDeadline } from '../../api';
import { actionErrorText, LoadError } from '../../components/LoadError';
import { t } from '../../i18n';
import { AuditLog } from './AuditLog';
import { FilingIntake } from './FilingIntake';
import { MunicipalityTable } from './MunicipalityTable';
import { TrackerTable } from './TrackerTable';
import { HelpLink } from '../../components/HelpLink';

/**
 * A prefecture's or municipality's officer at work: its municipalities at a glance, the deadline of
 * each authority it acts for, the whole filing tracker, receiving a filing, and the change log.
 */
export function OfficerDesk() {
  const [refresh, setRefresh] = createSignal(0);
  const [desk, { refetch }] = createResource(refresh, () => fetchOfficerDesk());
  const [authority, setAuthority] = createSignal<string | null>(null);
  const current = () => authority() ?? desk.latest?.authorities[0]?.code ?? null;
  const changed = () => {
    setRefresh((n) => n + 1);
    void refetch();
  };
  return (
    <Show when={!desk.error} fallback={<LoadError error={desk.error} />}>
      <Show when={desk.latest} fallback={<p class="muted">{t('loading')}</p>}>
        {(d) => (
          <article class="desk officer" data-testid="officer-desk">
            <header class="desk-head">
              <h2><span data-testid="desk-name">{d().authorities.map((a) => a.name).join(t('listSep')) || t('officer.title')}</span><HelpLink term="authority" /></h2>
              <p class="muted">{t('officer.fy', { fy: d().fiscalYear })}</p>
            </header>
            <section class="wide" data-testid="officer-municipalities">
              <h3>{t('officer.municipalities')}</h3>
              <MunicipalityTable rows={d().municipalities} />
            </section>
            <section class="wide" data-testid="officer-deadlines">
              <h3>{t('officer.deadlines')}</h3>
              <ul class="rows">
                <For each={d().authorities}>{(a) => <DeadlineRow authority={a} fiscalYear={d().fiscalYear} onSaved={changed} />}</For>
              </ul>
            </section>
            <section class="wide">
              <h3>{t('officer.tracker')}</h3>
              <Show when={d().authorities.length > 1}>
                <p class="controls-row">
                  <select value={current() ?? ''} onChange={(e) => setAuthority(e.currentTarget.value)} data-testid="tracker-authority">
                    <For each={d().authorities}>{(a) => <option value={a.code}>{a.name}</option>}</For>
                  </select>
                </p>
              </Show>
              <Show when={current()} keyed>
                {(code) => <TrackerTable authority={code} fiscalYear={d().fiscalYear} municipalities={d().municipalities} refresh={refresh()} />}
              </Show>
            </section>
            <FilingIntake onReceived={changed} />
            <section>
              <h3>{t('audit.title')}</h3>
              <AuditLog refresh={refresh()} />
            </section>
          </article>
        )}
      </Show>
    </Show>
  );
}

function DeadlineRow(props: { authority: { code: string; name: string; deadline: string | null; daysLeft: number | null }; fiscalYear: number; onSaved: () => void }) {
  const [due, setDue] = createSignal(untrack(() => props.authority.deadline) ?? '');
  const [error, setError] = createSignal<string | null>(null);
  const save = async (e: SubmitEvent) => {
    e.preventDefault();
    try {
      await setDeadline(props.authority.code, props.fiscalYear, due());
      setError(null);
      props.onSaved();
    } catch (err) {
      setError(actionErrorText(err));
    }
  };
  return (
    <li data-authority={props.authority.code}>
      <form class="inline-form" onSubmit={save}>
        <strong>{props.authority.name}</strong>
        <span data-testid="deadline-days">
          {props.authority.deadline
            ? (props.authority.daysLeft ?? 0) >= 0
              ? t('desk.deadlineIn', { date: props.authority.deadline, n: props.authority.daysLeft ?? 0 })
              : t('desk.deadlinePassed', { date: props.authority.deadline })
            : t('desk.noDeadline')}
        </span>
        <label>{t('officer.setDeadline')} <input type="date" required value={due()} onInput={(e) => setDue(e.currentTarget.value)} data-testid="deadline-date" /></label>
        <button type="submit" data-testid="deadline-save">{t('form.save')}</button>
        <Show when={error()}><span class="error" role="alert">{error()}</span></Show>
      </form>
    </li>
  );
}
