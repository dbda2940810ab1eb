import { createResource, createSignal, For, Show } from 'solid-js';
import { fetchAuditPage, type AuditEntry, type AuditQuery } from '../../api';
import { fmtDateTimeJst } from '../../components/format';
import { LoadError } from '../../components/LoadError';
import { hasMessage, t } from '../../i18n';

const PAGE = 50;
const ENTITIES = ['facility', 'institution', 'agreement', 'agreement_proposal', 'partnership_request', 'meeting', 'filing', 'filing_deadline', 'user', 'dataset'] as const;
const label = (prefix: 'entity' | 'action', name: string) => (hasMessage(`${prefix}.${name}`) ? t(`${prefix}.${name}` as never) : name);

/**
 * The change log with names (facility, institution, account), filterable, newest first, a page at a
 * time. `refresh` moves on when the page around it changed something: the log is read again.
 */
export function AuditLog(props: { refresh?: number }) {
  const [entity, setEntity] = createSignal('');
  const [actor, setActor] = createSignal('');
  const [from, setFrom] = createSignal('');
  const [to, setTo] = createSignal('');
  const [before, setBefore] = createSignal<number | undefined>(undefined);
  const query = (): AuditQuery => ({ entity: entity(), actor: actor().trim(), from: from(), to: to(), before: before(), limit: PAGE });
  const [log] = createResource(() => ({ ...query(), refresh: props.refresh ?? 0 }), ({ refresh: _, ...q }) => fetchAuditPage(q));
  const reset = <T,>(set: (v: T) => void) => (v: T) => {
    set(v);
    setBefore(undefined);
  };
  const entries = (): AuditEntry[] => log.latest?.entries ?? [];
  return (
    <section data-testid="audit-log">
      <div class="controls-row">
        <label>{t('audit.entity')}{' '}
          <select value={entity()} onChange={(e) => reset(setEntity)(e.currentTarget.value)} data-testid="audit-entity">
            <option value="">{t('officer.all')}</option>
            <For each={ENTITIES}>{(x) => <option value={x}>{label('entity', x)}</option>}</For>
          </select>
        </label>
        <label>{t('audit.actor')} <input type="text" maxLength={40} value={actor()} onChange={(e) => reset(setActor)(e.currentTarget.value)} data-testid="audit-actor" /></label>
        <label>{t('officer.from')} <input type="date" value={from()} onChange={(e) => reset(setFrom)(e.currentTarget.value)} /></label>
        <label>{t('officer.to')} <input type="date" value={to()} onChange={(e) => reset(setTo)(e.currentTarget.value)} /></label>
      </div>
      <Show when={!log.error} fallback={<LoadError error={log.error} />}>
        <Show when={entries().length > 0} fallback={<p class="muted">{log.latest ? t('audit.empty') : t('loading')}</p>}>
          <div class="table-scroll" tabIndex={0} role="region" aria-label={t('audit.title')}>
            <table class="data-table" data-testid="audit-table">
              <thead>
                <tr><th scope="col">{t('audit.at')}</th><th scope="col">{t('audit.actor')}</th><th scope="col">{t('audit.entity')}</th><th scope="col">{t('audit.action')}</th></tr>
              </thead>
              <tbody>
                <For each={entries()}>
                  {(e) => (
                    <tr data-entity={e.entity} data-action={e.action}>
                      <td class="nowrap"><time datetime={e.at}>{fmtDateTimeJst(e.at)}</time></td>
                      <td>{e.actor}</td>
                      <td>{label('entity', e.entity)}: {e.entityName ?? e.entityId}</td>
                      <td>{label('action', e.action)}</td>
                    </tr>
                  )}
                </For>
              </tbody>
            </table>
          </div>
          <p class="controls-row">
            <button type="button" disabled={before() === undefined} onClick={() => setBefore(undefined)}>{t('officer.newest')}</button>
            <button type="button" disabled={entries().length < PAGE} onClick={() => setBefore(entries().at(-1)!.id)}>{t('officer.older')}</button>
          </p>
        </Show>
      </Show>
    </section>
  );
}
