import { withMedicalCheckDigit } from '../../server/domain/identifiers';
import { placeIn, type MunicipalitySpec, type Poly } from './geography';
import { clinicName, hospitalName, operatorName, phone } from './names';
import { allocate, type Rng } from './random';

/** A fictional hospital or clinic, with what the 名簿 and ナビイ files will say about it. */
export interface DemoInstitution {
  code: string;
  /** 7-digit 医療機関番号 as the 厚生局 lists print it (GG NNNN C). */
  number7: string;
  kind: 'hospital' | 'clinic';
  name: string;
  /** The 名簿 sometimes prefixes the 法人 name; ナビイ keeps the plain name. */
  listName: string;
  municipality: MunicipalitySpec;
  /** Address without the prefecture, as the 名簿 prints it. */
  address: string;
  postalCode: string;
  phone: string;
  position: [number, number];
  beds: { general: number; longTerm: number };
  symbols: string[];
  /** 種別 left blank in the list (as in some bureaus' files). */
  shubetsuBlank: boolean;
  /** 病床数 left blank too: the kind then comes from ナビイ, or stays unknown. */
  bedsBlank: boolean;
  inNavii: boolean;
}

/** Other notifications every list is full of; they do not make an institution a natural partner. */
const OTHER_SYMBOLS = ['医療ＤＸ', '外来感染', '地包加', '食', '診療録３', '明細', '酸単', '外後発使', 'がん指', 'ニコ'];

export function address(rng: Rng, spec: MunicipalitySpec): string {
  // Wards read 「デモ市中央区…」, towns 「中郡川原町…」, cities just their name.
  return `${spec.group ?? ''}${spec.name}${rng.pick(spec.towns)}${rng.int(1, 5)}丁目${rng.int(1, 30)}番${rng.int(1, 20)}号`;
}

function hospitalSymbols(rng: Rng): string[] {
  const s: string[] = [];
  if (rng.chance(0.22)) s.push(`支援病${rng.pick(['１', '２', '３', '３'])}`);
  if (rng.chance(0.14)) s.push('在後病');
  if (rng.chance(0.42)) s.push(`地包ケア${rng.pick(['１', '１', '２', '３', '４'])}`);
  else if (rng.chance(0.06)) s.push('地包医');
  return s;
}

function clinicSymbols(rng: Rng): string[] {
  return rng.chance(0.26) ? [`支援診${rng.pick(['１', '２', '２', '３', '３', '３'])}`] : [];
}

export function makeInstitutions(rng: Rng, specs: readonly MunicipalitySpec[], polys: Map<string, Poly>): DemoInstitution[] {
  const usedNames = new Set<string>();
  const out: DemoInstitution[] = [];
  let seq = 0;
  const add = (kind: 'hospital' | 'clinic', spec: MunicipalitySpec) => {
    seq++;
    const gg = String(1 + Math.floor(seq / 90)).padStart(2, '0');
    const code = withMedicalCheckDigit(`991${gg}${String(1000 + seq).padStart(4, '0')}`);
    const name = kind === 'hospital' ? hospitalName(rng, rng.pick(spec.towns), usedNames) : clinicName(rng, usedNames);
    const general = kind === 'hospital' ? rng.int(3, 40) * 10 : rng.chance(0.2) ? rng.int(1, 19) : 0;
    const longTerm = kind === 'hospital' && rng.chance(0.35) ? rng.int(2, 12) * 10 : 0;
    const symbols = kind === 'hospital' ? hospitalSymbols(rng) : clinicSymbols(rng);
    const others = Array.from({ length: rng.int(1, 4) }, () => rng.pick(OTHER_SYMBOLS));
    out.push({
      code,
      number7: code.slice(3),
      kind,
      name,
      listName: kind === 'hospital' && rng.chance(0.4) ? `${operatorName(rng, 'medical')}　${name}` : name,
      municipality: spec,
      address: address(rng, spec),
      postalCode: `000-${String(rng.int(0, 9999)).padStart(4, '0')}`,
      phone: phone(rng),
      position: placeIn(rng, spec, polys.get(spec.code5) as Poly, kind === 'hospital' ? 0.8 : 1),
      beds: { general, longTerm },
      symbols: [...new Set([...symbols, ...others])],
      shubetsuBlank: rng.chance(0.15),
      bedsBlank: false,
      inNavii: true,
    });
  };
  // Hospitals avoid the village and the island: their ③ gap is the point of the demo.
  const hospitalPlaces = specs.filter((s) => s.name !== '山里村' && !s.island);
  for (const spec of allocate(rng, hospitalPlaces, 40)) add('hospital', spec);
  for (const spec of allocate(rng, specs, 262)) add('clinic', spec);
  // Make sure every notification of domain.md §5 appears at least once, however the dice fell.
  const hospitals = out.filter((i) => i.kind === 'hospital');
  for (const [prefix, symbol] of [['支援病', '支援病１'], ['在後病', '在後病'], ['地包ケア', '地包ケア１'], ['地包医', '地包医']] as const) {
    if (!hospitals.some((h) => h.symbols.some((s) => s.startsWith(prefix)))) rng.pick(hospitals).symbols.unshift(symbol);
  }
  // Clinics whose list row has neither 種別 nor 病床数: ナビイ tells the kind for most; three are in
  // no ナビイ file either, so they stay `unknown` and unplaced (never offered for ③).
  const blankClinics = out.filter((i) => i.kind === 'clinic' && i.beds.general === 0).slice(0, 8);
  blankClinics.forEach((c, i) => {
    c.shubetsuBlank = true;
    c.bedsBlank = true;
    c.inNavii = i >= 3;
  });
  return out;
}
