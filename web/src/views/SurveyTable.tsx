import { For } from 'solid-js';
import { FACILITY_TYPES } from '../../../server/domain/facility-types';
import type { GapsResponse } from '../api';
import { lang, t } from '../i18n';
import { downloadCsv } from '../lib/export';

type Survey = NonNullable<GapsResponse['summary']>['survey'];

/** The MHLW-survey-shaped table: per service type, how many facilities meet ⅰ, ⅱ, ⅲ and all. */
export function SurveyTable(props: { survey: Survey; areaName: string }) {
  const rows = () => props.survey.filter((r) => r.facilities > 0);
  const typeName = (k: keyof typeof FACILITY_TYPES) => (lang() === 'ja' ? FACILITY_TYPES[k].shortJa : FACILITY_TYPES[k].nameEn);
  const exportCsv = () =>
    downloadCsv(
      `renkei-survey-${props.areaName}.csv`,
      [t('csv.type'), ...[t('csv.facilities'), t('csv.known'), 'ⅰ', 'ⅱ', 'ⅲ'].map((title) => ({ title, kind: 'number' as const })), { title: t('csv.allMet'), kind: 'number' }],
      rows().map((r) => [typeName(r.type), r.facilities, r.known, r.metI, r.metII, r.metIII ?? '—', r.allMet]),
    );
  return (
    <section>
      <h3>{t('surveyTable')}</h3>
      <table class="survey" data-testid="survey-table">
        <thead>
          <tr><th>{t('csv.type')}</th><th>{t('csv.facilities')}</th><th>{t('csv.known')}</th><th title={t('req.consult')}>ⅰ</th><th title={t('req.examine')}>ⅱ</th><th title={t('req.admit')}>ⅲ</th><th>{t('csv.allMet')}</th></tr>
        </thead>
        <tbody>
          <For each={rows()}>
            {(r) => (
              <tr>
                <th scope="row">{typeName(r.type)}</th><td>{r.facilities}</td><td>{r.known}</td><td>{r.metI}</td><td>{r.metII}</td><td>{r.metIII ?? '—'}</td><td>{r.allMet}</td>
              </tr>
            )}
          </For>
        </tbody>
      </table>
      <p class="hint">{t('surveyNote')}</p>
      <button type="button" class="secondary" onClick={exportCsv} data-testid="export-survey-csv">{t('exportCsv')}</button>
    </section>
  );
}
