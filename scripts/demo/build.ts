import { addUnitWings, makeFacilities } from './facilities';
import { makeBoundaries, MUNICIPALITIES } from './geography';
import { makeInstitutions } from './institutions';
import { makePartnerships } from './partnerships';
import { createRng } from './random';
import { boundariesJson, kaigoFiles, manifestJson, meiboFile, naviiFiles, templateFiles, type DemoFiles } from './write-files';

export const DEMO_SEED = 20270401;

const README = `# デモ県（架空） — the built-in demo region

Everything in this folder is **fictional** (架空): made by \`npm run demo\` (scripts/make-demo.ts) from the
seed ${DEMO_SEED}. No row describes a real facility or institution; the prefecture code 99, the 0000-
postal codes and 000- phone numbers do not exist. The island lies in open sea south of the Kii peninsula.

The files are in the official formats so the demo is loaded through the same import path as real data
(\`npm run import -- data/demo\`, or automatically by \`npm start\` on an empty database):

| file | format |
|---|---|
| dataset.json | dataset manifest: label, as-of date, attribution, the fictional 政令市 デモ市 |
| boundaries/n03_demo.geojson | 国土数値情報 N03 行政区域 (10 polygons: デモ市's 3 wards, 2 cities, 4 towns/village, 1 island) |
| kaigo/jigyosho_<code>.csv | 介護サービス情報公表 open data, 24 columns, UTF-8 BOM, CRLF (551 is a service outside the rule: skipped) |
| kouseikyoku/todokede_ika_99.csv | 厚生局 届出受理医療機関名簿, standard layout with title row, 医科/歯科/薬局 mixed |
| navii/*.csv | 医療情報ネット (ナビイ) 施設票 subset columns: coordinates and beds |
| templates/facilities_yogo_keihi.csv | the facility template (養護・軽費 homes absent from the open data) |
| templates/partnerships.csv | the partnership template (known partners, "reported: no partner") |

Do not edit by hand: change the generator and run \`npm run demo\`; a test checks these files equal its output.
`;

/** The whole demo region as files (relative path → text). Deterministic for a given seed. */
export function buildDemoFiles(seed = DEMO_SEED): DemoFiles {
  const rng = createRng(seed);
  const polys = makeBoundaries(rng);
  const institutions = makeInstitutions(rng, MUNICIPALITIES, polys);
  const facilities = makeFacilities(rng, MUNICIPALITIES, polys);
  addUnitWings(rng, facilities);
  const partnerships = makePartnerships(rng, facilities, institutions);

  const files: DemoFiles = new Map();
  files.set('README.md', README);
  files.set('dataset.json', manifestJson());
  files.set('boundaries/n03_demo.geojson', boundariesJson(MUNICIPALITIES, polys));
  kaigoFiles(rng, facilities, files);
  files.set('kouseikyoku/todokede_ika_99.csv', meiboFile(rng, institutions));
  naviiFiles(institutions, files);
  templateFiles(facilities, partnerships, files);
  return files;
}
