/** The engine's view of a bloc after reading: plain data passed from stage to stage. */
import type { Indicator } from "./catalog";
import type { Period } from "./period";

export type ConfigKey =
  | "bloc"
  | "year"
  | "compareYear"
  | "period"
  | "leader"
  | "deputy"
  | "theme"
  | "basis"
  | "covenant"
  | "flagQuota"
  | "meritQuota"
  | "flagThreshold"
  | "meritThreshold"
  | "nextLeader"
  | "nextDeputy"
  | "place"
  | "signer"
  | "signerTitle"
  | "abbreviation"
  | "requireConfirmation";

export interface BlocConfig {
  /** The config sheet's name, or null when there is none (CONFIG_MISSING). */
  sheet: string | null;
  bloc: string;
  year: number | null;
  compareYear: number | null;
  /** "Kỳ báo cáo" as configured; null when the config does not say (the unit sheets' headers decide). */
  period: Period | null;
  leader: string;
  deputy: string;
  theme: string;
  basis: string;
  covenant: string;
  flagQuota: number;
  meritQuota: number;
  flagThreshold: number | null;
  meritThreshold: number | null;
  nextLeader: string;
  nextDeputy: string;
  place: string;
  signer: string;
  signerTitle: string;
  abbreviation: string;
  /** "Yêu cầu xác nhận": an unconfirmed unit is an error (UNIT_NOT_CONFIRMED). */
  requireConfirmation: boolean;
  /** A1 address of each value read from the config sheet. */
  cells: Partial<Record<ConfigKey, string>>;
}

export interface RosterUnit {
  code: string;
  name: string;
  /** The sheet the roster names (the code when the roster leaves it blank). */
  sheetName: string;
  /** The roster cell holding the code ("A12" on the config sheet). */
  cell: string;
  /**
   * The roster's "Xác nhận" / "Confirmed" entry: who and when, or "x"; null when blank or "chưa".
   * Absent when the roster has no such column (or there is no roster).
   */
  confirmed?: string | null;
  /** The roster cell of that entry. */
  confirmedCell?: string;
}

/** Where things are on one unit sheet. 0-based absolute rows and columns. */
export interface UnitLayout {
  headerRow: number;
  codeCol: number | null;
  nameCol: number | null;
  uomCol: number | null;
  noteCol: number | null;
  /** year → column, for the columns of the period being read */
  yearCols: Map<number, number>;
  /** Every year column on the header, whatever its period ("6 tháng 2024", "Quý II/2024" …). */
  periodCols: PeriodColumn[];
}

/** A header cell naming a year and its period. 0-based absolute row and column. */
export interface PeriodColumn {
  year: number;
  period: Period;
  row: number;
  col: number;
}

/** A figure the engine accepted: converted to the indicator's unit (tỷ đồng for money). */
export interface AcceptedValue {
  value: number;
  /** The source sheet and cell. */
  sheet: string;
  cell: string;
  /** The number as it stands in the cell (before unit conversion). */
  raw: number;
  /** raw / divisor = value (1 for tỷ đồng, 1000 for triệu đồng …). */
  divisor: number;
  /** The cell held text that was parsed: the summary cannot point a formula at it. */
  fromText: boolean;
}

export interface UnitReport {
  unit: RosterUnit;
  /** The sheet actually read. */
  sheet: string;
  layout: UnitLayout;
  /** indicator code → the row it was found on (0-based). */
  rows: Map<string, number>;
  /** indicator code → year → accepted value. */
  values: Map<string, Map<number, AcceptedValue>>;
}

export interface Catalog {
  indicators: Indicator[];
  byCode: Map<string, Indicator>;
}
