/** Indicators, relations and units of measure: the one source of truth for indicator metadata (SPEC §3.4). */

export type IndicatorKind = "integer" | "money" | "number";

export interface Indicator {
  code: string;
  /** Vietnamese name, as in the sector's report forms. */
  name: string;
  /** English name, for the English rendering and for matching English labels. */
  nameEn: string;
  /** Unit of measure as printed (Vietnamese). */
  unit: string;
  unitEn: string;
  kind: IndicatorKind;
  required: boolean;
}

export const DEFAULT_CATALOG: readonly Indicator[] = [
  { code: "TT01", name: "Số cuộc thanh tra đã triển khai", nameEn: "Inspections conducted", unit: "cuộc", unitEn: "inspections", kind: "integer", required: true },
  { code: "TT02", name: "Số cuộc thanh tra đã ban hành kết luận", nameEn: "Inspections concluded", unit: "cuộc", unitEn: "inspections", kind: "integer", required: false },
  { code: "TT03", name: "Kiến nghị xử lý về kinh tế", nameEn: "Economic recoveries recommended", unit: "tỷ đồng", unitEn: "billion VND", kind: "money", required: true },
  {
    code: "TT04",
    name: "Kiến nghị xử lý hành chính — tổ chức",
    nameEn: "Administrative sanctions recommended — organisations",
    unit: "tổ chức",
    unitEn: "organisations",
    kind: "integer",
    required: false,
  },
  {
    code: "TT05",
    name: "Kiến nghị xử lý hành chính — cá nhân",
    nameEn: "Administrative sanctions recommended — individuals",
    unit: "cá nhân",
    unitEn: "individuals",
    kind: "integer",
    required: false,
  },
  { code: "TT06", name: "Chuyển cơ quan điều tra", nameEn: "Cases referred to investigators", unit: "vụ", unitEn: "cases", kind: "integer", required: false },
  { code: "TCD01", name: "Số lượt tiếp công dân", nameEn: "Citizen reception visits", unit: "lượt", unitEn: "visits", kind: "integer", required: true },
  { code: "TCD02", name: "Số người được tiếp", nameEn: "Citizens received", unit: "người", unitEn: "people", kind: "integer", required: true },
  { code: "TCD03", name: "Số đoàn đông người", nameEn: "Large delegations", unit: "đoàn", unitEn: "delegations", kind: "integer", required: false },
  { code: "XLD01", name: "Số đơn tiếp nhận, xử lý", nameEn: "Applications received and handled", unit: "đơn", unitEn: "applications", kind: "integer", required: true },
  { code: "XLD02", name: "Số đơn thuộc thẩm quyền", nameEn: "Applications within competence", unit: "đơn", unitEn: "applications", kind: "integer", required: false },
  {
    code: "GQ01",
    name: "Số vụ việc tham mưu giải quyết thuộc thẩm quyền",
    nameEn: "Cases advised for settlement under authority",
    unit: "vụ việc",
    unitEn: "cases",
    kind: "integer",
    required: true,
  },
  {
    code: "PCTN01",
    name: "Số người được xác minh tài sản, thu nhập",
    nameEn: "People whose assets and income were verified",
    unit: "người",
    unitEn: "people",
    kind: "integer",
    required: false,
  },
];

/** left ≤ right or left ≥ right, between two indicators of the same unit and year. */
export interface Relation {
  left: string;
  op: "<=" | ">=";
  right: string;
}

export const RELATIONS: readonly Relation[] = [
  { left: "TT02", op: "<=", right: "TT01" },
  { left: "TCD02", op: ">=", right: "TCD01" },
  { left: "TCD03", op: "<=", right: "TCD01" },
  { left: "XLD02", op: "<=", right: "XLD01" },
];

export function relationHolds(r: Relation, left: number, right: number): boolean {
  return r.op === "<=" ? left <= right + 1e-9 : left + 1e-9 >= right;
}

/**
 * Money units of measure, folded (see text.label), with the factor that turns them into tỷ đồng.
 * A blank unit means the catalog's unit (tỷ đồng).
 */
export const MONEY_UNITS: readonly { labels: readonly string[]; factor: number; canonical: boolean }[] = [
  { labels: ["tỷ đồng", "tỷ", "ty dong", "billion vnd", "billion dong", "bn vnd", "vnd bn", "tỷ vnđ", "tỷ vnd"], factor: 1, canonical: true },
  { labels: ["triệu đồng", "triệu", "million vnd", "million dong", "triệu vnđ", "triệu vnd", "tr.đ", "trđ"], factor: 1e-3, canonical: false },
  { labels: ["nghìn đồng", "ngàn đồng", "nghìn", "thousand vnd", "nghìn vnđ", "ngàn vnđ"], factor: 1e-6, canonical: false },
  { labels: ["đồng", "vnd", "vnđ", "dong"], factor: 1e-9, canonical: false },
];

/** Indicator kinds a config table may name (Vietnamese or English). */
export const KIND_LABELS: Record<IndicatorKind, readonly string[]> = {
  integer: ["integer", "số nguyên", "đếm", "count", "số lượng"],
  money: ["money", "tiền", "tiền tệ", "currency"],
  number: ["number", "số", "số thực", "decimal"],
};
