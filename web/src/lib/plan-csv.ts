import { STATUS_JA } from '../../../server/domain/coverage';
import { facilityTypeOf, serviceCodeInfo } from '../../../server/domain/facility-types';
import { requirementSymbols } from '../../../server/domain/requirements';
import type { PlanResponse } from '../api';
import type { MessageKey } from '../i18n/ja';
import type { Cell, Column } from './export';

type Label = (key: MessageKey) => string;

/** The service as published (介護老人福祉施設 …), else the type's name. */
const serviceName = (serviceCode: string) => serviceCodeInfo(serviceCode)?.openDataName ?? facilityTypeOf(serviceCode).nameJa;

/**
 * The regional plan as a table a municipality can file and merge on codes: one row per proposed
 * partnership, then one per facility that cannot be covered (its reason in 計画). 事業所番号,
 * サービスコード, 市区町村コード and 医療機関コード are code columns (text in Excel, leading zeros kept);
 * the status is its Japanese name in either language, as in the other exports.
 */
export function planCsv(p: Pick<PlanResponse, 'assignments' | 'uncoverable'>, label: Label): { columns: Column[]; rows: Cell[][] } {
  const columns: Column[] = [
    { title: label('careOfficeNumber'), kind: 'code' },
    { title: label('serviceCode'), kind: 'code' },
    { title: label('csv.type') },
    { title: label('csv.name') },
    { title: label('csv.municipalityCode'), kind: 'code' },
    { title: label('municipalities') },
    { title: label('csv.status') },
    { title: label('csv.plan') },
    { title: label('csv.institutionCode'), kind: 'code' },
    { title: label('csv.partner') },
    { title: label('csv.gives') },
    { title: label('csv.minutes'), kind: 'number' },
  ];
  const facility = (f: { facilityId: string; name: string; status: keyof typeof STATUS_JA; municipalityCode: string | null; municipalityName: string | null }) => {
    const [no = '', sc = ''] = f.facilityId.split('-');
    return [no, sc, serviceName(sc), f.name, f.municipalityCode ?? '', f.municipalityName ?? '', STATUS_JA[f.status]];
  };
  const rows: Cell[][] = [
    ...p.assignments.flatMap((a) => a.partners.map((m) => [...facility(a), label('csv.planAssigned'), m.code, m.name, requirementSymbols(m.gives), m.minutes])),
    ...p.uncoverable.map((u) => [...facility(u), label(`uncoverable.${u.reason}`), '', '', requirementSymbols(u.searched), '']),
  ];
  return { columns, rows };
}
