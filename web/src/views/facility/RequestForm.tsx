import { createSignal, For, Show } from 'solid-js';
import { REQUIREMENT_INFO, REQUIREMENTS, type Requirement } from '../../../../server/domain/requirements';
import { sendRequest, type Candidate } from '../../api';
import { actionErrorText } from '../../components/LoadError';
import { t } from '../../i18n';

/** Ask one of the facility's candidates for chosen requirements, with an optional message. */
export function RequestForm(props: { facilityId: string; candidates: Candidate[]; onSent: () => void }) {
  const [target, setTarget] = createSignal('');
  const [asks, setAsks] = createSignal<Requirement[]>([]);
  const [message, setMessage] = createSignal('');
  const [error, setError] = createSignal<string | null>(null);
  const [sent, setSent] = createSignal(false);
  const chosen = () => props.candidates.find((c) => c.code === target());
  // ③ only from a 病院 (運営基準: 入院を原則として受け入れる体制).
  const canGive = (r: Requirement) => !(r === 'admit' && chosen()?.institution.kind !== 'hospital');

  const choose = (code: string) => {
    setTarget(code);
    const c = props.candidates.find((x) => x.code === code);
    setAsks(c ? [...c.covers.offered, ...c.covers.eligibleOnly].filter((r) => r !== 'admit' || c.institution.kind === 'hospital') : []);
    setSent(false);
  };
  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    try {
      await sendRequest({ facilityId: props.facilityId, institutionCode: target(), requirements: asks(), ...(message().trim() ? { message: message().trim() } : {}) });
      setError(null);
      setSent(true);
      setMessage('');
      props.onSent();
    } catch (err) {
      setError(actionErrorText(err));
    }
  };

  return (
    <form onSubmit={(e) => void submit(e)} data-testid="request-form">
      <label>
        {t('cycle.askWhom')}
        <select value={target()} onChange={(e) => choose(e.currentTarget.value)} data-testid="request-target">
          <option value="">—</option>
          <For each={props.candidates}>{(c) => <option value={c.code}>{t('nameWithMinutes', { name: c.institution.name, n: c.minutes.toFixed(0) })}</option>}</For>
        </select>
      </label>
      <div class="checks">
        <For each={REQUIREMENTS}>
          {(r) => (
            <label class="inline" title={canGive(r) ? t(`req.${r}`) : t('form.hospitalOnly')}>
              <input type="checkbox" disabled={!target() || !canGive(r)} checked={asks().includes(r)} data-testid={`ask-${r}`} onChange={(e) => setAsks((a) => (e.currentTarget.checked ? [...a, r] : a.filter((x) => x !== r)))} />{' '}
              {REQUIREMENT_INFO[r].symbol} {t(`reqShort.${r}`)}
            </label>
          )}
        </For>
      </div>
      <label>
        {t('cycle.message')}
        <textarea rows="2" maxLength={1000} value={message()} onInput={(e) => setMessage(e.currentTarget.value)} data-testid="request-message" />
      </label>
      <p>
        <button type="submit" disabled={!target() || asks().length === 0} data-testid="send-request">{t('cycle.send')}</button>
        <Show when={sent()}> <span class="ok" role="status">{t('cycle.sent')}</span></Show>
      </p>
      <Show when={error()}><p class="error" role="alert" data-testid="request-error">{error()}</p></Show>
    </form>
  );
}
