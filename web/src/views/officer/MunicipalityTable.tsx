import { createMemo, createSignal, For } from 'solid-js';
import type { OfficerMunicipality } from '../../api';
import { t, type MessageKey } from '../../i18n';
import { useAppStore } from '../../state/store';

type Column = 'name' | 'facilities' | 'covered' | 'partial' | 'none' | 'unknown' | 'filed' | 'notFiled' | 'overdue' | 'daysToDeadline';
const COLUMNS: readonly { key: Column; label: MessageKey }[] = [
  { key: 'name', label: 'officer.col.name' },
  { key: 'facilities', label: 'officer.col.facilities' },
  { key: 'covered', label: 'status.covered' },
  { key: 'partial', label: 'status.partial' },
  { key: 'none', label: 'status.none' },
  { key: 'unknown', label: 'status.unknown' },
  { key: 'filed', label: 'tracker.status.filed' },
  { key: 'notFiled', label: 'tracker.status.not_filed' },
  { key: 'overdue', label: 'tracker.status.overdue' },
  { key: 'daysToDeadline', label: 'officer.col.days' },
];

/**
 * Every municipality of the officer's scope: facilities by status (充足 / 一部 / 未 / 未把握, as the map
 * counts them), filings (this officer's authorities only) and days to the deadline. Any column sorts
 * (again: the other way); a name opens the area on the map, with its lists.
 */
export function MunicipalityTable(props: { rows: OfficerMunicipality[] }) {
  const { update } = useAppStore();
  const [sort, setSort] = createSignal<{ key: Column; desc: boolean }>({ key: 'name', desc: false });
  const sorted = createMemo(() => {
    const { key, desc } = sort();
    const keyed = props.rows.map((r) => ({ r, v: key === 'name' ? r.code : (r[key] ?? Number.POSITIVE_INFINITY) }));
    return keyed
      .sort((a, b) => {
      const [x, y] = [a.v, b.v];
      const c = typeof x === 'string' ? x.localeCompare(y as string) : (x as number) - (y as number);
      return desc ? -c : c;
      })
      .map((k) => k.r);
  });
  const by = (key: Column) => setSort((s) => ({ key, desc: s.key === key ? !s.desc : key !== 'name' }));
  const ariaSort = (key: Column) => (sort().key === key ? (sort().desc ? 'descending' : 'ascending') : 'none');
  return (
    <div class="table-scroll" tabIndex={0} role="region" aria-label={t('officer.municipalities')}>
      <table class="data-table" data-testid="municipality-table">
        <thead>
          <tr>
            <For each={COLUMNS}>
              {(c) => (
                <th scope="col" aria-sort={ariaSort(c.key)}>
                  <button type="button" class="sort" onClick={() => by(c.key)} data-testid={`sort-${c.key}`}>{t(c.label)}</button>
                </th>
              )}
            </For>
          </tr>
        </thead>
        <tbody>
          <For each={sorted()}>
            {(r) => (
              <tr data-code={r.code}>
                <th scope="row">
                  <button type="button" class="link" onClick={() => update({ view: 'area', area: r.code })}>{r.name}</button>
                </th>
                <td>{r.facilities}</td>
                <td>{r.covered}</td>
                <td>{r.partial}</td>
                <td>{r.none}</td>
                <td>{r.unknown}</td>
                <td>{r.filed}</td>
                <td>{r.notFiled}</td>
                <td classList={{ gap: r.overdue > 0 }}>{r.overdue}</td>
                <td>{r.daysToDeadline ?? '—'}</td>
              </tr>
            )}
          </For>
        </tbody>
      </table>
    </div>
  );
}
