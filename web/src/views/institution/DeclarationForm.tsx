import { createSignal, For, Show, untrack } from 'solid-js';
import { REQUIREMENT_INFO, REQUIREMENTS, type Requirement } from '../../../../server/domain/requirements';
import { normalizeTyped } from '../../../../server/domain/typed-text';
import { ApiRequestError, saveDeclaration, type InstitutionDetail } from '../../api';
import { apiErrorText } from '../../components/error-text';
import { accessMessage } from '../../components/LoadError';
import { t } from '../../i18n';

/**
 * What the institution declares of itself: the requirements it offers (or none declared: its
 * notifications speak), whether it takes new partners, its maximum number of partner facilities.
 * Checked here as the server checks it (③ only for a 病院), saved with the version it was read at.
 */
export function DeclarationForm(props: { i: InstitutionDetail; saved: boolean; onSaved: (i: InstitutionDetail) => void }) {
  // The form starts from what was read; the parent re-creates it when a new version arrives.
  const initial = untrack(() => ({
    declared: props.i.offers.source === 'declared',
    offers: props.i.offers.source === 'declared' ? [...props.i.offers.offers] : [...props.i.offers.likely],
    willingness: props.i.willingness ?? '',
    max: props.i.maxPartners === null ? '' : String(props.i.maxPartners),
  }));
  const [useDeclared, setUseDeclared] = createSignal(initial.declared);
  const [offers, setOffers] = createSignal<Requirement[]>(initial.offers);
  const [willingness, setWillingness] = createSignal<string>(initial.willingness);
  const [max, setMax] = createSignal(initial.max);
  const [error, setError] = createSignal<{ field: string | null; message: string } | null>(null);
  const eligible = (r: Requirement) => props.i.offers.eligible.includes(r);

  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    // Full-width digits (２０) are digits: typed-text.ts.
    const raw = normalizeTyped(max());
    if (raw !== '' && !/^\d+$/.test(raw)) return setError({ field: 'maxPartners', message: t('form.maxInvalid') });
    try {
      const next = await saveDeclaration(props.i.code, {
        offers: useDeclared() ? offers() : null,
        willingness: willingness() === '' ? null : (willingness() as 'accepting' | 'not_accepting'),
        maxPartners: raw === '' ? null : Number(raw),
        version: props.i.version,
      });
      setError(null);
      props.onSaved(next);
    } catch (err) {
      if (err instanceof ApiRequestError) setError({ field: err.path, message: err.status === 409 ? t('form.conflict') : (accessMessage(err) ?? apiErrorText(err)) });
      else setError({ field: null, message: t('loadFailed') });
    }
  };

  return (
    <form class="declaration" onSubmit={(e) => void submit(e)} data-testid="declaration-form">
      <fieldset>
        <legend>{t('form.offers')}</legend>
        <label class="inline"><input type="radio" name="src" checked={!useDeclared()} onChange={() => setUseDeclared(false)} /> {t('form.fromNotifications')}</label>
        <label class="inline"><input type="radio" name="src" checked={useDeclared()} onChange={() => setUseDeclared(true)} data-testid="declare-offers" /> {t('form.declare')}</label>
        <div class="checks" classList={{ disabled: !useDeclared() }}>
          <For each={REQUIREMENTS}>
            {(r) => (
              <label class="inline" title={eligible(r) ? t(`req.${r}`) : t('form.hospitalOnly')}>
                <input
                  type="checkbox" disabled={!useDeclared() || !eligible(r)} checked={offers().includes(r)} data-testid={`offer-${r}`}
                  onChange={(e) => setOffers((o) => (e.currentTarget.checked ? [...o, r] : o.filter((x) => x !== r)))}
                />{' '}
                {REQUIREMENT_INFO[r].symbol} {t(`reqShort.${r}`)}
              </label>
            )}
          </For>
        </div>
        <Show when={error()?.field?.startsWith('offers')}><p class="error" role="alert">{error()!.message}</p></Show>
      </fieldset>
      <label>
        {t('form.willingness')}
        <select value={willingness()} onChange={(e) => setWillingness(e.currentTarget.value)} data-testid="willingness">
          <option value="">{t('form.undeclared')}</option>
          <option value="accepting">{t('willingness.accepting')}</option>
          <option value="not_accepting">{t('willingness.not_accepting')}</option>
        </select>
      </label>
      <label>
        {t('form.maxPartners')}
        <input type="text" inputMode="numeric" value={max()} onInput={(e) => setMax(e.currentTarget.value)} placeholder={t('form.undeclared')} data-testid="max-partners" aria-invalid={error()?.field === 'maxPartners'} />
      </label>
      <Show when={error() && !error()!.field?.startsWith('offers')}><p class="error" role="alert" data-testid="form-error">{error()!.message}</p></Show>
      <p>
        <button type="submit" data-testid="save-declaration">{t('form.save')}</button>
        <Show when={props.saved && !error()}> <span class="ok" role="status" data-testid="saved">{t('form.saved')}</span></Show>
      </p>
    </form>
  );
}
