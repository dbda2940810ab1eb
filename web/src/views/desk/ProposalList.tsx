import { createSignal, For, Show } from 'solid-js';
import { requirementSymbols } from '../../../../server/domain/requirements';
import { acceptProposal, declineProposal, withdrawProposal, type Proposal } from '../../api';
import { actionErrorText } from '../../components/LoadError';
import { t } from '../../i18n';

const yesNo = (v: boolean) => (v ? t('desk.yes') : t('desk.no'));

/** One line per term a proposal changes: what it is now → what is proposed. */
function changeLines(p: Proposal): string[] {
  const c = p.changes;
  const now = p.current;
  const lines: string[] = [];
  if (c.covers) lines.push(`${t('desk.covers')}: ${requirementSymbols(now.covers)} → ${requirementSymbols(c.covers)}`);
  if (c.agreedOn !== undefined) lines.push(`${t('agreedOn')}: ${now.agreedOn ?? '—'} → ${c.agreedOn ?? '—'}`);
  if (c.specialRelationship !== undefined) lines.push(`${t('specialRelationship')}: ${yesNo(now.specialRelationship)} → ${yesNo(c.specialRelationship)}`);
  if (c.infectionAgreement !== undefined) lines.push(`${t('desk.infectionAgreement')}: ${yesNo(now.infectionAgreement)} → ${yesNo(c.infectionAgreement)}`);
  if (c.status === 'active') lines.push(t('desk.reactivate'));
  return lines;
}

/**
 * Pending proposals on the party's agreements. Its own can be withdrawn; the other party's are
 * accepted (then, and only then, the agreement changes) or declined.
 */
export function ProposalList(props: { proposals: Proposal[]; partnerName: (p: Proposal) => string; onDone: (note: string) => void }) {
  const [error, setError] = createSignal<string | null>(null);
  const [reasons, setReasons] = createSignal<Record<number, string>>({});
  const act = async (fn: () => Promise<unknown>, note: string) => {
    try {
      await fn();
      setError(null);
      props.onDone(note);
    } catch (err) {
      setError(actionErrorText(err));
    }
  };
  return (
    <Show when={props.proposals.length > 0} fallback={<p class="muted">{t('desk.noProposals')}</p>}>
      <ul class="rows" data-testid="proposals">
        <For each={props.proposals}>
          {(p) => (
            <li data-proposal={p.id} data-mine={p.mine}>
              <div class="row-main">
                <strong>{props.partnerName(p)}</strong> <span class="muted">{p.mine ? t('desk.proposalMine', { date: p.proposedOn }) : t('desk.proposalTheirs', { date: p.proposedOn })}</span>
              </div>
              <For each={changeLines(p)}>{(line) => <div class="row-sub">{line}</div>}</For>
              <div class="button-row">
                <Show
                  when={p.mine}
                  fallback={
                    <>
                      <button type="button" onClick={() => void act(() => acceptProposal(p), t('desk.proposalAccepted'))} data-testid={`proposal-accept-${p.id}`}>{t('desk.acceptProposal')}</button>
                      <input type="text" maxLength={1000} placeholder={t('desk.declineReasonOptional')} aria-label={t('desk.declineReasonOptional')} value={reasons()[p.id] ?? ''} onInput={(e) => setReasons((m) => ({ ...m, [p.id]: e.currentTarget.value }))} />
                      <button type="button" onClick={() => void act(() => declineProposal(p, reasons()[p.id] ?? ''), t('desk.proposalDeclined'))} data-testid={`proposal-decline-${p.id}`}>{t('desk.declineProposal')}</button>
                    </>
                  }
                >
                  <button type="button" onClick={() => void act(() => withdrawProposal(p), t('desk.proposalWithdrawn'))} data-testid={`proposal-withdraw-${p.id}`}>{t('desk.withdrawProposal')}</button>
                </Show>
              </div>
            </li>
          )}
        </For>
      </ul>
      <Show when={error()}><p class="error" role="alert">{error()}</p></Show>
    </Show>
  );
}
