import { createResource, createSignal, For, Show } from 'solid-js';
import { FACILITY_TYPES } from '../../../../server/domain/facility-types';
import { fetchTrackerPage, type OfficerMunicipality, type TrackerQuery, type TrackerRow } from '../../api';
import { LoadError } from '../../components/LoadError';
import { t } from '../../i18n';
import { downloadCsv } from '../../lib/export';
import { useAppStore } from '../../state/store';
import { typeLabel, typeName } from '../../components/type-name';

const PAGE = 100;

/**
 * The filing tracker of one authority in full: every facility it designates, filterable by
 * municipality, type and state, a page at a time, exported whole as CSV (事業所番号 kept as text).
 */
export function TrackerTable(props: { authority: string; fiscalYear: number; municipalities: OfficerMunicipality[]; refresh: number }) {
  const { update } = useAppStore();
  const [municipality, setMunicipality] = createSignal('');
  const [type, setType] = createSignal('');
  const [status, setStatus] = createSignal('');
  const [offset, setOffset] = createSignal(0);
  const query = (): TrackerQuery => ({ authority: props.authority, fiscalYear: props.fiscalYear, municipality: municipality(), type: type(), status: status(), offset: offset(), limit: PAGE });
  const [page] = createResource(() => ({ ...query(), refresh: props.refresh }), ({ refresh: _, ...q }) => fetchTrackerPage(q));
  const filter = (set: (v: string) => void) => (e: Event) => {
    set((e.currentTarget as HTMLSelectElement).value);
    setOffset(0);
  };
  const exportAll = async () => {
    const rows: TrackerRow[] = [];
    for (let from = 0; ; from += 1000) {
      const p = await fetchTrackerPage({ ...query(), offset: from, limit: 1000 });
      rows.push(...p.facilities);
      if (rows.length >= p.total || p.facilities.length === 0) break;
    }
    downloadCsv(`${t('officer.trackerFile')}_${props.authority}_${props.fiscalYear}.csv`, [{ title: t('officer.col.facilityId'), kind: 'code' }, t('officer.col.facility'), t('officer.col.type'), t('officer.col.name'), t('officer.col.state'), t('officer.col.filedOn')], rows.map((r) => [r.facilityId, r.name, r.typeJa, r.municipalityName, t(`tracker.status.${r.status}`), r.filing?.filedOn ?? '']));
  };
  const types = Object.values(FACILITY_TYPES);
  return (
    <section data-testid="tracker-full">
      <div class="controls-row">
        <label>{t('officer.col.name')}{' '}
          <select value={municipality()} onChange={filter(setMunicipality)} data-testid="tracker-municipality">
            <option value="">{t('officer.all')}</option>
            <For each={props.municipalities}>{(m) => <option value={m.code}>{m.name}</option>}</For>
          </select>
        </label>
        <label>{t('officer.col.type')}{' '}
          <select value={type()} onChange={filter(setType)} data-testid="tracker-type">
            <option value="">{t('officer.all')}</option>
            <For each={types}>{(ft) => <option value={ft.key}>{typeName(ft.key)}</option>}</For>
          </select>
        </label>
        <label>{t('officer.col.state')}{' '}
          <select value={status()} onChange={filter(setStatus)} data-testid="tracker-status">
            <option value="">{t('officer.all')}</option>
            <For each={['filed', 'not_filed', 'overdue'] as const}>{(s) => <option value={s}>{t(`tracker.status.${s}`)}</option>}</For>
          </select>
        </label>
        <button type="button" onClick={() => void exportAll()} data-testid="tracker-export">{t('officer.exportCsv')}</button>
      </div>
      <Show when={!page.error} fallback={<LoadError error={page.error} />}>
        <Show when={page.latest} fallback={<p class="muted">{t('loading')}</p>}>
          {(p) => (
            <>
              <p class="muted" data-testid="tracker-total">
                {t('officer.trackerTotal', { total: p().total, from: p().total === 0 ? 0 : offset() + 1, to: Math.min(offset() + PAGE, p().total) })} · {t('tracker.counts', { filed: p().counts.filed, notFiled: p().counts.notFiled, overdue: p().counts.overdue })}
              </p>
              <div class="table-scroll" tabIndex={0} role="region" aria-label={t('officer.tracker')}>
                <table class="data-table" data-testid="tracker-table">
                  <thead>
                    <tr>
                      <th scope="col">{t('officer.col.facility')}</th>
                      <th scope="col">{t('officer.col.type')}</th>
                      <th scope="col">{t('officer.col.name')}</th>
                      <th scope="col">{t('officer.col.state')}</th>
                      <th scope="col">{t('officer.col.filedOn')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    <For each={p().facilities}>
                      {(r) => (
                        <tr data-facility={r.facilityId} data-status={r.status}>
                          <th scope="row"><button type="button" class="link" onClick={() => update({ view: 'facility', facility: r.facilityId })}>{r.name}</button></th>
                          <td>{typeLabel(r.typeJa)}</td>
                          <td>{r.municipalityName}</td>
                          <td classList={{ gap: r.status === 'overdue' }}>{t(`tracker.status.${r.status}`)}</td>
                          <td>{r.filing?.filedOn ?? ''}</td>
                        </tr>
                      )}
                    </For>
                  </tbody>
                </table>
              </div>
              <p class="controls-row">
                <button type="button" disabled={offset() === 0} onClick={() => setOffset((o) => Math.max(0, o - PAGE))}>{t('officer.prev')}</button>
                <button type="button" disabled={offset() + PAGE >= p().total} onClick={() => setOffset((o) => o + PAGE)} data-testid="tracker-next">{t('officer.next')}</button>
              </p>
            </>
          )}
        </Show>
      </Show>
    </section>
  );
}
