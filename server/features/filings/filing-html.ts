import { facilityTypeOf, isKnownServiceCode } from '../../domain/facility-types';
import {
  FILING_LAYOUTS, filingAsksAdmit, formatFilingValue, headerValues,
  type FilingData, type FilingField, type FilingLayout, type FilingPartner, type FilingValue, type HeaderKey, type PartnerKey,
} from '../../domain/filing-form';

/**
 * The 届出書 as a printable HTML page (A4 portrait), with the same sections and labels as the .xlsx
 * (FILING_LAYOUTS). One block per partner, none printed empty; the unmet-plan section only when
 * `unmet` is non-null. Every text is escaped.
 */
const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => ESCAPES[c] as string);
/** Escaped text with line breaks kept (the plan may run over several lines). */
const html = (s: string) => escapeHtml(s).replace(/\n/g, '<br>');

const CSS = `
@page { size: A4 portrait; margin: 15mm; }
* { box-sizing: border-box; }
body { font-family: "Yu Mincho", "YuMincho", "Hiragino Mincho ProN", "Noto Serif JP", serif; font-size: 10.5pt; line-height: 1.5; color: #000; max-width: 180mm; margin: 10mm auto; }
.form-mark { margin: 0; }
h1 { font-size: 15pt; text-align: center; margin: 4mm 0 6mm; letter-spacing: 0.2em; }
h2 { font-size: 11pt; margin: 6mm 0 2mm; }
.top { width: 60%; margin-left: auto; }
.addressee { font-size: 11pt; }
table { width: 100%; border-collapse: collapse; margin-bottom: 3mm; }
th, td { border: 0.6pt solid #000; padding: 1.2mm 2mm; vertical-align: middle; text-align: left; }
th { background: #f2f2f2; font-weight: normal; width: 30%; }
td.mark, th.mark { text-align: center; width: auto; }
table.partner, table.section { break-inside: avoid; page-break-inside: avoid; }
caption { text-align: left; font-weight: bold; padding: 1mm 0; }
ol.legend { list-style: none; padding: 0; margin: 0 0 2mm; font-size: 9.5pt; }
.note { font-size: 9.5pt; }
@media print { body { max-width: none; margin: 0; } }
`;

interface View {
  layout: FilingLayout;
  asksAdmit: boolean;
}

const textOf = (v: View, id: string) => v.layout.texts.find((t) => t.id === id)?.text ?? '';
const shown = <K extends string>(v: View, fields: FilingField<K>[]) => fields.filter((f) => v.asksAdmit || !f.admitOnly);
const field = <K extends string>(fields: FilingField<K>[], key: K) => fields.find((f) => f.key === key) as FilingField<K>;

/** `<tr><th>label</th><td>value</td></tr>` for each key. */
function rows<K extends string>(fields: FilingField<K>[], keys: K[], values: Record<K, FilingValue>, span = 1): string {
  const colspan = span > 1 ? ` colspan="${span}"` : '';
  return keys.map((k) => {
    const f = field(fields, k);
    return `<tr><th>${escapeHtml(f.label)}</th><td${colspan}>${html(formatFilingValue(f.kind, values[k]))}</td></tr>`;
  }).join('');
}

/** A row of ①②③ boxes: labels above, ○ below. */
function marks<K extends string>(caption: string, fields: FilingField<K>[], values: Record<K, FilingValue>): string {
  const heads = fields.map((f) => `<th class="mark">${escapeHtml(f.label)}</th>`).join('');
  const cells = fields.map((f) => `<td class="mark">${escapeHtml(formatFilingValue(f.kind, values[f.key]))}</td>`).join('');
  return `<tr><th rowspan="2">${escapeHtml(caption)}</th>${heads}</tr><tr>${cells}</tr>`;
}

function partnerBlock(v: View, p: FilingPartner, n: number): string {
  const b = v.layout.partners;
  const all = shown(v, b.fields);
  const values = p as unknown as Record<PartnerKey, FilingValue>;
  const flags = all.filter((f) => f.kind === 'flag');
  const other = (keys: PartnerKey[]) => rows(all, keys, values, flags.length);
  return `<table class="partner"><caption>${escapeHtml(b.title.text.replace('{n}', String(n)))}</caption><tbody>
${other(['name', 'institutionCode', 'address', 'phone'])}
${marks(b.texts.find((t) => t.id === 'partnerRequirements')?.text ?? '', flags, values)}
${other(['confirmedOn', 'agreedOn'])}
</tbody></table>`;
}

function legend(v: View): string {
  const ids = ['legend.consult', 'legend.examine', ...(v.asksAdmit ? ['legend.admit'] : [])];
  return `<ol class="legend">${ids.map((id) => `<li>${escapeHtml(textOf(v, id))}</li>`).join('')}</ol>`;
}

function unmetSection(v: View, values: Record<HeaderKey, FilingValue>): string {
  const fields = shown(v, v.layout.fields);
  const flags = fields.filter((f) => f.key.startsWith('unmet.') && f.kind === 'flag');
  return `<h2>${escapeHtml(textOf(v, 'unmetHeading'))}</h2>
<table class="section"><tbody>
${marks(textOf(v, 'unmetRequirements'), flags, values)}
${rows(fields, ['unmet.plan', 'unmet.targetDate'], values, flags.length)}
</tbody></table>
<p class="note">${escapeHtml(textOf(v, 'targetNote'))}</p>`;
}

export function filingHtml(data: FilingData): string {
  const layout = FILING_LAYOUTS[data.form];
  const code = data.facility.serviceCode;
  const v: View = { layout, asksAdmit: isKnownServiceCode(code) && filingAsksAdmit(facilityTypeOf(code)) };
  const values = headerValues(data);
  const f = layout.fields;
  const partners = data.partners.length > 0
    ? data.partners.map((p, i) => partnerBlock(v, p, i + 1)).join('\n')
    : '<p>（協力医療機関の記載なし）</p>';
  return `<!doctype html>
<html lang="ja">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(`${layout.title}（${data.form}）${data.facility.name}`)}</title>
<style>${CSS}</style>
</head>
<body>
<p class="form-mark">${escapeHtml(textOf(v, 'formMark'))}</p>
<h1>${escapeHtml(layout.title)}</h1>
<table class="top"><tbody>${rows(f, ['fiscalYear', 'submittedOn'], values)}</tbody></table>
<p class="addressee">${escapeHtml(field(f, 'addressee').label)}：${escapeHtml(data.addressee)}　${escapeHtml(textOf(v, 'addresseeSuffix'))}</p>
<p>${escapeHtml(textOf(v, 'applicant'))}</p>
<table class="top"><tbody>${rows(f, ['operatorName', 'representative'], values)}</tbody></table>
<p>${escapeHtml(textOf(v, 'statement'))}</p>
<h2>${escapeHtml(textOf(v, 'facilityHeading'))}</h2>
<table class="section"><tbody>${rows(f, ['facility.name', 'facility.careOfficeNumber', 'facility.serviceCode', 'facility.serviceTypeJa', 'facility.address', 'facility.phone'], values)}</tbody></table>
<h2>${escapeHtml(textOf(v, 'partnersHeading'))}</h2>
${legend(v)}
${partners}
${data.unmet ? unmetSection(v, values) : ''}
<h2>${escapeHtml(textOf(v, 'infectionHeading'))}</h2>
<table class="section"><tbody>${rows(f, ['infection.agreed', 'infection.withWhom'], values)}</tbody></table>
</body>
</html>
`;
}
