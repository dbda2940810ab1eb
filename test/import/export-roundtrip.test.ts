import { describe, expect, it } from 'vitest';
import { DESIGNATED_CITIES } from '../../server/domain/designated-cities';
import { municipalityCodeFrom5, withCareOfficeCheckDigit, withMedicalCheckDigit } from '../../server/domain/identifiers';
import { parseSource } from '../../server/import/source-files';
import { FACILITY_TEMPLATE_COLUMNS, PARTNERSHIP_TEMPLATE_COLUMNS } from '../../server/import/templates';
import { toCsv, type Column } from '../../web/src/lib/export';

/**
 * A CSV written by our exports (codes as ="…" so Excel keeps their zeros) is read back by the
 * import as the codes themselves: the templates take our own files.
 */
const CODES = new Set(['事業所番号', 'サービスコード', '市区町村コード', '医療機関コード', '電話番号']);
const columns = (names: readonly string[]): Column[] => names.map((title) => ({ title, kind: CODES.has(title) ? 'code' : 'text' }));
const bytes = (csv: string) => new TextEncoder().encode(csv);
const CTX = { designatedCities: DESIGNATED_CITIES };

// 北海道: every code starts with 0.
const office = withCareOfficeCheckDigit('017000001');
const institution = withMedicalCheckDigit('011000001');
const municipality = municipalityCodeFrom5('01100');

describe('our exported CSV read back by the import', () => {
  it('reads a facility template written with code columns: 事業所番号, 市区町村コード and 電話番号 keep their zeros', async () => {
    const csv = toCsv(columns(FACILITY_TEMPLATE_COLUMNS), [[office, '510', '特養しらかば', 'トクヨウシラカバ', municipality, '北海道札幌市中央区北1条西2丁目', 43.06, 141.35, '011-222-3333', '社会福祉法人しらかば', 80]]);
    expect(csv).toContain(`"=""${office}"""`);
    const [file] = await parseSource('facilities-export.csv', bytes(csv), CTX);
    expect(file).toMatchObject({ kind: 'facility_template', problems: [] });
    if (file?.kind !== 'facility_template') throw new Error('not read as a facility template');
    expect(file.records).toMatchObject([{ careOfficeNumber: office, serviceCode: '510', municipalityCode: municipality, phone: '011-222-3333', name: '特養しらかば', capacity: 80 }]);
    expect(file.records[0]!.careOfficeNumber).toMatch(/^0/);
  });
  it('reads a partnership template written with code columns: 医療機関コード keeps its zero', async () => {
    const csv = toCsv(columns(PARTNERSHIP_TEMPLATE_COLUMNS), [[office, '510', institution, '○', '○', '○', '2026-04-01', '', '', '', '']]);
    const [file] = await parseSource('partners-export.csv', bytes(csv), CTX);
    expect(file).toMatchObject({ kind: 'partnership_template', problems: [] });
    if (file?.kind !== 'partnership_template') throw new Error('not read as a partnership template');
    expect(file.records).toMatchObject([{ careOfficeNumber: office, serviceCode: '510', institutionCode: institution, covers: ['consult', 'examine', 'admit'], agreedOn: '2026-04-01' }]);
  });
  it('takes a ="…" cell only whole: a cell merely holding quotes is read as written', async () => {
    const csv = `\uFEFF${PARTNERSHIP_TEMPLATE_COLUMNS.join(',')}\r\n"=""${office}""",510,"=""0110""00001""",○,,,,,,,\r\n`;
    const [file] = await parseSource('odd.csv', bytes(csv), CTX);
    expect(file?.problems.map((p) => p.column)).toEqual(['医療機関コード']);
  });
});
