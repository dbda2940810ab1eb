import { sql } from 'drizzle-orm';
import { foreignKey, index, integer, primaryKey, real, sqliteTable, text, uniqueIndex, type AnySQLiteColumn } from 'drizzle-orm/sqlite-core';

/**
 * The database. Coordinates are WGS84 degrees; dates are ISO `YYYY-MM-DD` text.
 * Every editable row carries `version`, bumped on each change (optimistic concurrency).
 */

/** SQL for the current instant as ISO text with milliseconds (UTC), as every `updatedAt` holds it. */
/**
 * SQLite's clock, as a column default only: every write of the app sets its timestamps from the one
 * clock it is given (c.var.now, the import's `now`: features/shared/command.ts); this fills rows a
 * migration or a hand-made write adds.
 */
export const sqlNow = () => sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`;

/** The columns every editable row carries besides its own: `version` (bumped on each change) and `updatedAt`. */
const editable = () => ({
  version: integer('version').notNull().default(1),
  updatedAt: text('updated_at').notNull().default(sqlNow()),
});

/** Municipalities by 6-digit 全国地方公共団体コード. 政令市 wards are rows of their own whose
 * `parentCode` is the city; the city row (kind designated_city) holds the union of its wards. */
export const municipalities = sqliteTable(
  'municipalities',
  {
    code: text('code').primaryKey(),
    name: text('name').notNull(),
    prefCode: text('pref_code').notNull(),
    prefName: text('pref_name').notNull(),
    kind: text('kind', { enum: ['municipality', 'designated_city', 'ward'] }).notNull(),
    parentCode: text('parent_code'),
    /** GeoJSON geometry (Polygon or MultiPolygon) as text; null when no boundary was imported. */
    boundary: text('boundary'),
    version: integer('version').notNull().default(1),
  },
  (t) => [index('municipalities_pref').on(t.prefCode), index('municipalities_parent').on(t.parentCode)],
);

/** Care facilities keyed by 事業所番号 + service code (one number can serve two services). */
export const facilities = sqliteTable(
  'facilities',
  {
    careOfficeNumber: text('care_office_number').notNull(),
    serviceCode: text('service_code').notNull(),
    name: text('name').notNull(),
    kana: text('kana'),
    address: text('address'),
    municipalityCode: text('municipality_code').references(() => municipalities.code),
    /** The file's own coordinates (null when blank or 0.0). */
    sourceLat: real('source_lat'),
    sourceLng: real('source_lng'),
    /** The position used: the file's coordinates when they pass the checks, else geocoded from the address. */
    lat: real('lat'),
    lng: real('lng'),
    /** How the position was found: source (the file's own coordinates), town, municipality, or none. */
    geocodePrecision: text('geocode_precision', { enum: ['source', 'town', 'municipality', 'none'] }).notNull().default('none'),
    /**
     * Why the file's own coordinates are in doubt: outside Japan, or more than 1 km outside the
     * facility's own municipality polygon (reconcile.ts). A flagged facility may still stand at them.
     */
    positionFlag: text('position_flag', { enum: ['outside_japan', 'outside_municipality'] }),
    /** For `outside_municipality`: how far (km) the file's coordinates lie from the own polygon. */
    positionOffsetKm: real('position_offset_km'),
    /** The landmass its position stands on (engine/landmass.ts); null when unknown. */
    landmass: text('landmass'),
    /** 定員; null when unknown (blank or 0 in the open data). */
    capacity: integer('capacity'),
    operatorName: text('operator_name'),
    operatorNumber: text('operator_number'),
    phone: text('phone'),
    /** Requirements the facility says it is seeking partners for — JSON array; null = not said. */
    seeking: text('seeking'),
    /** When the facility's partner situation was last reported (e.g. a filing); null = never. */
    partnersReportedOn: text('partners_reported_on'),
    source: text('source', { enum: ['kaigo_open_data', 'facility_template'] }).notNull(),
    /** Set when a newer file of the same kind, prefecture and service no longer lists it; never deleted. */
    withdrawnOn: text('withdrawn_on'),
    ...editable(),
  },
  (t) => [
    primaryKey({ columns: [t.careOfficeNumber, t.serviceCode] }),
    index('facilities_municipality').on(t.municipalityCode),
    index('facilities_lat_lng').on(t.lat, t.lng),
  ],
);

/** Hospitals and clinics (医科) by 10-digit 医療機関コード. */
export const institutions = sqliteTable(
  'institutions',
  {
    code: text('code').primaryKey(),
    kind: text('kind', { enum: ['hospital', 'clinic', 'unknown'] }).notNull(),
    name: text('name').notNull(),
    postalCode: text('postal_code'),
    address: text('address'),
    phone: text('phone'),
    municipalityCode: text('municipality_code').references(() => municipalities.code),
    lat: real('lat'),
    lng: real('lng'),
    /** How the coordinates were found: source (ナビイ), town, municipality, or none. */
    geocodePrecision: text('geocode_precision', { enum: ['source', 'town', 'municipality', 'none'] }).notNull(),
    /** The landmass its position stands on (engine/landmass.ts); null when unknown. */
    landmass: text('landmass'),
    beds: integer('beds'),
    /** 病床数 as published, e.g. "一般 59／療養 40". */
    bedsDetail: text('beds_detail'),
    /** 医療情報ネット ID matched by name and address; null when unmatched. */
    naviiId: text('navii_id'),
    /** Declared by the institution itself — JSON array of requirements; null = not declared. */
    declaredOffers: text('declared_offers'),
    willingness: text('willingness', { enum: ['accepting', 'not_accepting'] }),
    /** Total number of partner facilities it will take; null = not declared. */
    maxPartners: integer('max_partners'),
    /** Set when a newer 名簿 of its prefecture no longer lists it; never deleted. */
    withdrawnOn: text('withdrawn_on'),
    ...editable(),
  },
  (t) => [index('institutions_lat_lng').on(t.lat, t.lng), index('institutions_municipality').on(t.municipalityCode)],
);

/** Accepted facility-standard notifications (届出受理医療機関名簿), one row per notification. */
export const institutionNotifications = sqliteTable(
  'institution_notifications',
  {
    institutionCode: text('institution_code')
      .notNull()
      .references(() => institutions.code, { onDelete: 'cascade' }),
    /** 受理記号, normalised to half-width digits (e.g. 支援診3). */
    symbol: text('symbol').notNull(),
    /** 受理番号 (e.g. 第248号). */
    acceptedNumber: text('accepted_number').notNull(),
    name: text('name'),
    /** 算定開始年月日 as ISO date. */
    startDate: text('start_date'),
  },
  (t) => [primaryKey({ columns: [t.institutionCode, t.symbol, t.acceptedNumber] })],
);

/** The columns of a row about one facility and one institution: its id and both keys. */
const facilityInstitutionPair = () => ({
  id: integer('id').primaryKey({ autoIncrement: true }),
  careOfficeNumber: text('care_office_number').notNull(),
  serviceCode: text('service_code').notNull(),
  institutionCode: text('institution_code')
    .notNull()
    .references(() => institutions.code),
});

/** Such a row's facility: 事業所番号 + service code must name one. */
const ofFacilityKey = (t: { careOfficeNumber: AnySQLiteColumn; serviceCode: AnySQLiteColumn }) =>
  foreignKey({ columns: [t.careOfficeNumber, t.serviceCode], foreignColumns: [facilities.careOfficeNumber, facilities.serviceCode] });

/** A requirement set as an agreement row's columns (coversOf reads them back). */
export const coverColumns = (rs: readonly ('consult' | 'examine' | 'admit')[]) => ({ coversConsult: rs.includes('consult'), coversExamine: rs.includes('examine'), coversAdmit: rs.includes('admit') });

/** Partnerships between a facility and an institution. Coverage comes from the active ones. */
export const agreements = sqliteTable(
  'agreements',
  {
    ...facilityInstitutionPair(),
    coversConsult: integer('covers_consult', { mode: 'boolean' }).notNull(),
    coversExamine: integer('covers_examine', { mode: 'boolean' }).notNull(),
    coversAdmit: integer('covers_admit', { mode: 'boolean' }).notNull(),
    agreedOn: text('agreed_on'),
    /** Date the acute-response arrangement was last confirmed (yearly duty). */
    confirmedOn: text('confirmed_on'),
    endedOn: text('ended_on'),
    /** Why a party ended it (required when a party ends it; null while active or for older rows). */
    endReason: text('end_reason'),
    status: text('status', { enum: ['active', 'ended'] }).notNull().default('active'),
    /** 特別の関係 (same founder etc.): still a valid partner, but no A253. */
    specialRelationship: integer('special_relationship', { mode: 'boolean' }).notNull().default(false),
    /** The institution is a 第二種協定指定医療機関 and the agreement includes emerging-infection response. */
    infectionAgreement: integer('infection_agreement', { mode: 'boolean' }).notNull().default(false),
    /** The request it came from, if any. */
    requestId: integer('request_id'),
    ...editable(),
  },
  (t) => [
    ofFacilityKey(t),
    index('agreements_facility').on(t.careOfficeNumber, t.serviceCode),
    index('agreements_institution').on(t.institutionCode),
  ],
);

/**
 * A change of an agreement one party proposes and the other accepts or declines (what it covers,
 * its date, the 特別の関係 and 第二種協定 flags, re-activation): until then the agreement stays as it
 * is. `changes` holds only the fields that differ (JSON, contracts/partnerships.ts proposalChanges).
 * At most one pending proposal per agreement (the partial unique index). The read model does not read
 * this table, so it has no data_version trigger (migration 0006): a proposal changes no coverage.
 */
export const agreementProposals = sqliteTable(
  'agreement_proposals',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    agreementId: integer('agreement_id')
      .notNull()
      .references(() => agreements.id),
    /** The side that proposed it: the other side answers. */
    proposedBy: text('proposed_by', { enum: ['facility', 'institution'] }).notNull(),
    /** The login of the account that proposed it. */
    proposer: text('proposer').notNull(),
    changes: text('changes').notNull(),
    status: text('status', { enum: ['pending', 'accepted', 'declined', 'withdrawn'] }).notNull().default('pending'),
    /** Why it was declined (optional). */
    reason: text('reason'),
    proposedOn: text('proposed_on').notNull(),
    decidedOn: text('decided_on'),
    ...editable(),
  },
  (t) => [index('proposals_agreement').on(t.agreementId, t.id), uniqueIndex('proposals_one_pending').on(t.agreementId).where(sql`status = 'pending'`)],
);

/** ナビイ 施設票 rows, kept so the name + address join can run whichever file is imported first. */
export const naviiFacilities = sqliteTable(
  'navii_facilities',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    kind: text('kind', { enum: ['hospital', 'clinic', 'unknown'] }).notNull(),
    prefCode: text('pref_code'),
    municipalityCode: text('municipality_code'),
    address: text('address').notNull(),
    lat: real('lat'),
    lng: real('lng'),
    beds: integer('beds'),
    /** The 医療機関コード it was joined to; null when no 名簿 institution matched. */
    institutionCode: text('institution_code'),
  },
  (t) => [index('navii_institution').on(t.institutionCode)],
);

/** Town-level representative points (Geolonia japanese-addresses format) for offline geocoding. */
export const townPoints = sqliteTable(
  'town_points',
  {
    prefName: text('pref_name').notNull(),
    /** Municipality as the file names it, e.g. 日野郡日南町 or 鳥取市. */
    municipalityName: text('municipality_name').notNull(),
    town: text('town').notNull(),
    koaza: text('koaza').notNull(),
    lat: real('lat').notNull(),
    lng: real('lng').notNull(),
  },
  (t) => [primaryKey({ columns: [t.prefName, t.municipalityName, t.town, t.koaza] })],
);

/** Each imported source: its kind, as-of date and attribution, for the UI to show. */
export const datasets = sqliteTable('datasets', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  kind: text('kind').notNull(),
  label: text('label').notNull(),
  fileName: text('file_name').notNull(),
  asOf: text('as_of'),
  attribution: text('attribution').notNull(),
  /** True for made-up data (the demo region): the UI marks it 架空. */
  fictional: integer('fictional', { mode: 'boolean' }).notNull().default(false),
  rows: integer('rows').notNull(),
  importedAt: text('imported_at').notNull(),
});

/** A facility asking an institution to become its partner for chosen requirements. */
export const partnershipRequests = sqliteTable(
  'partnership_requests',
  {
    ...facilityInstitutionPair(),
    asksConsult: integer('asks_consult', { mode: 'boolean' }).notNull(),
    asksExamine: integer('asks_examine', { mode: 'boolean' }).notNull(),
    asksAdmit: integer('asks_admit', { mode: 'boolean' }).notNull(),
    message: text('message'),
    status: text('status', { enum: ['pending', 'accepted', 'declined', 'withdrawn'] }).notNull().default('pending'),
    /** Why it was declined (required then). */
    reason: text('reason'),
    sentOn: text('sent_on').notNull(),
    decidedOn: text('decided_on'),
    ...editable(),
  },
  (t) => [
    ofFacilityKey(t),
    index('requests_facility').on(t.careOfficeNumber, t.serviceCode),
    index('requests_institution').on(t.institutionCode),
  ],
);

/** 連携会議: a meeting of a facility with a partner institution (no resident data is stored). */
export const meetings = sqliteTable(
  'meetings',
  {
    ...facilityInstitutionPair(),
    heldOn: text('held_on').notNull(),
    /** The partner can see residents' information electronically at any time. */
    electronicSharing: integer('electronic_sharing', { mode: 'boolean' }).notNull(),
    ...editable(),
  },
  (t) => [
    ofFacilityKey(t),
    index('meetings_facility').on(t.careOfficeNumber, t.serviceCode, t.heldOn),
  ],
);

/** Every change to an editable row: who, when, what, before and after (JSON). */
export const auditLog = sqliteTable(
  'audit_log',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    at: text('at').notNull().default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`),
    /** Who made the change: an account's login, or `cli:<command>` for the administrator's commands. */
    actor: text('actor').notNull(),
    entity: text('entity').notNull(),
    entityId: text('entity_id').notNull(),
    action: text('action').notNull(),
    before: text('before'),
    after: text('after'),
    /** The municipality (or authority) the changed record belongs to, so an officer sees their area's log; null for national records. */
    areaCode: text('area_code'),
  },
  (t) => [index('audit_entity').on(t.entity, t.entityId), index('audit_area').on(t.areaCode, t.id)],
);

/** A 届出書 received by its designating authority (imported back, or recorded by hand). */
export const filings = sqliteTable(
  'filings',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    careOfficeNumber: text('care_office_number').notNull(),
    serviceCode: text('service_code').notNull(),
    fiscalYear: integer('fiscal_year').notNull(),
    /** The 6-digit code of the authority it was filed with (a prefecture as <pref>0000 + check digit). */
    authorityCode: text('authority_code').notNull(),
    /** The date on the form, else the day it was received. */
    filedOn: text('filed_on').notNull(),
    receivedOn: text('received_on').notNull(),
    fileName: text('file_name'),
    /** What the filing says (FilingData, JSON). */
    content: text('content').notNull(),
    /** One filing per facility and year: a corrected upload replaces it, naming the version it read. */
    ...editable(),
  },
  (t) => [index('filings_facility_year').on(t.careOfficeNumber, t.serviceCode, t.fiscalYear), index('filings_authority_year').on(t.authorityCode, t.fiscalYear)],
);

/** The filing deadline an authority sets for a fiscal year. */
export const filingDeadlines = sqliteTable(
  'filing_deadlines',
  {
    authorityCode: text('authority_code').notNull(),
    fiscalYear: integer('fiscal_year').notNull(),
    dueOn: text('due_on').notNull(),
  },
  (t) => [primaryKey({ columns: [t.authorityCode, t.fiscalYear] })],
);

/**
 * Accounts. `scope` (JSON array) is what the role acts on: municipality codes or 2-digit prefecture
 * codes (municipality), 事業所番号 (facility), 医療機関コード (institution); empty for an administrator.
 */
export const users = sqliteTable('users', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  login: text('login').notNull().unique(),
  role: text('role', { enum: ['admin', 'municipality', 'facility', 'institution'] }).notNull(),
  scope: text('scope').notNull().default('[]'),
  /** scrypt hash (server/auth/password.ts). */
  passwordHash: text('password_hash').notNull(),
  createdAt: text('created_at').notNull().default(sqlNow()),
  /** When an administrator or officer disabled it (it cannot sign in); null while enabled. */
  disabledAt: text('disabled_at'),
  ...editable(),
});

/** Signed-in sessions: the cookie holds a random token, the table only its SHA-256. */
export const sessions = sqliteTable(
  'sessions',
  {
    tokenHash: text('token_hash').primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** The CSRF token every unsafe request of this session must echo in X-CSRF-Token. */
    csrfToken: text('csrf_token').notNull(),
    createdAt: text('created_at').notNull().default(sqlNow()),
    expiresAt: text('expires_at').notNull(),
  },
  (t) => [index('sessions_user').on(t.userId)],
);
