import { createResource, createSignal, For, Show } from 'solid-js';
import { fetchAudit, type AuditEntry } from '../api';
import { fmtDateTimeJst } from '../components/format';
import { LoadError } from '../components/LoadError';
import { hasMessage, t } from '../i18n';
import { epoch } from '../state/session';

const LATEST = 50;

/** A label from data (an entity or action name), or the name itself when the UI has no word for it. */
const label = (prefix: 'entity' | 'action', name: string) => {
  const key = `${prefix}.${name}`;
  return hasMessage(key) ? t(key) : name;
};
const subject = (e: AuditEntry) => `${label('entity', e.entity)} ${e.entity === 'dataset' ? '' : e.entityId}`.trim();

/**
 * The change log (GET /api/audit) for an administrator or a municipality officer: the latest
 * changes to records of their area, newest first. Closed at first; loaded when opened.
 */
export function AuditPanel() {
  const [open, setOpen] = createSignal(false);
  const [log, { refetch }] = createResource(() => (open() ? epoch() + 1 : null), () => fetchAudit(LATEST));
  const entries = () => (log.error ? [] : (log.latest?.entries ?? []));

  const onToggle = (el: HTMLDetailsElement) => {
    // Opened again: read the newest changes.
    if (el.open && open()) void refetch();
    setOpen(el.open);
  };

  return (
    <details class="audit" onToggle={(e) => onToggle(e.currentTarget)} data-testid="audit-panel">
      <summary>
        {t('audit.title')} <span class="muted small">{t('audit.latest', { n: LATEST })}</span>
      </summary>
      <Show when={!log.error} fallback={<LoadError error={log.error} />}>
        <Show when={log.latest} fallback={<p class="muted">{t('loading')}</p>}>
          <Show when={entries().length > 0} fallback={<p class="muted">{t('audit.empty')}</p>}>
            <div class="audit-scroll" tabIndex={0} role="region" aria-label={t('audit.title')}>
              <table class="audit-table" data-testid="audit-table">
                <thead>
                  <tr>
                    <th scope="col">{t('audit.at')}</th>
                    <th scope="col">{t('audit.actor')}</th>
                    <th scope="col">{t('audit.entity')}</th>
                    <th scope="col">{t('audit.action')}</th>
                  </tr>
                </thead>
                <tbody>
                  <For each={entries()}>
                    {(e) => (
                      <tr data-entity={e.entity} data-action={e.action}>
                        <td class="nowrap"><time datetime={e.at}>{fmtDateTimeJst(e.at)}</time></td>
                        <td>{e.actor}</td>
                        <td>{subject(e)}</td>
                        <td>{label('action', e.action)}</td>
                      </tr>
                    )}
                  </For>
                </tbody>
              </table>
            </div>
          </Show>
        </Show>
      </Show>
    </details>
  );
}
