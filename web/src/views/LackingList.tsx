import { createEffect, createResource, createSignal, For, on, Show } from 'solid-js';
import type { FacilityTypeKey } from '../../../server/domain/facility-types';
import { requirementSymbols } from '../../../server/domain/requirements';
import { fetchLacking, type LackingFacility, type LackingPage } from '../api';
import { RequirementChips, StatusBadge } from '../components/badges';
import { LoadError } from '../components/LoadError';
import { t } from '../i18n';
import { downloadCsv, downloadGeoJson } from '../lib/export';

type SortKey = LackingPage['sort'];
const PAGE = 100;
/** An export takes the whole list, however long. */
const ALL = 100_000;

const structural = (f: LackingFacility) => f.noAdmitHospital || f.unreachable.length > 0;

/**
 * Facilities of the area lacking coverage, most urgent first (ordered by the server, domain/priority.ts),
 * a page at a time; exportable whole.
 */
export function LackingList(props: { area: string | null; areaName: string; minutes: number; type: FacilityTypeKey | 'all'; onSelect: (id: string) => void }) {
  const [sort, setSort] = createSignal<SortKey>('severity');
  const [shown, setShown] = createSignal(PAGE);
  const page = (limit: number): LackingPage => ({ area: props.area, maxMinutes: props.minutes, type: props.type, sort: sort(), limit });
  createEffect(on([() => props.area, () => props.type, sort], () => setShown(PAGE), { defer: true }));
  const [data] = createResource(() => page(shown()), fetchLacking);
  const rows = () => data.latest?.facilities ?? [];
  const total = () => data.latest?.total ?? 0;

  const header = () => [t('careOfficeNumber'), t('serviceCode'), t('csv.name'), t('csv.type'), t('csv.level'), t('csv.status'), t('missing'), t('deadline'), t('csv.daysLeft'), t('csv.structural'), t('municipalities'), t('address'), t('phone')];
  const cells = (f: LackingFacility) => {
    const [no, sc] = f.facilityId.split('-');
    return [no, sc, f.name, f.typeJa, t(`level.${f.level}`), t(`status.${f.status}`), requirementSymbols(f.missing), f.deadline?.date ?? '', f.daysLeft ?? '', structural(f) ? structuralText(f) : '', f.municipalityName ?? '', f.address ?? '', f.phone ?? ''];
  };
  const fileBase = () => `renkei-lacking-${props.areaName}`;
  const everything = async () => (await fetchLacking(page(ALL))).facilities;
  const exportCsv = async () => downloadCsv(`${fileBase()}.csv`, header(), (await everything()).map(cells));
  const exportGeoJson = async () =>
    downloadGeoJson(`${fileBase()}.geojson`, {
      type: 'FeatureCollection',
      features: (await everything()).flatMap((f) => (f.position ? [{ type: 'Feature' as const, geometry: { type: 'Point' as const, coordinates: f.position }, properties: Object.fromEntries(header().map((h, i) => [h, cells(f)[i]])) }] : [])),
    });

  return (
    <section>
      <h3>{t('lackingTitle')}</h3>
      <Show when={!data.error} fallback={<LoadError error={data.error} />}>
        <div class="list-tools">
          <span class="muted" data-testid="lacking-count">{t('lackingCount', { n: total() })}</span>
          <span class="sort" role="group" aria-label={t('sortBy')}>
            {t('sortBy')}
            <For each={['severity', 'deadline', 'name'] as SortKey[]}>
              {(k) => (
                <button type="button" class="chip" aria-pressed={sort() === k} onClick={() => setSort(k)} data-testid={`sort-${k}`}>
                  {t(`sort.${k}`)}
                </button>
              )}
            </For>
          </span>
        </div>
        <p class="exports">
          <button type="button" class="secondary" onClick={() => void exportCsv()} data-testid="export-lacking-csv">{t('exportCsv')}</button>
          <button type="button" class="secondary" onClick={() => void exportGeoJson()} data-testid="export-lacking-geojson">{t('exportGeoJson')}</button>
        </p>
        <ol class="rows lacking" data-testid="lacking-list" classList={{ stale: data.loading }} aria-busy={data.loading}>
          <For each={rows()}>
            {(f) => (
              <li tabIndex={0} data-testid="lacking-row" data-severity={f.severity} data-deadline={f.deadline?.date ?? ''} onClick={() => props.onSelect(f.facilityId)} onKeyDown={(e) => e.key === 'Enter' && props.onSelect(f.facilityId)}>
                <div class="row-main">
                  <span class="name">{f.name}</span> <span class="muted">{f.typeJa}</span> <StatusBadge status={f.status} />
                </div>
                <div class="row-sub">
                  {t('missing')} <RequirementChips solid={f.missing} only />
                  <Show when={f.deadline}>
                    {(d) => <span class="muted"> · {t(`deadlineKind.${d().kind}`)} {d().date}（{f.daysLeft! >= 0 ? t('daysLeft', { n: f.daysLeft! }) : t('daysPassed', { n: -f.daysLeft! })}）</span>}
                  </Show>
                  <Show when={structural(f)}> <span class="flag gap" data-testid="gap-flag">{structuralText(f)}</span></Show>
                </div>
              </li>
            )}
          </For>
        </ol>
        <Show when={total() > rows().length}>
          <button type="button" class="secondary" onClick={() => setShown((n) => n + PAGE)} data-testid="show-more">{t('showMore', { n: Math.min(PAGE, total() - rows().length) })}</button>
        </Show>
      </Show>
    </section>
  );
}

function structuralText(f: LackingFacility): string {
  return [f.noAdmitHospital ? t('gap.noAdmitHospital') : null, f.unreachable.length > 0 ? t('gap.unreachable', { req: requirementSymbols(f.unreachable) }) : null].filter(Boolean).join('・');
}
