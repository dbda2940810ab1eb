import { createSignal, For, Show } from 'solid-js';
import { logMeeting, type FacilityDesk } from '../../api';
import { actionErrorText } from '../../components/LoadError';
import { todayInJapan } from '../../components/format';
import { t } from '../../i18n';
import { HelpLink } from '../../components/HelpLink';
import { ELECTRONIC_MEETINGS_PER_YEAR } from '../../../../server/domain/kasan';

/**
 * The 連携会議 of this fiscal year, a form to log one (date, partner, whether the partner sees
 * residents' information electronically at any time), and the 協力医療機関連携加算 the rules give
 * for them (server/domain/kasan.ts, through the desk). No resident data is ever asked for.
 */
export function MeetingsSection(props: { id: string; desk: FacilityDesk; onDone: (note: string) => void }) {
  const partners = () => props.desk.partners;
  const [partner, setPartner] = createSignal(partners()[0]?.institution.code ?? '');
  const [heldOn, setHeldOn] = createSignal(todayInJapan());
  const [electronic, setElectronic] = createSignal(false);
  const [error, setError] = createSignal<string | null>(null);
  const k = () => props.desk.kasan;
  const m = () => props.desk.meetings;

  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    const code = partner() || partners()[0]?.institution.code;
    if (!code) return setError(t('desk.meetingNeedsPartner'));
    try {
      await logMeeting(props.id, { institutionCode: code, heldOn: heldOn(), electronicSharing: electronic() });
      setError(null);
      props.onDone(t('desk.meetingLogged', { date: heldOn() }));
    } catch (err) {
      setError(actionErrorText(err));
    }
  };

  return (
    <section data-testid="desk-meetings">
      <h3>{t('desk.meetings', { fy: m().fiscalYear, n: m().held.length, electronic: m().electronicCount })}</h3>
      <Show when={m().held.length > 0}>
        <ul class="rows" data-testid="meeting-list">
          <For each={m().held}>{(x) => <li>{x.heldOn} · {x.institutionName ?? x.institutionCode}<Show when={x.electronicSharing}> · {t('desk.electronic')}</Show></li>}</For>
        </ul>
      </Show>
      <Show when={partners().length > 0} fallback={<p class="muted">{t('desk.meetingNeedsPartner')}</p>}>
        <form class="inline-form" onSubmit={submit} data-testid="meeting-form">
          <label>{t('desk.meetingPartner')}{' '}
            <select value={partner()} onChange={(e) => setPartner(e.currentTarget.value)} data-testid="meeting-partner">
              <For each={partners()}>{(p) => <option value={p.institution.code}>{p.institution.name}</option>}</For>
            </select>
          </label>
          <label>{t('desk.meetingDate')} <input type="date" required value={heldOn()} max={todayInJapan()} onInput={(e) => setHeldOn(e.currentTarget.value)} data-testid="meeting-date" /></label>
          <label class="check"><input type="checkbox" checked={electronic()} onChange={(e) => setElectronic(e.currentTarget.checked)} data-testid="meeting-electronic" /> {t('desk.electronicSharing')}</label>
          <button type="submit" data-testid="meeting-save">{t('desk.logMeeting')}</button>
        </form>
      </Show>
      <Show when={error()}><p class="error" role="alert">{error()}</p></Show>
      <div class="kasan" data-testid="desk-kasan">
        <HelpLink term="kasan" />
        <Show when={k().units} fallback={<p class="muted">{t('desk.kasanNone')}</p>}>
          {(u) => (
            <>
              <p>
                <strong data-testid="kasan-this-month">
                  {k().thisMonth?.eligible ? t('desk.kasanTier', { tier: k().thisMonth!.tier ?? '', units: k().thisMonth!.units }) : t('desk.kasanNotThisMonth')}
                </strong>{' '}
                · <span data-testid="kasan-total">{t('desk.kasanYear', { fy: k().fiscalYear, months: k().eligibleMonths, units: k().totalUnits })}</span>
              </p>
              <p class="hint">{t('desk.kasanTiers', { tier1: u().tier1, tier2: u().tier2 })}</p>
              <Show when={k().thisMonth}>{(m) => <p class="muted" data-testid="kasan-reason">{t(`kasan.reason.${m().reasonKey}`, { n: m().electronicMeetings, min: ELECTRONIC_MEETINGS_PER_YEAR })}</p>}</Show>
            </>
          )}
        </Show>
      </div>
    </section>
  );
}
