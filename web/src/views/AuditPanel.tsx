import { createSignal, Show } from 'solid-js';
import { t } from '../i18n';
import { AuditLog } from './officer/AuditLog';

/**
 * The change log (GET /api/audit) in the 自治体 view, for an administrator or a municipality officer:
 * closed at first, loaded when opened — the same log, with names and filters, as on the landing page.
 */
export function AuditPanel() {
  const [open, setOpen] = createSignal(false);
  return (
    <details class="audit" onToggle={(e) => setOpen(e.currentTarget.open)} data-testid="audit-panel">
      <summary>{t('audit.title')}</summary>
      <Show when={open()}>
        <AuditLog />
      </Show>
    </details>
  );
}
