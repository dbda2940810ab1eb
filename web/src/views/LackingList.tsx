import { createEffect, createResource, createSignal, For, on, Show } from 'solid-js';
import type { FacilityTypeKey } from '../../../server/domain/facility-types';
import { STATUS_JA } from '../../../server/domain/coverage';
import { requirementSymbols } from '../../../server/domain/requirements';
import { fetchLacking, type LackingFacility, type LackingPage } from '../api';
import { RequirementChips, StatusBadge } from '../components/badges';
import { LoadError } from '../components/LoadError';
import { t } from '../i18n';
import { downloadCsv, downloadGeoJson, pointFeatures, type Column } from '../lib/export';
import { typeLabel } from '../components/type-name';
import { HelpLink } from '../components/HelpLink';

type SortKey = LackingPage['sort'];
const PAGE = 100;
/** An export takes the whole list, however long. */
const ALL = 100_000;

const structural = (f: LackingFacility) => f.noAdmitHospital || f.unreachable.length > 0;

/**
 * Facilities of the area known to lack coverage (一部, 未), most urgent first (ordered by the server,
 * domain/priority.ts) — or, as `list="unknown"`, those whose partners are not yet recorded (未把握),
 * inviting them to be recorded. The two are never mixed. A page at a time; exportable whole.
 */
export function LackingList(props: { list: 'lacking' | 'unknown'; area: string | null; areaName: string; minutes: number; type: FacilityTypeKey | 'all'; onSelect: (id: string) => void }) {
  const [sort, setSort] = createSignal<SortKey>('severity');
  const [shown, setShown] = createSignal(PAGE);
  const page = (limit: number): LackingPage => ({ area: props.area, maxMinutes: props.minutes, type: props.type, sort: sort(), list: props.list, limit });
  createEffect(on([() => props.area, () => props.type, sort], () => setShown(PAGE), { defer: true }));
  const [data] = createResource(() => page(shown()), fetchLacking);
  const rows = () => data.latest?.facilities ?? [];
  const total = () => data.latest?.total ?? 0;

  const header = (): Column[] => [
    { title: t('careOfficeNumber'), kind: 'code' }, { title: t('serviceCode'), kind: 'code' }, { title: t('csv.name') }, { title: t('csv.type') }, { title: t('csv.level') }, { title: t('csv.status') },
    { title: t('missing') }, { title: t('deadline') }, { title: t('csv.daysLeft'), kind: 'number' }, { title: t('csv.structural') }, { title: t('municipalities') }, { title: t('address') }, { title: t('phone'), kind: 'code' },
  ];
  const cells = (f: LackingFacility) => {
    const [no, sc] = f.facilityId.split('-');
    // The status as its Japanese name in any language (充足 / 一部 / 未 / 未把握); unknown has no 不足.
    return [no, sc, f.name, f.typeJa, t(`level.${f.level}`), STATUS_JA[f.status], f.missing ? requirementSymbols(f.missing) : '', f.deadline?.date ?? '', f.daysLeft ?? '', structural(f) ? structuralText(f) : '', f.municipalityName ?? '', f.address ?? '', f.phone ?? ''];
  };
  const fileBase = () => `renkei-${props.list}-${props.areaName}`;
  const everything = async () => (await fetchLacking(page(ALL))).facilities;
  const exportCsv = async () => downloadCsv(`${fileBase()}.csv`, header(), (await everything()).map(cells));
  // GeoJSON keeps the API's keys (status `unknown`, missing null) and unplaced facilities, with no geometry.
  const [geoNote, setGeoNote] = createSignal<string | null>(null);
  const exportGeoJson = async () => {
    const all = await everything();
    const { fc, unplaced } = pointFeatures(all, (f) => ({ facilityId: f.facilityId, name: f.name, type: f.type, level: f.level, status: f.status, missing: f.missing, deadline: f.deadline?.date ?? null, daysLeft: f.daysLeft, noAdmitHospital: f.noAdmitHospital, unreachable: f.unreachable, municipalityCode: f.municipalityCode, municipalityName: f.municipalityName, address: f.address, phone: f.phone }));
    downloadGeoJson(`${fileBase()}.geojson`, fc);
    setGeoNote(unplaced > 0 ? t('export.unplaced', { n: unplaced }) : t('export.allPlaced', { n: all.length }));
  };
  createEffect(on([() => props.area, () => props.type], () => setGeoNote(null), { defer: true }));
  const unknownList = () => props.list === 'unknown';

  return (
    <section data-testid={`${props.list}-section`}>
      <h3>{unknownList() ? t('unknownTitle') : t('lackingTitle')}<HelpLink term={unknownList() ? 'unknown' : 'duty'} /></h3>
      <Show when={unknownList()}><p class="hint" data-testid="unknown-invite">{t('unknownInvite')}</p></Show>
      <Show when={!data.error} fallback={<LoadError error={data.error} />}>
        <div class="list-tools">
          <span class="muted" data-testid={`${props.list}-count`}>{t('lackingCount', { n: total() })}</span>
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
          <button type="button" class="secondary" onClick={() => void exportCsv()} data-testid={`export-${props.list}-csv`}>{t('exportCsv')}</button>
          <button type="button" class="secondary" onClick={() => void exportGeoJson()} data-testid={`export-${props.list}-geojson`}>{t('exportGeoJson')}</button>
          <Show when={geoNote()}>{(n) => <span class="muted" role="status" data-testid={`export-${props.list}-geojson-note`}> {n()}</span>}</Show>
        </p>
        <ol class="rows lacking" data-testid={`${props.list}-list`} classList={{ stale: data.loading }} aria-busy={data.loading}>
          <For each={rows()}>
            {(f) => (
              <li tabIndex={0} data-testid={`${props.list}-row`} data-severity={f.severity} data-deadline={f.deadline?.date ?? ''} onClick={() => props.onSelect(f.facilityId)} onKeyDown={(e) => e.key === 'Enter' && props.onSelect(f.facilityId)}>
                <div class="row-main">
                  <span class="name">{f.name}</span> <span class="muted">{typeLabel(f.typeJa)}</span> <StatusBadge status={f.status} />
                </div>
                <div class="row-sub">
                  <Show when={f.missing} fallback={<span class="muted">{t('status.unknown')}</span>}>{(m) => <>{t('missing')} <RequirementChips solid={m()} only /></>}</Show>
                  <Show when={f.deadline}>
                    {(d) => <span class="muted"> · {t(`deadlineKind.${d().kind}`)} {d().date}{t('paren', { text: f.daysLeft! >= 0 ? t('daysLeft', { n: f.daysLeft! }) : t('daysPassed', { n: -f.daysLeft! }) })}</span>}
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
  // "No one in reach" and "no one has declared" are different calls to action (domain.md §5).
  const nobody = f.unreachable.filter((r) => !f.eligibleOnly.includes(r));
  return [
    f.noAdmitHospital ? t('gap.noAdmitHospital') : null,
    nobody.length > 0 ? t('gap.unreachable', { req: requirementSymbols(nobody) }) : null,
    f.eligibleOnly.length > 0 ? t('gap.eligibleOnly', { req: requirementSymbols(f.eligibleOnly) }) : null,
  ].filter(Boolean).join(t('listSep'));
}
