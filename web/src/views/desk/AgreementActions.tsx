import { createSignal, For, Match, Show, Switch, untrack } from 'solid-js';
import { REQUIREMENT_INFO, REQUIREMENTS, type Requirement } from '../../../../server/domain/requirements';
import { ApiRequestError, patchAgreement, type AgreementPatch, type DeskPartner } from '../../api';
import { actionErrorText } from '../../components/LoadError';
import { todayInJapan } from '../../components/format';
import { t } from '../../i18n';

type Mode = 'confirm' | 'end' | 'propose' | null;

/**
 * What either party does with an agreement from its landing page: record this year's 確認日 and end
 * it (both at once, audited), or propose a change of its terms — what it covers, its agreed date,
 * 特別の関係, the infection agreement — which changes nothing until the other party accepts.
 */
export function AgreementActions(props: { a: DeskPartner; canAdmit: boolean; onDone: (note: string) => void }) {
  const [mode, setMode] = createSignal<Mode>(null);
  const [error, setError] = createSignal<string | null>(null);
  const [date, setDate] = createSignal(todayInJapan());
  const [reason, setReason] = createSignal('');
  // The form starts from the agreement as read; the list re-makes this row when a new version arrives.
  const initial = untrack(() => ({ ...props.a }));
  const [covers, setCovers] = createSignal<Requirement[]>([...initial.covers]);
  const [agreedOn, setAgreedOn] = createSignal(initial.agreedOn ?? '');
  const [special, setSpecial] = createSignal(initial.specialRelationship);
  const [infection, setInfection] = createSignal(initial.infectionAgreement);
  const open = (m: Mode) => {
    setError(null);
    setMode((now) => (now === m ? null : m));
  };

  const send = async (json: Omit<AgreementPatch, 'version'>, note: (proposed: boolean) => string) => {
    try {
      const res = await patchAgreement(props.a.agreementId, { ...json, version: props.a.version });
      setMode(null);
      props.onDone(note(res.proposal !== null));
    } catch (err) {
      setError(err instanceof ApiRequestError && err.status === 409 ? `${t('form.conflict')} (${err.message})` : actionErrorText(err));
    }
  };
  const confirm = (e: SubmitEvent) => {
    e.preventDefault();
    const on = date();
    void send({ confirmedOn: on }, () => t('desk.confirmed', { date: on }));
  };
  const end = (e: SubmitEvent) => {
    e.preventDefault();
    if (!reason().trim()) return setError(t('desk.endReasonNeeded'));
    void send({ status: 'ended', endedOn: date(), endReason: reason().trim() }, () => t('desk.ended'));
  };
  /** Only what differs from the agreement is sent: the proposal holds just that. */
  const propose = (e: SubmitEvent) => {
    e.preventDefault();
    const changes: Omit<AgreementPatch, 'version'> = {};
    const now = initial;
    if (REQUIREMENTS.some((r) => covers().includes(r) !== now.covers.includes(r))) changes.covers = covers();
    if ((agreedOn() || null) !== now.agreedOn) changes.agreedOn = agreedOn() || null;
    if (special() !== now.specialRelationship) changes.specialRelationship = special();
    if (infection() !== now.infectionAgreement) changes.infectionAgreement = infection();
    if (Object.keys(changes).length === 0) return setError(t('desk.nothingChanged'));
    if (covers().length === 0) return setError(t('desk.coversNeeded'));
    void send(changes, (proposed) => (proposed ? t('desk.proposed') : t('desk.changed')));
  };
  const toggle = (r: Requirement) => setCovers((cs) => (cs.includes(r) ? cs.filter((x) => x !== r) : REQUIREMENTS.filter((x) => x === r || cs.includes(x))));

  return (
    <div class="agreement-actions" data-testid={`agreement-actions-${props.a.agreementId}`}>
      <div class="button-row">
        <button type="button" aria-expanded={mode() === 'confirm'} onClick={() => open('confirm')} data-testid="action-confirm">{t('desk.recordConfirmation')}</button>
        <button type="button" aria-expanded={mode() === 'propose'} onClick={() => open('propose')} data-testid="action-propose">{t('desk.proposeChange')}</button>
        <button type="button" aria-expanded={mode() === 'end'} onClick={() => open('end')} data-testid="action-end">{t('desk.end')}</button>
      </div>
      <Switch>
        <Match when={mode() === 'confirm'}>
          <form class="inline-form" onSubmit={confirm}>
            <label>{t('desk.confirmedOn')} <input type="date" required value={date()} onInput={(e) => setDate(e.currentTarget.value)} data-testid="confirm-date" /></label>
            <button type="submit" data-testid="confirm-save">{t('desk.save')}</button>
            <p class="hint">{t('desk.confirmHint')}</p>
          </form>
        </Match>
        <Match when={mode() === 'end'}>
          <form class="inline-form" onSubmit={end}>
            <label>{t('desk.endedOn')} <input type="date" required value={date()} onInput={(e) => setDate(e.currentTarget.value)} data-testid="end-date" /></label>
            <label>{t('desk.endReason')} <input type="text" maxLength={1000} value={reason()} onInput={(e) => setReason(e.currentTarget.value)} data-testid="end-reason" /></label>
            <button type="submit" class="danger" data-testid="end-save">{t('desk.endConfirm')}</button>
          </form>
        </Match>
        <Match when={mode() === 'propose'}>
          <form class="inline-form" onSubmit={propose}>
            <fieldset>
              <legend>{t('desk.covers')}</legend>
              <For each={REQUIREMENTS}>
                {(r) => (
                  <label class="check">
                    <input type="checkbox" checked={covers().includes(r)} disabled={r === 'admit' && !props.canAdmit} onChange={() => toggle(r)} data-testid={`propose-${r}`} />
                    {REQUIREMENT_INFO[r].symbol} {t(`req.${r}`)}
                  </label>
                )}
              </For>
              <Show when={!props.canAdmit}><p class="hint">{t('desk.admitHospitalsOnly')}</p></Show>
            </fieldset>
            <label>{t('agreedOn')} <input type="date" value={agreedOn()} onInput={(e) => setAgreedOn(e.currentTarget.value)} data-testid="propose-agreed-on" /></label>
            <label class="check"><input type="checkbox" checked={special()} onChange={(e) => setSpecial(e.currentTarget.checked)} data-testid="propose-special" /> {t('specialRelationship')}</label>
            <label class="check"><input type="checkbox" checked={infection()} onChange={(e) => setInfection(e.currentTarget.checked)} data-testid="propose-infection" /> {t('desk.infectionAgreement')}</label>
            <p class="hint">{t('desk.proposeHint')}</p>
            <button type="submit" data-testid="propose-send">{t('desk.proposeSend')}</button>
          </form>
        </Match>
      </Switch>
      <Show when={error()}><p class="error" role="alert">{error()}</p></Show>
    </div>
  );
}
