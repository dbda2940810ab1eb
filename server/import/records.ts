import type { Requirement } from '../domain/requirements';
import type { InstitutionKind } from '../domain/institution-offers';
import type { Problem } from './problems';

/** What the parsers produce: plain records, written to the database by apply-*.ts. */

export type SourceKind =
  | 'manifest'
  | 'town_points'
  | 'n03_boundaries'
  | 'kaigo_open_data'
  | 'facility_template'
  | 'kouseikyoku_meibo'
  | 'navii'
  | 'partnership_template';

export interface MunicipalityRecord {
  code: string;
  name: string;
  prefCode: string;
  prefName: string;
  kind: 'municipality' | 'designated_city' | 'ward';
  parentCode: string | null;
  boundary: GeoJSON.Polygon | GeoJSON.MultiPolygon | null;
}

export interface FacilityRecord {
  line: number;
  careOfficeNumber: string;
  serviceCode: string;
  name: string;
  kana: string | null;
  address: string | null;
  /** 6-digit code when the row gives a municipality; null when it gives only the prefecture. */
  municipalityCode: string | null;
  municipalityName: string | null;
  prefName: string | null;
  /** The file's own coordinates; null when blank or 0.0. Checked and, if need be, replaced by geocoding later. */
  lat: number | null;
  lng: number | null;
  capacity: number | null;
  operatorName: string | null;
  operatorNumber: string | null;
  phone: string | null;
  source: 'kaigo_open_data' | 'facility_template';
}

export interface NotificationRecord {
  symbol: string;
  acceptedNumber: string;
  name: string | null;
  startDate: string | null;
}

export interface InstitutionRecord {
  line: number;
  code: string;
  kind: InstitutionKind;
  name: string;
  postalCode: string | null;
  address: string | null;
  phone: string | null;
  municipalityCode: string | null;
  beds: number | null;
  bedsDetail: string | null;
  notifications: NotificationRecord[];
}

export interface NaviiRecord {
  line: number;
  id: string;
  name: string;
  kind: InstitutionKind;
  prefCode: string | null;
  municipalityCode: string | null;
  address: string;
  lat: number | null;
  lng: number | null;
  beds: number | null;
}

export interface PartnershipRecord {
  line: number;
  careOfficeNumber: string;
  serviceCode: string;
  /** null: the facility reported that it has no partner at all. */
  institutionCode: string | null;
  covers: Requirement[];
  agreedOn: string | null;
  confirmedOn: string | null;
  endedOn: string | null;
  specialRelationship: boolean;
  reportedOn: string | null;
}

export interface TownPointRecord {
  prefName: string;
  municipalityName: string;
  town: string;
  koaza: string;
  lat: number;
  lng: number;
}

export interface Manifest {
  label: string;
  fictional: boolean;
  asOf: string | null;
  attribution: string;
  designatedCities: { code: string; prefName: string; name: string; kind: '指定都市' | '中核市' }[];
}

interface ParsedBase {
  path: string;
  /** Data rows read (header and title rows excluded). */
  rows: number;
  /** Rows deliberately not imported (other services, 歯科/薬局, continuation rows …). */
  skipped: number;
  problems: Problem[];
  asOf: string | null;
  /** What the counts mean, when rows and records differ (e.g. notification rows vs institutions). */
  notes?: string[];
  /** Rows rejected beyond those with an error of their own (one error said for many rows, e.g. an unknown service). */
  rejectedRows?: number;
}

export type ParsedFile =
  | (ParsedBase & { kind: 'manifest'; manifest: Manifest })
  | (ParsedBase & { kind: 'n03_boundaries'; records: MunicipalityRecord[] })
  | (ParsedBase & { kind: 'town_points'; records: TownPointRecord[] })
  | (ParsedBase & {
      kind: 'kaigo_open_data' | 'facility_template';
      records: FacilityRecord[];
      /** (prefecture, service) pairs the file speaks for: rows of these missing from it are withdrawn. Empty for templates. */
      scope: { prefCode: string; serviceCode: string }[];
    })
  | (ParsedBase & {
      kind: 'kouseikyoku_meibo';
      records: InstitutionRecord[];
      /** standard: the full list per institution (replaces notifications, withdraws the missing); 項目別: some notifications only (merged). */
      layout: 'standard' | 'koumokubetsu';
      prefCodes: string[];
    })
  | (ParsedBase & { kind: 'navii'; records: NaviiRecord[] })
  | (ParsedBase & { kind: 'partnership_template'; records: PartnershipRecord[] });
