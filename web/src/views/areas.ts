import type { Area } from '../api';

/**
 * Areas as the 自治体 view offers them: prefectures, their municipalities, and each 政令市 as a whole
 * and ward by ward. Codes: a municipality's 6-digit code, or `pref:NN`.
 */
export type Box = [number, number, number, number];

const union = (boxes: (Box | null)[]): Box | null => {
  const bs = boxes.filter((b): b is Box => b !== null);
  if (bs.length === 0) return null;
  return [Math.min(...bs.map((b) => b[0])), Math.min(...bs.map((b) => b[1])), Math.max(...bs.map((b) => b[2])), Math.max(...bs.map((b) => b[3]))];
};

/** Everything loaded (wards are inside their cities: cities and wards alike count once). */
export const regionBox = (areas: readonly Area[]): Box | null => union(areas.filter((a) => a.kind !== 'designated_city').map((a) => a.bbox));

export function areaBox(areas: readonly Area[], code: string): Box | null {
  if (code.startsWith('pref:')) return regionBox(areas.filter((a) => a.prefCode === code.slice(5)));
  return areas.find((a) => a.code === code)?.bbox ?? null;
}

export interface AreaOption {
  code: string;
  label: string;
  /** 1 for a municipality under its prefecture, 2 for a ward under its city. */
  depth: number;
}

/** The picker's options: each prefecture, then its municipalities by code, wards under their city. */
export function areaOptions(areas: readonly Area[], wholeLabel: (name: string) => string): AreaOption[] {
  const prefs = [...new Map(areas.map((a) => [a.prefCode, a.prefName])).entries()].sort(([a], [b]) => a.localeCompare(b));
  const out: AreaOption[] = [];
  for (const [pref, name] of prefs) {
    out.push({ code: `pref:${pref}`, label: wholeLabel(name), depth: 0 });
    const inPref = areas.filter((a) => a.prefCode === pref).sort((a, b) => a.code.localeCompare(b.code));
    for (const a of inPref.filter((x) => x.kind !== 'ward')) {
      out.push({ code: a.code, label: a.kind === 'designated_city' ? wholeLabel(a.name) : a.name, depth: 1 });
      for (const w of inPref.filter((x) => x.parentCode === a.code)) out.push({ code: w.code, label: w.name, depth: 2 });
    }
  }
  return out;
}

export const areaName = (areas: readonly Area[], code: string | null): string | null => {
  if (code === null) return null;
  if (code.startsWith('pref:')) return areas.find((a) => a.prefCode === code.slice(5))?.prefName ?? code;
  return areas.find((a) => a.code === code)?.name ?? code;
};
