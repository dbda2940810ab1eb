import { createEffect, createMemo, createResource, createSignal, For, on, onCleanup, Show } from 'solid-js';
import { DEFAULT_TRAVEL_MODEL } from '../../../server/domain/geo';
import { fetchInstitution, fetchNearby } from '../api';
import { RequirementChips, StatusBadge } from '../components/badges';
import { fmt1 } from '../components/format';
import { LoadError } from '../components/LoadError';
import { t } from '../i18n';
import { EMPTY_OVERLAY, highlight, travelRings, type LngLat, type Overlay } from '../map/overlays';

import { MINUTE_CHOICES } from '../state/app-state';
import { epoch } from '../state/session';
import { useAppStore } from '../state/store';
import { DeclarationForm } from './institution/DeclarationForm';
import { RequestsInbox } from './institution/RequestsInbox';
import { InstitutionCard } from './institution/InstitutionCard';
import { typeLabel } from '../components/type-name';
import { HelpLink } from '../components/HelpLink';

/**
 * The 医療機関 view: the institution card with its partners and load, the facilities nearby that
 * lack what it could give (A253-relevant first, ringed on the map), and its own declaration.
 */
export function InstitutionView(props: { code: string; onOverlay: (o: Overlay) => void; onPosition: (at: LngLat | null) => void; onDataChanged: () => void }) {
  const { state, update } = useAppStore();
  // Loaded again on sign-in and sign-out: its partners are shown only to those who may read them.
  const [detail, { mutate, refetch: refetchInstitution }] = createResource(() => [props.code, epoch()] as const, ([code]) => fetchInstitution(code));
  // Its staff and administrators act for it (the server says so with the record).
  const acts = () => detail.state === 'ready' && detail().access.includes('act');
  // Asked once the institution has loaded, and not again when the same one is re-read after sign-in.
  const loadedCode = createMemo(() => (detail.state === 'ready' || detail.state === 'refreshing' ? (detail.latest?.code ?? null) : null));
  const [nearby, { refetch: refetchNearby }] = createResource(() => (loadedCode() ? ([loadedCode()!, state.minutes] as const) : null), ([code, m]) => fetchNearby(code, m));
  // (A resource that failed throws when read: look at its state first.)
  const at = (): LngLat | null => {
    const i = detail.state === 'ready' ? detail() : undefined;
    return i && i.lng !== null && i.lat !== null ? [i.lng, i.lat] : null;
  };
  createEffect(() => props.onPosition(at()));
  createEffect(() => {
    const origin = at();
    props.onOverlay({
      lines: [],
      rings: origin ? travelRings(origin, [state.minutes], DEFAULT_TRAVEL_MODEL, (m) => t('withinMinutes', { n: m })) : [],
      highlights: (nearby.latest?.facilities ?? []).filter((f) => !f.alreadyPartner).map((f) => highlight(f.position, f.a253 ? 'seeking-a253' : 'seeking', f.facilityId)),
    });
  });
  onCleanup(() => {
    props.onOverlay(EMPTY_OVERLAY);
    props.onPosition(null);
  });
  const selectFacility = (id: string) => update({ view: 'facility', facility: id });
  // "Saved" stays shown for the new version (the form is re-made from it) until another institution opens.
  const [saved, setSaved] = createSignal(false);
  createEffect(on(() => props.code, () => setSaved(false)));

  return (
    <Show when={!detail.error} fallback={<LoadError error={detail.error} />}>
      <Show when={detail()} fallback={<p class="muted">{t('loading')}</p>}>
        {(i) => (
          <article class="card" data-testid="institution-panel">
            <InstitutionCard i={i()} onSelectFacility={selectFacility} />
            <Show when={acts()} fallback={<p class="hint access-note" data-testid="inbox-hint">{t('inbox.signInHint')}</p>}>
              <RequestsInbox code={i().code} eligible={i().offers.eligible} onChanged={() => void refetchInstitution()} />
            </Show>
            <section>
              <h3>{t('nearbyTitle')}</h3>
              <p class="controls-row">
                <select value={state.minutes} onChange={(e) => update({ minutes: Number(e.currentTarget.value) })} data-testid="max-minutes">
                  <For each={MINUTE_CHOICES}>{(m) => <option value={m}>{t('withinMinutes', { n: m })}</option>}</For>
                </select>
              </p>
              <Show when={!nearby.error} fallback={<LoadError error={nearby.error} />}>
                <Show when={nearby.latest} fallback={<p class="muted">{t('loading')}</p>}>
                  {(n) => (
                    <Show when={n().facilities.length > 0} fallback={<p class="muted">{t('nearbyNone', { minutes: n().maxMinutes })}</p>}>
                      <p class="muted">{t('nearbyCount', { n: n().total })}</p>
                      <ol class="rows" data-testid="nearby-facilities">
                        <For each={n().facilities}>
                          {(f) => (
                            <li tabIndex={0} data-testid="nearby-facility" data-a253={f.a253} onClick={() => selectFacility(f.facilityId)} onKeyDown={(e) => e.key === 'Enter' && selectFacility(f.facilityId)}>
                              <div class="row-main">
                                <span class="name">{f.name}</span> <span class="muted">{typeLabel(f.typeJa)}</span> <StatusBadge status={f.status} />
                                <Show when={f.seeking}> <span class="flag seeking" data-testid="seeking-flag">{t('seekingFlag')}</span></Show>
                                <Show when={f.a253}> <span class="flag a253" title={t('a253Help')}>A253</span><HelpLink term="a253" /></Show>
                                <Show when={f.alreadyPartner}> <span class="flag">{t('alreadyPartner')}</span></Show>
                              </div>
                              <div class="row-sub">
                                <Show when={f.missing} fallback={<span class="muted">{t('status.unknown')}</span>}>{(m) => <>{t('missing')} <RequirementChips solid={m()} only /></>}</Show> · {t('couldGive')} <RequirementChips solid={f.offered} outline={f.eligibleOnly} only titleOutline={t('eligibleOnly')} /> ·{' '}
                                {t('minutes', { n: fmt1(f.minutes) })}
                                <Show when={f.capacity !== null}> · {t('capacity')} {f.capacity}</Show>
                              </div>
                            </li>
                          )}
                        </For>
                      </ol>
                    </Show>
                  )}
                </Show>
              </Show>
            </section>
            <Show when={acts()}>
              <section>
                <h3>{t('declarationTitle')}</h3>
                <p class="hint">{t('declarationHint')}</p>
                <Show when={i().version} keyed>
                  <DeclarationForm
                    i={i()}
                    saved={saved()}
                    onSaved={(next) => {
                      setSaved(true);
                      mutate(next);
                      void refetchNearby();
                      props.onDataChanged();
                    }}
                  />
                </Show>
              </section>
            </Show>
          </article>
        )}
      </Show>
    </Show>
  );
}
