import { createSignal, For, Show, untrack } from 'solid-js';
import { REQUIREMENT_INFO, REQUIREMENTS, requirementSymbols, type Requirement } from '../../../../server/domain/requirements';
import { acceptRequestOn, type PartnershipRequest } from '../../api';
import { actionErrorText } from '../../components/LoadError';
import { todayInJapan } from '../../components/format';
import { t } from '../../i18n';

/**
 * The terms of an agreement before they bind: what it covers (the institution may accept less than
 * was asked — the facility sees what was granted), the agreed and confirmed dates, 特別の関係 and the
 * infection agreement. Nothing is sent until the summary is confirmed.
 */
export function AcceptTerms(props: { r: PartnershipRequest; eligible: readonly Requirement[]; onDone: () => void; onCancel: () => void }) {
  // The terms start from what was asked, as far as the institution may give it.
  const asked = untrack(() => props.r.requirements);
  const [covers, setCovers] = createSignal<Requirement[]>(untrack(() => asked.filter((r) => props.eligible.includes(r))));
  const [agreedOn, setAgreedOn] = createSignal(todayInJapan());
  const [confirmedOn, setConfirmedOn] = createSignal(todayInJapan());
  const [special, setSpecial] = createSignal(false);
  const [infection, setInfection] = createSignal(false);
  const [reviewing, setReviewing] = createSignal(false);
  const [error, setError] = createSignal<string | null>(null);
  const toggle = (r: Requirement) => setCovers((cs) => (cs.includes(r) ? cs.filter((x) => x !== r) : REQUIREMENTS.filter((x) => x === r || cs.includes(x))));
  const less = () => asked.filter((r) => !covers().includes(r));

  const review = (e: SubmitEvent) => {
    e.preventDefault();
    if (covers().length === 0) return setError(t('desk.coversNeeded'));
    setError(null);
    setReviewing(true);
  };
  const accept = async () => {
    try {
      await acceptRequestOn(props.r.id, { version: props.r.version, covers: covers(), agreedOn: agreedOn(), confirmedOn: confirmedOn(), specialRelationship: special(), infectionAgreement: infection() });
      props.onDone();
    } catch (err) {
      setReviewing(false);
      setError(actionErrorText(err));
    }
  };

  return (
    <form class="inline-form terms" onSubmit={review} data-testid={`terms-${props.r.id}`}>
      <Show
        when={reviewing()}
        fallback={
          <>
            <fieldset>
              <legend>{t('terms.covers', { asked: requirementSymbols(asked) })}</legend>
              <For each={REQUIREMENTS}>
                {(r) => (
                  <label class="check">
                    <input type="checkbox" checked={covers().includes(r)} disabled={!props.eligible.includes(r)} onChange={() => toggle(r)} data-testid={`terms-${r}`} />
                    {REQUIREMENT_INFO[r].symbol} {t(`req.${r}`)}
                    <Show when={!asked.includes(r)}> <span class="muted">({t('terms.notAsked')})</span></Show>
                  </label>
                )}
              </For>
            </fieldset>
            <label>{t('agreedOn')} <input type="date" required value={agreedOn()} onInput={(e) => setAgreedOn(e.currentTarget.value)} data-testid="terms-agreed-on" /></label>
            <label>{t('desk.confirmedOn')} <input type="date" required value={confirmedOn()} onInput={(e) => setConfirmedOn(e.currentTarget.value)} data-testid="terms-confirmed-on" /></label>
            <label class="check"><input type="checkbox" checked={special()} onChange={(e) => setSpecial(e.currentTarget.checked)} data-testid="terms-special" /> {t('specialRelationship')}</label>
            <label class="check"><input type="checkbox" checked={infection()} onChange={(e) => setInfection(e.currentTarget.checked)} data-testid="terms-infection" /> {t('desk.infectionAgreement')}</label>
            <div class="button-row">
              <button type="submit" data-testid="terms-review">{t('terms.review')}</button>
              <button type="button" onClick={() => props.onCancel()}>{t('terms.cancel')}</button>
            </div>
          </>
        }
      >
        <div class="terms-summary" role="group" aria-label={t('terms.summaryTitle')} data-testid="terms-summary">
          <p><strong>{t('terms.summaryTitle')}</strong></p>
          <ul>
            <li>{t('terms.summaryCovers', { covers: requirementSymbols(covers()) })}<Show when={less().length > 0}> — <span class="flag gap">{t('terms.lessThanAsked', { missing: requirementSymbols(less()) })}</span></Show></li>
            <li>{t('agreedOn')}: {agreedOn()} · {t('desk.confirmedOn')}: {confirmedOn()}</li>
            <li>{t('specialRelationship')}: {special() ? t('desk.yes') : t('desk.no')} · {t('desk.infectionAgreement')}: {infection() ? t('desk.yes') : t('desk.no')}</li>
          </ul>
          <div class="button-row">
            <button type="button" class="primary" onClick={() => void accept()} data-testid="terms-confirm">{t('terms.confirm')}</button>
            <button type="button" onClick={() => setReviewing(false)}>{t('terms.back')}</button>
          </div>
        </div>
      </Show>
      <Show when={error()}><p class="error" role="alert">{error()}</p></Show>
    </form>
  );
}
