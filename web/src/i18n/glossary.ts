import type { Lang } from './lang-choice';
import type { GlossaryId } from './glossary-ids';

/**
 * The help page's glossary, in both languages, written from the domain notes (docs: domain.md §1–§5).
 * Only the rules stated there; the figures are the ones the tool itself uses (server/domain).
 */
export interface GlossaryEntry {
  id: GlossaryId;
  term: Record<Lang, string>;
  body: Record<Lang, string>;
}

export const GLOSSARY: readonly GlossaryEntry[] = [
  {
    id: 'requirements',
    term: { ja: '①②③（協力医療機関の要件）', en: '①②③ (what partners must provide)' },
    body: {
      ja: '① 入所者の病状が急変した場合などに、医師または看護職員が相談対応を常時行う体制（夜間・休日も）。② 施設から求めがあった場合に、診療を常時行う体制（外来での診療でもよい）。③ 入院が必要と認められた入所者の入院を原則として受け入れる体制（病床の確保までは求められない）。①② は病院・診療所のどちらでも担えますが、③ は病院だけが担えます（有床診療所でも不可）。複数の医療機関で合わせて満たすことができ、施設の充足はその協力医療機関の要件の和集合です。',
      en: '① A doctor or nurse answers consultations at all times (nights and holidays too) when a resident’s condition changes. ② The institution examines residents whenever the facility asks (outpatient care counts). ③ A resident judged to need admission is, in principle, admitted (no reserved beds needed). Any hospital or clinic can give ① and ②; only a hospital (病院) can give ③ — a clinic cannot, even with beds. Several institutions may meet the requirements together: a facility’s coverage is the union of what its partners give.',
    },
  },
  {
    id: 'duty',
    term: { ja: '義務 / 努力義務', en: '義務 (mandatory) / 努力義務 (best effort)' },
    body: {
      ja: '義務：特養（介護老人福祉施設）・地域密着型特養・老健（介護老人保健施設）・介護医療院・養護老人ホームは ①②③ を満たす協力医療機関を定めなければなりません。2027-03-31 までは経過措置（努力義務）で、2027-04-01 から義務になります。努力義務：特定施設・地域密着型特定施設・グループホーム（認知症対応型共同生活介護）・軽費老人ホームは ①② を満たす協力医療機関を定めるよう努めます。どの種別も年1回以上、協力医療機関と急変時の対応を確認し、指定権者に届け出ます。',
      en: 'Mandatory (義務): 特養 (special nursing homes, incl. the community type), 老健 (geriatric health services facilities), 介護医療院 (integrated care hospitals) and 養護老人ホーム must name partners covering ①②③ — best effort until 2027-03-31, binding from 2027-04-01. Best effort (努力義務): 特定施設 (specified facilities, incl. the community type), group homes for dementia and 軽費老人ホーム must try to secure ①②. Every type confirms the response to acute deterioration with its partners at least once a year and files them with its designating authority (指定権者).',
    },
  },
  {
    id: 'kasan',
    term: { ja: '協力医療機関連携加算', en: '協力医療機関連携加算 (facility add-on for partner cooperation)' },
    body: {
      ja: '介護報酬の施設側の加算（月ごと）。特養・地域密着型特養・老健・介護医療院：(1) 協力医療機関が ①②③ を満たす場合 2025年度から 50単位（2024年度は 100単位）、(2) それ以外 5単位。特定施設・グループホーム：(1) ①② を満たす場合 100単位、(2) それ以外 40単位。入所者の病歴等の情報を共有する会議を定期的に（おおむね月1回、電子的に常時確認できる場合は年3回以上）開くことが条件です。届出を先に求める自治体が多くあります。',
      en: 'A monthly add-on to the facility’s long-term-care fee. 特養, community 特養, 老健 and 介護医療院: (1) a partner meets ①②③ — 50 units from FY2025 (100 in FY2024); (2) otherwise 5 units. 特定施設 and group homes: (1) a partner meets ①② — 100 units; (2) otherwise 40 units. The condition is regular meetings sharing residents’ medical information — about monthly, or at least 3 a year if the partner can see that information electronically at any time. Many municipalities require the filing before it is claimed.',
    },
  },
  {
    id: 'a253',
    term: { ja: 'A253 協力対象施設入所者入院加算', en: 'A253 (hospital add-on for admitting a partner facility’s resident)' },
    body: {
      ja: '診療報酬の病院側の加算。協力医療機関となっている老健・介護医療院・特養（地域密着型を含む）の入所者を入院させたときに算定します（往診ありで 600点、なしで 200点）。グループホーム・特定施設・養護・軽費は対象外です。入院の加算なので、その施設の ③（入院）を担う病院のものです（このツールでは診療所は算定しません）。病院は在宅療養支援病院・在宅療養後方支援病院・地域包括ケア病棟のいずれかを持ち、病床を確保している必要があり、特別の関係にある施設では算定できません。',
      en: 'A fee add-on for the hospital: on admitting a resident of a partner 老健, 介護医療院 or 特養 (including the community type) — 600 points with a house call, 200 without. Not for group homes, 特定施設, 養護 or 軽費. Being an admission add-on, it belongs to the partner that gives ③ (admission) for that facility, so in this tool a clinic never earns it. The hospital must hold a basis — 在宅療養支援病院, 在宅療養後方支援病院 or a 地域包括ケア病棟 — keep beds available, and cannot claim it under a 特別の関係 (same founder, representative or relatives).',
    },
  },
  {
    id: 'authority',
    term: { ja: '指定権者', en: '指定権者 (designating authority)' },
    body: {
      ja: '施設を指定し、協力医療機関の届出（毎年）を受ける自治体。地域密着型の種別（地域密着型特養・地域密着型特定施設・グループホーム）は市町村、それ以外は都道府県です。ただし指定都市（政令市）・中核市にある施設は、その市が指定権者になります。',
      en: 'The authority that designates a facility and receives its yearly filing of partners: the municipality for the community-based types (community 特養, community 特定施設, group homes), otherwise the prefecture — or the city itself when it is a 指定都市 (designated city) or 中核市 (core city).',
    },
  },
  {
    id: 'unknown',
    term: { ja: '未把握', en: '未把握 (unknown)' },
    body: {
      ja: '協力医療機関がまだ記録されていない状態です。介護サービス情報公表のオープンデータは協力医療機関を載せていないため、施設や自治体が記録する（ツールでの協定、受理した届出書、取り込んだ届出テンプレート）までは「未把握」です。未把握は「不足」ではありません：不足として数えず、色分けせず、一覧や出力にも不足として出しません。充足率は協力医療機関が分かっている施設の中の割合で、未把握の割合をその横に示します。',
      en: 'No partner information recorded yet. The 介護 open data names no partners, so until a facility or its authority records them (an agreement in this tool, a received filing, an imported filing template) the status is unknown — not “none”. Unknown is not lacking: it is never counted, coloured, listed or exported as lacking ①②③. Shares of coverage are shares of the facilities whose partners are known, with the unknown share shown beside them.',
    },
  },
  {
    id: 'zaishin',
    term: { ja: '在支診（在宅療養支援診療所）', en: '在支診 (home-care support clinic)' },
    body: {
      ja: '厚生局の届出受理医療機関名簿の「支援診１/２/３」（機能強化型の単独・連携、従来型）。①② を担う自然な候補です。診療所なので ③ は担えません。在支診・在支病・後方支援病院・地域包括ケア病棟は、施設から協力医療機関になるよう求められたら応じることが望ましいとされています。',
      en: 'Notified as 支援診１/２/３ in the regional bureau’s list of accepted notifications (enhanced single, enhanced joint, conventional). A natural candidate for ①②; being a clinic it cannot give ③. 在支診, 在支病, 後方支援病院 and 地域包括ケア病棟 are told they should preferably accept a facility’s request to become its partner.',
    },
  },
  {
    id: 'zaishibyo',
    term: { ja: '在支病（在宅療養支援病院）', en: '在支病 (home-care support hospital)' },
    body: {
      ja: '名簿の「支援病１/２/３」。①②③ を担う自然な候補で、A253 の算定の根拠の一つです。',
      en: 'Notified as 支援病１/２/３ in the list. A natural candidate for ①②③, and one of the bases a hospital needs to earn A253.',
    },
  },
  {
    id: 'kouhou',
    term: { ja: '後方支援病院（在宅療養後方支援病院）', en: '後方支援病院 (home-care backup hospital)' },
    body: {
      ja: '名簿の「在後病」。③（と ①②）を担う自然な候補で、A253 の算定の根拠の一つです。',
      en: 'Notified as 在後病 in the list. A natural candidate for ③ (and ①②), and one of the bases a hospital needs to earn A253.',
    },
  },
  {
    id: 'chiiki-care',
    term: { ja: '地域包括ケア病棟', en: '地域包括ケア病棟 (community-based care ward)' },
    body: {
      ja: '名簿の「地包ケア１–４」（地域包括ケア病棟入院料または入院医療管理料）。この病棟を持つ病院は ③ を担う自然な候補で、A253 の算定の根拠の一つです。',
      en: 'Notified as 地包ケア１–４ in the list (the ward’s admission fee or management fee). A hospital with such a ward is a natural candidate for ③, and the ward is one of the bases for A253.',
    },
  },
];
