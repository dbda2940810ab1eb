import { createEffect, createMemo, createResource, createSignal, For, on, onCleanup, Show } from 'solid-js';
import { DEFAULT_TRAVEL_MODEL } from '../../../server/domain/geo';
import { fetchCandidates, fetchCombinations, fetchFacility, type Candidate } from '../api';
import { LoadError } from '../components/LoadError';
import { t } from '../i18n';
import { EMPTY_OVERLAY, line, ringsBox, travelRings, type LngLat, type Overlay } from '../map/overlays';
import { sectionMode } from '../state/access';
import { MINUTE_CHOICES } from '../state/app-state';
import { epoch } from '../state/session';
import { useAppStore } from '../state/store';
import { Candidates } from './facility/Candidates';
import { PartnershipSection } from './facility/PartnershipSection';
import { Combinations } from './facility/Combinations';
import { FacilityCard } from './facility/FacilityCard';

/** How long the weight sliders rest before the candidates are asked for again. */
const WEIGHTS_SETTLE_MS = 200;

/**
 * The 施設 view: the facility card, its candidates (ranked again by the server as the weight sliders
 * settle), the best
 * combinations drawn on the map, and rings at chosen travel times.
 */
export function FacilityView(props: { id: string; onOverlay: (o: Overlay) => void; onPosition: (at: LngLat | null) => void }) {
  const { state, update } = useAppStore();
  // Loaded again on sign-in and sign-out: its partners are shown only to those who may read them.
  const [detail, { refetch: refetchDetail }] = createResource(() => [props.id, epoch()] as const, ([id]) => fetchFacility(id));
  // Asked once the facility itself has loaded (a bad link then shows one error, not three), and
  // not again when the same facility is re-read (after sign-in, or a change to its seeking).
  // (A resource that failed throws when read: look at its state first.)
  const loadedId = createMemo(() => (detail.state === 'ready' || detail.state === 'refreshing' ? (detail.latest?.id ?? null) : null));
  const loaded = () => (loadedId() ? ([loadedId()!, state.minutes] as const) : null);
  // The sliders move the URL at once; the ranking is asked for once they rest.
  const [weights, setWeights] = createSignal(state.weights);
  createEffect(on(() => state.weights, (w) => {
    const timer = setTimeout(() => setWeights(w), WEIGHTS_SETTLE_MS);
    onCleanup(() => clearTimeout(timer));
  }, { defer: true }));
  const [candidates] = createResource(() => (loaded() ? ([...loaded()!, weights()] as const) : null), ([id, m, w]) => fetchCandidates(id, m, w));
  const [combos] = createResource(loaded, ([id, m]) => fetchCombinations(id, m));
  const [hovered, setHovered] = createSignal<Candidate | null>(null);
  const [chosen, setChosen] = createSignal(0);
  const [rings, setRings] = createSignal<number[]>([state.minutes]);
  // Rings chosen by hand are brought into view whole (a 60-minute ring is wider than a phone's map).
  const [ringsChosen, setRingsChosen] = createSignal(false);

  const at = (): LngLat | null => {
    const f = detail.state === 'ready' ? detail() : undefined;
    return f && f.lng !== null && f.lat !== null ? [f.lng, f.lat] : null;
  };
  createEffect(() => props.onPosition(at()));
  createEffect(on(() => props.id, () => setChosen(0)));
  createEffect(() => {
    const origin = at();
    if (!origin) return props.onOverlay(EMPTY_OVERLAY);
    const combo = combos.latest?.combinations[chosen()];
    const h = hovered();
    const drawn = travelRings(origin, rings(), DEFAULT_TRAVEL_MODEL, (m) => t('withinMinutes', { n: m }));
    const box = ringsChosen() ? ringsBox(drawn) : null;
    props.onOverlay({
      lines: [
        ...(combo?.members.map((m) => line(origin, [m.lng, m.lat], 'combination')) ?? []),
        ...(h ? [line(origin, [h.institution.lng, h.institution.lat], 'candidate')] : []),
      ],
      rings: drawn,
      highlights: [],
      focus: [origin, ...(combo?.members.map((m): LngLat => [m.lng, m.lat]) ?? [])],
      ...(box ? { frame: { key: `${props.id}:${rings().join(',')}`, bbox: box } } : {}),
    });
  });
  onCleanup(() => {
    props.onOverlay(EMPTY_OVERLAY);
    props.onPosition(null);
  });
  const toggleRing = (m: number) => {
    setRingsChosen(true);
    setRings((rs) => (rs.includes(m) ? rs.filter((x) => x !== m) : [...rs, m].sort((a, b) => a - b)));
  };
  const selectInstitution = (code: string) => update({ view: 'institution', institution: code });

  return (
    <Show when={!detail.error} fallback={<LoadError error={detail.error} />}>
      <Show when={detail()} fallback={<p class="muted">{t('loading')}</p>}>
        {(f) => (
          <article class="card" data-testid="facility-panel">
            <FacilityCard f={f()} onSelectFacility={(id) => update({ facility: id })} onSelectInstitution={selectInstitution} />
            <section>
              <h3>{t('travelLimit')}</h3>
              <p class="controls-row">
                <select value={state.minutes} onChange={(e) => update({ minutes: Number(e.currentTarget.value) })} data-testid="max-minutes">
                  <For each={MINUTE_CHOICES}>{(m) => <option value={m}>{t('withinMinutes', { n: m })}</option>}</For>
                </select>
                <span class="rings" role="group" aria-label={t('ringsLabel')}>
                  {t('ringsLabel')}
                  <For each={MINUTE_CHOICES}>
                    {(m) => <button type="button" class="chip" aria-pressed={rings().includes(m)} onClick={() => toggleRing(m)} data-testid={`ring-${m}`}>{m}</button>}
                  </For>
                </span>
              </p>
            </section>
            <section>
              <h3>{t('combinationsTitle')}</h3>
              <Show when={!combos.error} fallback={<LoadError error={combos.error} />}>
                <Show when={combos.latest} fallback={<p class="muted">{t('loading')}</p>}>
                  {(c) => <Combinations data={c()} chosen={chosen()} onChoose={setChosen} onSelect={selectInstitution} />}
                </Show>
              </Show>
            </section>
            <section>
              <h3>{t('candidates')}</h3>
              <Show when={!candidates.error} fallback={<LoadError error={candidates.error} />}>
                <Show when={candidates.latest} fallback={<p class="muted">{t('loading')}</p>}>
                  {(c) => <Candidates data={c()} weights={state.weights} loading={candidates.loading} onWeights={(w) => update({ weights: w })} onHover={setHovered} onSelect={selectInstitution} />}
                </Show>
              </Show>
            </section>
            <Show when={sectionMode(f().access)} fallback={<p class="hint access-note" data-testid="partnership-hint">{t('cycle.signInHint')}</p>}>
              {(mode) => <PartnershipSection f={f()} mode={mode()} candidates={candidates.error ? [] : (candidates.latest?.candidates ?? [])} onChanged={() => void refetchDetail()} />}
            </Show>
          </article>
        )}
      </Show>
    </Show>
  );
}
