/** Errors the excel host raises itself, and every error mapped to a message the user can act on. */
import type { Lang } from "../core/i18n/format";
import { hostMessage, type HostMessageKey, type HostMessageParams } from "../core/i18n/hostMessages";
import { LOCK_TTL_MS, WorkbookBusyError } from "./lock";

/** "14:05" in this machine's time zone: when another build took the workbook. */
function clockTime(ms: number): string {
  const d = new Date(ms);
  return `${String(d.getHours()).padStart(2, "0")}:${String(d.getMinutes()).padStart(2, "0")}`;
}

/** The workbook holds more cells than the add-in reads; raised before any cell is read. */
export class WorkbookTooLargeError extends Error {
  readonly code = "WorkbookTooLarge";
  constructor(
    /** The largest sheet, most likely the one to clean up. */
    readonly sheet: string,
    readonly cellCount: number,
    readonly totalCells: number,
    readonly limit: number,
  ) {
    super(`Workbook too large: ${totalCells} cells in use (limit ${limit}); sheet "${sheet}" has ${cellCount}`);
    this.name = "WorkbookTooLargeError";
  }
}

/** An output's name belongs to a sheet the plan does not replace; raised before anything is written. */
export class OutputNameTakenError extends Error {
  readonly code = "OutputNameTaken";
  constructor(readonly sheet: string) {
    super(`A sheet named "${sheet}" exists and is not an earlier output`);
    this.name = "OutputNameTakenError";
  }
}

/**
 * Office.js error codes (OfficeExtension.Error.code; "Error messages" in the Excel JavaScript API
 * docs, learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-error-handling) and our own, to
 * message keys. "PayloadTooLarge" is not here: it is Microsoft Graph's code, never Office.js's.
 */
const KEY_BY_CODE: Record<string, HostMessageKey> = {
  ItemNotFound: "itemNotFound",
  InvalidReference: "itemNotFound",
  ItemAlreadyExists: "alreadyExists",
  OutputNameTaken: "nameTaken",
  InvalidOperation: "invalidOperation",
  InvalidArgument: "invalidOperation",
  InvalidOperationInCellEditMode: "cellEditMode",
  AccessDenied: "accessDenied",
  RequestPayloadSizeLimitExceeded: "requestTooLarge",
  ResponsePayloadSizeLimitExceeded: "responseTooLarge",
  GeneralException: "generalException",
  WorkbookTooLarge: "workbookTooLarge",
  ApiNotFound: "apiNotSupported",
  ApiNotAvailable: "apiNotSupported",
  NotImplemented: "apiNotSupported",
  UnsupportedOperation: "apiNotSupported",
  RangeExceedsLimit: "rangeTooLarge",
  FormulaLengthExceedsLimit: "formulaTooLong",
  InactiveWorkbook: "inactiveWorkbook",
  MemoryLimitReached: "memoryLimit",
  WorkbookBusy: "workbookBusy",
};

function codeOf(err: unknown): string | undefined {
  if (typeof err !== "object" || err === null) return undefined;
  const e = err as { code?: unknown; debugInfo?: { code?: unknown } };
  if (typeof e.code === "string" && e.code in KEY_BY_CODE) return e.code;
  if (typeof e.debugInfo?.code === "string") return e.debugInfo.code;
  return typeof e.code === "string" ? e.code : undefined;
}

export function officeErrorKey(err: unknown): HostMessageKey {
  const code = codeOf(err);
  return (code !== undefined && KEY_BY_CODE[code]) || "unknown";
}

export function officeErrorMessage(err: unknown, lang: Lang): string {
  const key = officeErrorKey(err);
  const params: HostMessageParams = {};
  if (err instanceof WorkbookTooLargeError) Object.assign(params, { sheet: err.sheet, cells: err.cellCount, total: err.totalCells, limit: err.limit });
  else if (err instanceof OutputNameTakenError) params.sheet = err.sheet;
  else if (err instanceof WorkbookBusyError) Object.assign(params, { since: clockTime(err.holder.started), minutes: Math.round(LOCK_TTL_MS / 60_000) });
  if (key === "unknown") params.detail = err instanceof Error ? err.message : String(err);
  return hostMessage(key, lang, params);
}
