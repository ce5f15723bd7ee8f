/**
 * A strict in-memory Excel that keeps Office.js's contract, for testing the excel host without Excel.
 *
 * What it enforces (and office-addin-mock does not):
 * - proxies: a property can be read only after `load(...)` and `await context.sync()` (or after this
 *   code set it locally, as Office.js allows); otherwise it throws PropertyNotLoaded;
 * - every call and property write is queued and applied, in order, at `sync()`; a failing operation
 *   stops the batch there — operations before it stay applied (Office.js batches are not transactions);
 * - `getItem` of a missing item fails at sync with ItemNotFound; `*OrNullObject` gives `isNullObject`
 *   after the next sync; reading `isNullObject` before that throws;
 * - writes are interpreted like typing: a string starting with "=" (or "+", "-", "@" when it is not a
 *   number) becomes a formula, "123" becomes a number, "TRUE" a boolean — unless it starts with an
 *   apostrophe (kept as text, apostrophe dropped) or the cell's number format is "@";
 * - sheet names: unique (case-insensitive), 1–31 characters, none of : \ / ? * [ ];
 *   the last visible sheet can be neither hidden nor deleted;
 * - deleting a sheet turns references to it into #REF!, renaming updates them (like Excel);
 * - request and response sizes are estimated (UTF-8 bytes of the JSON of each batch's operations and
 *   of its loaded results) and limited to 5 MB, like Excel on the web;
 * - a capability level (`apiLevel`: ExcelApi 1.7, 1.8, 1.10, 1.13 or 1.18): a member newer than it
 *   fails at sync with ApiNotAvailable, and `supports` answers isSetSupported accordingly;
 * - Excel's documented limits: getMergedAreasOrNullObject returns only areas whose top-left cell is
 *   in the range and fails above 512; deleting a VeryHidden sheet is InvalidOperation; cellCount is
 *   -1 past 2^31-1 cells; writes to locked cells of a protected sheet are AccessDenied;
 * - defined names (their references follow renames and become #REF! on delete, like cells'),
 *   Worksheet.copy, data validation, protection, comments and notes.
 *
 * Formulas are stored, not calculated: a formula written through the API has no value here.
 */
import type { CellValue, SheetSnapshot, SheetVisibility, WorkbookSnapshot } from "../../src/core/snapshot";
import { columnName } from "../../src/core/a1";
import * as XLSX from "xlsx";

/* ----------------------------------------------------------------------------------------------
 * Errors
 * -------------------------------------------------------------------------------------------- */

export class FakeOfficeError extends Error {
  readonly code: string;
  readonly debugInfo: { code: string; message: string; errorLocation?: string };
  constructor(code: string, message: string, errorLocation?: string) {
    super(message);
    this.name = "RichApi.Error";
    this.code = code;
    this.debugInfo = { code, message, errorLocation };
  }
}

const fail = {
  notLoaded: (cls: string, prop: string) =>
    new FakeOfficeError(
      "PropertyNotLoaded",
      `The property '${prop}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
      `${cls}.${prop}`,
    ),
  notFound: (what: string) => new FakeOfficeError("ItemNotFound", `The requested resource doesn't exist. (${what})`),
  invalidArgument: (what: string) => new FakeOfficeError("InvalidArgument", `The argument is invalid or missing or has an incorrect format. (${what})`),
  invalidOperation: (what: string) => new FakeOfficeError("InvalidOperation", `The operation is invalid for the object or the current state. (${what})`),
  exists: (what: string) => new FakeOfficeError("ItemAlreadyExists", `The resource already exists. (${what})`),
  apiNotAvailable: (what: string, level: string) => new FakeOfficeError("ApiNotAvailable", `The requested API is not available. (${what} needs a newer ExcelApi than ${level})`),
  accessDenied: (what: string) => new FakeOfficeError("AccessDenied", `You cannot perform the requested operation. (${what})`),
};

/* ----------------------------------------------------------------------------------------------
 * Capability levels: what each ExcelApi version adds, for the members the add-in touches
 * -------------------------------------------------------------------------------------------- */

/** The levels the fake can be told to be (ExcelApi 1.x). 1.7 is the add-in's floor. */
export const API_LEVELS = ["1.7", "1.8", "1.10", "1.13", "1.18"] as const;
export type ApiLevel = (typeof API_LEVELS)[number];

const minor = (version: string): number => Number(version.split(".")[1] ?? NaN);

/**
 * The ExcelApi minor version that introduced a proxy class (every member of it) or one member
 * ("Class.member"); anything not listed is at or below 1.7. From the "API set" line of each member
 * in Microsoft's Excel JavaScript API reference (learn.microsoft.com/javascript/api/excel).
 */
const API_SINCE: Record<string, number> = {
  "Runtime.enableEvents": 8,
  "Application.suspendScreenUpdatingUntilNextSync": 9,
  PageLayout: 9,
  DataValidation: 8,
  "Range.getMergedAreasOrNullObject": 13,
  "Range.copyFrom": 9,
  CommentCollection: 10,
  Comment: 10,
  "Comment.resolved": 11,
  CommentReplyCollection: 10,
  NoteCollection: 18,
  Note: 18,
  "Workbook.insertWorksheetsFromBase64": 13,
};

/* ----------------------------------------------------------------------------------------------
 * Workbook state
 * -------------------------------------------------------------------------------------------- */

const MAX_ROWS = 1048576;
const MAX_COLS = 16384;
const DEFAULT_COLUMN_WIDTH = 48;
const DEFAULT_ROW_HEIGHT = 15;

type Value = number | string | boolean | { error: string } | null;
type Edge = "top" | "bottom" | "left" | "right";

export interface Rect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

interface BorderState {
  style: string;
  color: string;
  weight: string;
}

interface CellFormat {
  bold?: boolean;
  italic?: boolean;
  underline?: string;
  size?: number;
  fontName?: string;
  fontColor?: string;
  fill?: string;
  horizontalAlignment?: string;
  verticalAlignment?: string;
  wrapText?: boolean;
  borders?: Partial<Record<Edge, BorderState>>;
}

export interface FakeHyperlink {
  documentReference?: string;
  address?: string;
  textToDisplay?: string;
  screenTip?: string;
}

interface CellState {
  value: Value;
  formula: string | null;
  numberFormat: string;
  /** Entered with a leading apostrophe. */
  prefixed: boolean;
  format: CellFormat;
  hyperlink?: FakeHyperlink;
  /** Range.dataValidation's rule, prompt and alert (ExcelApi 1.8). */
  validation?: FakeValidation;
  /** format.protection.locked; Excel's default is locked. */
  unlocked?: boolean;
}

export interface FakeValidation {
  rule?: Record<string, unknown>;
  ignoreBlanks?: boolean;
  prompt?: { showPrompt?: boolean; title?: string; message?: string };
  errorAlert?: { showAlert?: boolean; style?: string; title?: string; message?: string };
}

interface RangeTarget {
  sheet: SheetState;
  rect: Rect;
}

interface SeriesState {
  name: string | null;
  values: RangeTarget | null;
  xValues: RangeTarget | null;
}

interface ChartState {
  name: string;
  type: string;
  seriesBy: string;
  source: RangeTarget;
  title: string | null;
  legend: { position: string; visible: boolean };
  position: { start: string; end: string | null } | null;
  series: SeriesState[];
  deleted: boolean;
}

interface PageLayoutState {
  orientation: string;
  paperSize: string;
  topMargin: number;
  bottomMargin: number;
  leftMargin: number;
  rightMargin: number;
  headerMargin: number;
  footerMargin: number;
  centerHorizontally: boolean;
  centerVertically: boolean;
  printGridlines: boolean;
  zoom: { scale?: number; horizontalFitToPages?: number; verticalFitToPages?: number };
}

const key = (row: number, col: number): number => row * MAX_COLS + col;

class SheetState {
  deleted = false;
  tabColor = "";
  showGridlines = true;
  readonly cells = new Map<number, CellState>();
  readonly columnWidths = new Map<number, number>();
  readonly rowHeights = new Map<number, number>();
  merges: Rect[] = [];
  freeze: { rows: number; cols: number } | null = null;
  /** Worksheet.protection: null when unprotected, else the options it was protected with. */
  protection: Record<string, unknown> | null = null;
  readonly charts: ChartState[] = [];
  readonly pageLayout: PageLayoutState = {
    orientation: "Portrait",
    paperSize: "Letter",
    topMargin: 54,
    bottomMargin: 54,
    leftMargin: 50.4,
    rightMargin: 50.4,
    headerMargin: 21.6,
    footerMargin: 21.6,
    centerHorizontally: false,
    centerVertically: false,
    printGridlines: false,
    zoom: { scale: 100 },
  };
  constructor(
    readonly id: string,
    public name: string,
    public visibility: "Visible" | "Hidden" | "VeryHidden" = "Visible",
  ) {}

  get(row: number, col: number): CellState | undefined {
    return this.cells.get(key(row, col));
  }

  getOrCreate(row: number, col: number): CellState {
    const k = key(row, col);
    let c = this.cells.get(k);
    if (!c) {
      c = { value: null, formula: null, numberFormat: "General", prefixed: false, format: {} };
      this.cells.set(k, c);
    }
    return c;
  }

  /** Bounding box of non-empty cells (valuesOnly) or of any cell that differs from the default. */
  usedRect(valuesOnly: boolean): Rect | null {
    let top = Infinity;
    let left = Infinity;
    let bottom = -1;
    let right = -1;
    for (const [k, c] of this.cells) {
      const used = c.value !== null || c.formula !== null || (!valuesOnly && (c.numberFormat !== "General" || Object.keys(c.format).length > 0 || !!c.hyperlink));
      if (!used) continue;
      const r = Math.floor(k / MAX_COLS);
      const col = k % MAX_COLS;
      top = Math.min(top, r);
      bottom = Math.max(bottom, r);
      left = Math.min(left, col);
      right = Math.max(right, col);
    }
    return bottom < 0 ? null : { top, left, bottom, right };
  }
}

/* ----------------------------------------------------------------------------------------------
 * Addresses, names, formula references
 * -------------------------------------------------------------------------------------------- */

function colIndex(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** "A1", "A1:C3", "A:C", "5:7" (with or without $) → rectangle; anything else is InvalidArgument. */
export function parseAddress(address: string): Rect {
  const s = address.trim().toUpperCase().replace(/\$/g, "");
  let m = /^([A-Z]{1,3})(\d+)(?::([A-Z]{1,3})(\d+))?$/.exec(s);
  let rect: Rect | null = null;
  if (m) {
    const r1 = Number(m[2]) - 1;
    const c1 = colIndex(m[1]);
    const r2 = m[3] ? Number(m[4]) - 1 : r1;
    const c2 = m[3] ? colIndex(m[3]) : c1;
    rect = { top: Math.min(r1, r2), left: Math.min(c1, c2), bottom: Math.max(r1, r2), right: Math.max(c1, c2) };
  } else if ((m = /^([A-Z]{1,3}):([A-Z]{1,3})$/.exec(s))) {
    const c1 = colIndex(m[1]);
    const c2 = colIndex(m[2]);
    rect = { top: 0, left: Math.min(c1, c2), bottom: MAX_ROWS - 1, right: Math.max(c1, c2) };
  } else if ((m = /^(\d+):(\d+)$/.exec(s))) {
    const r1 = Number(m[1]) - 1;
    const r2 = Number(m[2]) - 1;
    rect = { top: Math.min(r1, r2), left: 0, bottom: Math.max(r1, r2), right: MAX_COLS - 1 };
  }
  if (!rect || rect.top < 0 || rect.left < 0 || rect.bottom >= MAX_ROWS || rect.right >= MAX_COLS) throw fail.invalidArgument(`address "${address}"`);
  return rect;
}

export function rectAddress(r: Rect): string {
  if (r.top === 0 && r.bottom === MAX_ROWS - 1) return `${columnName(r.left)}:${columnName(r.right)}`;
  if (r.left === 0 && r.right === MAX_COLS - 1) return `${r.top + 1}:${r.bottom + 1}`;
  const s = `${columnName(r.left)}${r.top + 1}`;
  const e = `${columnName(r.right)}${r.bottom + 1}`;
  return s === e ? s : `${s}:${e}`;
}

/** Excel's own quoting in addresses: letters (any script), digits, "_" and "." stay bare. */
function excelQuote(name: string): string {
  const bare = /^[\p{L}_][\p{L}\p{N}_.]*$/u.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name) && !/^R\d*C\d*$/i.test(name);
  return bare ? name : `'${name.replace(/'/g, "''")}'`;
}

const sameName = (a: string, b: string): boolean => a.toLocaleUpperCase() === b.toLocaleUpperCase();

function checkSheetName(name: unknown): string {
  if (typeof name !== "string" || name.length === 0 || name.length > 31 || /[:\\/?*[\]]/.test(name) || name.startsWith("'") || name.endsWith("'")) {
    throw fail.invalidArgument(`sheet name ${JSON.stringify(name)}`);
  }
  return name;
}

const isNameChar = (ch: string | undefined): boolean => ch !== undefined && /[\p{L}\p{N}_.]/u.test(ch);

/**
 * Rewrite the sheet names of references in a formula; `map` returns the new name, or null when
 * the sheet is gone (the reference becomes #REF!). String literals are left alone.
 */
function mapSheetRefs(formula: string, map: (name: string) => string | null): string {
  const ref = (name: string): string => {
    const to = map(name);
    return to === null ? "#REF" : excelQuote(to);
  };
  let out = "";
  let i = 0;
  while (i < formula.length) {
    const ch = formula[i];
    if (ch === '"') {
      let j = i + 1;
      while (j < formula.length) {
        if (formula[j] === '"') {
          if (formula[j + 1] === '"') {
            j += 2;
            continue;
          }
          break;
        }
        j++;
      }
      out += formula.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    if (ch === "'") {
      let j = i + 1;
      let name = "";
      while (j < formula.length) {
        if (formula[j] === "'") {
          if (formula[j + 1] === "'") {
            name += "'";
            j += 2;
            continue;
          }
          break;
        }
        name += formula[j++];
      }
      if (formula[j + 1] === "!") {
        out += ref(name) + "!";
        i = j + 2;
      } else {
        out += formula.slice(i, j + 1);
        i = j + 1;
      }
      continue;
    }
    if (isNameChar(ch) && !isNameChar(formula[i - 1])) {
      let j = i;
      while (isNameChar(formula[j])) j++;
      if (formula[j] === "!") {
        out += ref(formula.slice(i, j)) + "!";
        i = j + 1;
      } else {
        out += formula.slice(i, j);
        i = j;
      }
      continue;
    }
    out += ch;
    i++;
  }
  return out;
}

/* ----------------------------------------------------------------------------------------------
 * Typed input: what Excel does with a value written through values/formulas
 * -------------------------------------------------------------------------------------------- */

const ERROR_LITERALS = new Set(["#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A", "#GETTING_DATA", "#SPILL!", "#CALC!"]);

function parseTypedNumber(s: string): number | null {
  const m = /^([+-]?)(\d{1,3}(?:,\d{3})+|\d*)(\.\d*)?(?:[eE]([+-]?\d+))?(%?)$/.exec(s.trim());
  if (!m || (m[2] === "" && (m[3] === undefined || m[3] === "."))) return null;
  const n = Number(`${m[1]}${m[2].replace(/,/g, "")}${m[3] ?? ""}${m[4] !== undefined ? "e" + m[4] : ""}`);
  if (!Number.isFinite(n)) return null;
  return m[5] ? n / 100 : n;
}

interface Entry {
  value: Value;
  formula: string | null;
  prefixed: boolean;
}

function interpretInput(raw: unknown, numberFormat: string, what: string): Entry | "unchanged" {
  if (raw === null) return "unchanged";
  if (typeof raw === "number") {
    if (!Number.isFinite(raw)) throw fail.invalidArgument(`${what}: ${raw}`);
    return numberFormat === "@" ? { value: String(raw), formula: null, prefixed: false } : { value: raw, formula: null, prefixed: false };
  }
  if (typeof raw === "boolean") return numberFormat === "@" ? { value: raw ? "TRUE" : "FALSE", formula: null, prefixed: false } : { value: raw, formula: null, prefixed: false };
  if (typeof raw !== "string") throw fail.invalidArgument(`${what}: ${JSON.stringify(raw)}`);
  if (raw === "") return { value: null, formula: null, prefixed: false };
  if (raw.startsWith("'")) return { value: raw.slice(1), formula: null, prefixed: true };
  if (numberFormat === "@") return { value: raw, formula: null, prefixed: false };
  if (raw.startsWith("=") && raw.length > 1) return { value: null, formula: raw, prefixed: false };
  const n = parseTypedNumber(raw);
  if (n !== null) return { value: n, formula: null, prefixed: false };
  if (/^[+\-@]/.test(raw)) return { value: null, formula: `=${raw}`, prefixed: false };
  if (/^(TRUE|FALSE)$/i.test(raw)) return { value: raw.toUpperCase() === "TRUE", formula: null, prefixed: false };
  if (ERROR_LITERALS.has(raw.toUpperCase())) return { value: { error: raw.toUpperCase() }, formula: null, prefixed: false };
  return { value: raw, formula: null, prefixed: false };
}

function isErrorValue(v: Value): v is { error: string } {
  return typeof v === "object" && v !== null;
}

function rectCells(r: Rect): number {
  return (r.bottom - r.top + 1) * (r.right - r.left + 1);
}

/** Shape check of a 2D input (Office.js rejects a mismatch) — a scalar applies to every cell. */
function gridInput(raw: unknown, r: Rect, what: string): (row: number, col: number) => unknown {
  if (!Array.isArray(raw)) return () => raw;
  const rows = r.bottom - r.top + 1;
  const cols = r.right - r.left + 1;
  if (raw.length !== rows || raw.some((line) => !Array.isArray(line) || line.length !== cols)) {
    throw fail.invalidArgument(`${what}: the number of rows or columns in the input array doesn't match the size of the range ${rectAddress(r)}`);
  }
  const grid = raw as unknown[][];
  return (row, col) => grid[row - r.top][col - r.left];
}

/* ----------------------------------------------------------------------------------------------
 * Batches and sync
 * -------------------------------------------------------------------------------------------- */

export interface SyncRecord {
  /** 1-based, over the fake's lifetime. */
  index: number;
  operations: number;
  writes: number;
  requestBytes: number;
  responseBytes: number;
  calculationSuspended: boolean;
  screenUpdatingSuspended: boolean;
  /** runtime.enableEvents once the batch ran. */
  eventsEnabledAfter: boolean;
  /** The error code when the sync failed. */
  failed: string | null;
}

interface Op {
  kind: "load" | "write" | "resolve";
  bytes: number;
  run: () => void;
}

interface PendingLoad {
  obj: FakeObject<unknown>;
  prop: string;
  value: unknown;
}

function utf8Bytes(s: string): number {
  return Buffer.byteLength(s, "utf8");
}

function jsonBytes(x: unknown): number {
  return utf8Bytes(JSON.stringify(x, (_k, v: unknown) => (v instanceof FakeObject ? { _ref: v._id } : v)) ?? "null");
}

function clone<T>(x: T): T {
  return x === undefined ? x : (JSON.parse(JSON.stringify(x)) as T);
}

class FakeContext {
  readonly workbook: FakeWorkbook;
  readonly runtime: FakeRuntime;
  readonly trackedObjects = { add: (): void => undefined, remove: (): void => undefined };
  _ops: Op[] = [];
  private nextId = 1;
  private readonly objects: FakeObject<unknown>[] = [];
  constructor(readonly _excel: FakeExcel) {
    this.workbook = new FakeWorkbook(this, () => _excel, _excel);
    this.runtime = new FakeRuntime(this, () => _excel, _excel);
  }
  _register(obj: FakeObject<unknown>): number {
    this.objects.push(obj);
    return this.nextId++;
  }
  /** After a successful sync, isNullObject is readable on every object resolved so far. */
  _markAllSynced(): void {
    for (const o of this.objects) o._markSynced();
  }
  _queue(op: Op): void {
    this._ops.push(op);
  }
  sync(): Promise<void> {
    return this._excel._sync(this);
  }
}

/* ----------------------------------------------------------------------------------------------
 * Proxy objects
 * -------------------------------------------------------------------------------------------- */

// Method syntax on purpose: bivariant parameters let one table type serve every proxy class.
interface PropDef<T> {
  get?(target: T, self: FakeObject<T>): unknown;
  set?(target: T, value: unknown, self: FakeObject<T>): void;
}
type PropDefs<T> = Record<string, PropDef<T>>;

/** Keyed by the fake's classes: an instance finds its own table through this.constructor. */
const propTables = new Map<object, PropDefs<never>>();
const navTables = new Map<object, string[]>();

function defineProps<T>(cls: abstract new (...args: never[]) => FakeObject<T>, defs: PropDefs<T>, navs: string[] = []): void {
  propTables.set(cls, defs as unknown as PropDefs<never>);
  navTables.set(cls, navs);
  for (const [name, def] of Object.entries(defs)) {
    Object.defineProperty(cls.prototype, name, {
      configurable: true,
      get(this: FakeObject<T>) {
        return this._read(name);
      },
      ...(def.set
        ? {
            set(this: FakeObject<T>, v: unknown) {
              this._write(name, v);
            },
          }
        : {}),
    });
  }
}

type Status = "pending" | "resolved" | "null";

abstract class FakeObject<T> {
  readonly _id: number;
  private _status: Status = "pending";
  private _target: T | undefined;
  private _nullKnown = false;
  private readonly _values = new Map<string, unknown>();
  private readonly _children = new Map<string, FakeObject<unknown>>();
  constructor(
    readonly _ctx: FakeContext,
    private readonly _resolver: () => T | null,
    bound?: T,
  ) {
    this._id = _ctx._register(this as FakeObject<unknown>);
    if (bound !== undefined) {
      this._status = "resolved";
      this._target = bound;
      this._nullKnown = true;
    }
  }

  get _className(): string {
    return this.constructor.name.replace(/^Fake/, "");
  }

  private get _defs(): PropDefs<T> {
    return (propTables.get(this.constructor) ?? {}) as unknown as PropDefs<T>;
  }

  /** Resolve at sync time (never earlier); may throw ItemNotFound. */
  _resolve(): T | null {
    if (this._status === "pending") {
      const t = this._resolver();
      if (t === null) this._status = "null";
      else {
        this._status = "resolved";
        this._target = t;
      }
    }
    if (this._status === "null") return null;
    const t = this._target as T;
    this._checkAlive(t);
    return t;
  }

  _require(): T {
    const t = this._resolve();
    if (t === null) throw fail.notFound(`${this._className} is a null object`);
    return t;
  }

  protected _checkAlive(_t: T): void {
    // overridden where the target can be deleted
  }

  _markSynced(): void {
    if (this._status !== "pending") this._nullKnown = true;
  }

  get isNullObject(): boolean {
    if (!this._nullKnown)
      throw new FakeOfficeError("PropertyNotLoaded", `isNullObject of ${this._className} is not available before context.sync().`, `${this._className}.isNullObject`);
    return this._status === "null";
  }

  _read(name: string): unknown {
    if (this._nullKnown && this._status === "null") return undefined;
    if (this._values.has(name)) return this._values.get(name);
    throw fail.notLoaded(this._className, name);
  }

  _commit(name: string, value: unknown): void {
    this._values.set(name, value);
  }

  _write(name: string, value: unknown): void {
    const def = this._defs[name];
    if (!def?.set) throw new TypeError(`Cannot set read-only property ${this._className}.${name}`);
    this._values.set(name, value);
    const set = def.set;
    this._queueWrite(`${name}=`, [value], () => set(this._require(), clone(value), this));
  }

  /** Queue a method call or property write applied at sync. */
  _queueWrite(member: string, args: unknown[], run: () => void): void {
    const name = member.replace(/=$/, "");
    this._ctx._queue({
      kind: "write",
      bytes: jsonBytes({ o: this._id, m: member, a: args }),
      run: () => {
        this._ctx._excel._requireApi(this._className, name);
        run();
      },
    });
  }

  /** Queue an instantiation whose result (null or not) is known after the next sync. */
  _queueResolve(): void {
    this._ctx._queue({ kind: "resolve", bytes: jsonBytes({ o: this._id, m: "instantiate" }), run: () => void this._resolve() });
  }

  _child<C extends FakeObject<unknown>>(name: string, make: () => C): C {
    let c = this._children.get(name);
    if (!c) {
      c = make();
      this._children.set(name, c);
    }
    return c as C;
  }

  load(arg?: string | string[] | { select?: string; expand?: string }): this {
    const text = typeof arg === "string" ? arg : Array.isArray(arg) ? arg.join(",") : (arg?.select ?? "");
    const paths = text
      .split(",")
      .map((p) => p.trim())
      .filter((p) => p !== "");
    if (paths.length === 0) this._loadAll();
    for (const p of paths) this._loadPath(p.split("/"));
    return this;
  }

  protected _loadAll(): void {
    for (const [name, def] of Object.entries(this._defs)) if (def.get) this._loadProp(name);
  }

  _loadPath(segs: string[]): void {
    const [head, ...rest] = segs;
    const navs = navTables.get(this.constructor) ?? [];
    if (navs.includes(head)) {
      const child = (this as unknown as Record<string, FakeObject<unknown>>)[head];
      if (rest.length) child._loadPath(rest);
      else child.load();
      return;
    }
    if (rest.length === 0 && this._defs[head]?.get) {
      this._loadProp(head);
      return;
    }
    this._ctx._queue({
      kind: "load",
      bytes: 20,
      run: () => {
        throw fail.invalidArgument(`${this._className} has no loadable property "${segs.join("/")}"`);
      },
    });
  }

  private _loadProp(name: string): void {
    const get = this._defs[name].get as (t: T, self: FakeObject<T>) => unknown;
    this._ctx._queue({
      kind: "load",
      bytes: jsonBytes({ o: this._id, load: name }),
      run: () => {
        this._ctx._excel._requireApi(this._className, name);
        const t = this._resolve();
        if (t === null) return;
        this._ctx._excel._respond(this as FakeObject<unknown>, name, clone(get(t, this)));
      },
    });
  }

  toJSON(): Record<string, unknown> {
    return Object.fromEntries(this._values);
  }
}

/* ---- Workbook, application, runtime ------------------------------------------------------- */

class FakeRuntime extends FakeObject<FakeExcel> {}
defineProps(FakeRuntime, {
  enableEvents: {
    get: (x) => x.eventsEnabled,
    set: (x, v) => {
      if (typeof v !== "boolean") throw fail.invalidArgument("enableEvents");
      x.eventsEnabled = v;
    },
  },
});

class FakeApplication extends FakeObject<FakeExcel> {
  suspendApiCalculationUntilNextSync(): void {
    this._queueWrite("suspendApiCalculationUntilNextSync", [], () => this._ctx._excel._suspend("calculation"));
  }
  suspendScreenUpdatingUntilNextSync(): void {
    this._queueWrite("suspendScreenUpdatingUntilNextSync", [], () => this._ctx._excel._suspend("screen"));
  }
}
defineProps(FakeApplication, {
  calculationMode: {
    get: (x) => x.calculationMode,
    set: (x, v) => {
      if (v !== "Automatic" && v !== "AutomaticExceptTables" && v !== "Manual") throw fail.invalidArgument("calculationMode");
      x.calculationMode = v;
    },
  },
});

class FakeWorkbook extends FakeObject<FakeExcel> {
  get worksheets(): FakeWorksheetCollection {
    return this._child("worksheets", () => new FakeWorksheetCollection(this._ctx, () => this._require(), this._ctx._excel));
  }
  get application(): FakeApplication {
    return this._child("application", () => new FakeApplication(this._ctx, () => this._require(), this._ctx._excel));
  }
  get names(): FakeNamedItemCollection {
    return this._child("names", () => new FakeNamedItemCollection(this._ctx, () => this._require(), this._ctx._excel));
  }
  get comments(): FakeCommentCollection {
    return this._child("comments", () => new FakeCommentCollection(this._ctx, () => this._require(), this._ctx._excel));
  }

  /* ---- insertWorksheetsFromBase64 (helper "intake"; one block) ---------------------------- */

  /**
   * Workbook.insertWorksheetsFromBase64 (ExcelApi 1.13), as Microsoft documents it (Excel.Workbook
   * and Excel.InsertWorksheetOptions in the Excel JavaScript API reference): the source workbook's
   * sheets named in `sheetNamesToInsert` (all when absent or empty) are inserted with their values,
   * formulas, number formats, merged areas and column widths, at `positionType` ("End" by default;
   * "Beginning", "Before"/"After" `relativeTo`, a sheet or its name), and the result holds the new
   * sheets' IDs after the sync. A name the workbook already has gets " (2)", " (3)" … as Excel's
   * own sheet copy does; the docs do not say, so the add-in never relies on the inserted name.
   * A name not in the source is ItemNotFound; an unreadable file is InvalidArgument.
   */
  insertWorksheetsFromBase64(
    base64File: string,
    options: { sheetNamesToInsert?: string[]; positionType?: string; relativeTo?: FakeWorksheet | string } = {},
  ): { readonly value: string[] } {
    let ids: string[] | null = null;
    const result = {
      get value(): string[] {
        if (ids === null)
          throw new FakeOfficeError(
            "PropertyNotLoaded",
            "The value of the result object has not been loaded yet. Before reading the value property, call context.sync().",
            "ClientResult.value",
          );
        return ids;
      },
    };
    const rel = options.relativeTo;
    const relArg = rel === undefined ? null : typeof rel === "string" ? rel : { _ref: rel._id };
    this._queueWrite("insertWorksheetsFromBase64", [base64File, { ...options, relativeTo: relArg }], () => {
      const excel = this._require();
      let book: XLSX.WorkBook;
      try {
        book = XLSX.read(base64File, { type: "base64", cellFormula: true, cellNF: true, cellStyles: true });
      } catch {
        throw fail.invalidArgument("base64File is not a workbook");
      }
      const wanted = options.sheetNamesToInsert?.length ? options.sheetNamesToInsert : book.SheetNames;
      for (const n of wanted) if (!book.SheetNames.includes(n)) throw fail.notFound(`worksheet "${n}" in the source workbook`);
      const type = (options.positionType ?? "End").toLowerCase();
      let at = excel._liveSheets().length;
      if (type === "beginning") at = 0;
      else if (type === "before" || type === "after") {
        const anchor = rel === undefined ? null : typeof rel === "string" ? excel._findSheet(rel) : rel._require();
        if (!anchor) throw fail.notFound(`relativeTo worksheet ${JSON.stringify(typeof rel === "string" ? rel : "")}`);
        at = excel._liveSheets().indexOf(anchor) + (type === "after" ? 1 : 0);
      } else if (type !== "end" && type !== "none") throw fail.invalidArgument(`positionType ${JSON.stringify(options.positionType)}`);
      const inserted: string[] = [];
      for (const n of wanted) {
        let name = n;
        for (let k = 2; excel._findSheet(name); k++) name = `${n} (${k})`;
        const s = excel._addSheet(name);
        excel._move(s, at++);
        const ws = book.Sheets[n];
        for (const [ref, c] of Object.entries(ws) as [string, XLSX.CellObject][]) {
          if (ref.startsWith("!")) continue;
          const { r, c: col } = XLSX.utils.decode_cell(ref);
          const cell = s.getOrCreate(r, col);
          cell.value = c.t === "e" ? { error: String(c.w) } : c.t === "z" || c.v === undefined ? null : (c.v as number | string | boolean);
          cell.formula = c.f ? `=${c.f}` : null;
          cell.numberFormat = typeof c.z === "string" ? c.z : "General";
        }
        s.merges = (ws["!merges"] ?? []).map((m) => ({ top: m.s.r, left: m.s.c, bottom: m.e.r, right: m.e.c }));
        (ws["!cols"] ?? []).forEach((col, i) => {
          // The file's width in characters, in points as Excel shows it (7 px a character + 5 px, at 96 dpi).
          const chars = col?.width ?? col?.wch;
          if (chars !== undefined) s.columnWidths.set(i, Math.round((chars * 7 + 5) * 0.75 * 100) / 100);
          else if (col?.wpx !== undefined) s.columnWidths.set(i, col.wpx * 0.75);
        });
        inserted.push(s.id);
      }
      ids = inserted;
    });
    return result;
  }
}
defineProps(FakeWorkbook, {}, ["worksheets", "application", "names"]);

/* ---- Defined names (workbook scope) ------------------------------------------------------- */

export interface NameState {
  name: string;
  /** Always starts with "=". Sheet references follow renames and become #REF! on delete. */
  formula: string;
  visible: boolean;
  comment: string;
  deleted: boolean;
}

/** Excel's rules for a defined name: a letter, "_" or "\\" first, then letters, digits, "_" or "."; not a cell reference. */
function checkDefinedName(name: unknown): string {
  if (
    typeof name !== "string" ||
    name.length === 0 ||
    name.length > 255 ||
    !/^[\p{L}_\\][\p{L}\p{N}_.]*$/u.test(name) ||
    /^[A-Za-z]{1,3}\d+$/.test(name) ||
    /^[RrCc]$/.test(name)
  ) {
    throw fail.invalidArgument(`defined name ${JSON.stringify(name)}`);
  }
  return name;
}

class FakeNamedItemCollection extends FakeObject<FakeExcel> {
  add(name: string, reference: FakeRange | string, comment?: string): FakeNamedItem {
    let created: NameState | null = null;
    const item = new FakeNamedItem(this._ctx, () => {
      if (!created) throw fail.invalidOperation("name used before it was added");
      return created;
    });
    const ref = typeof reference === "string" ? reference : { _ref: reference._id };
    this._queueWrite("add", [name, ref, comment ?? null], () => {
      const excel = this._require();
      checkDefinedName(name);
      if (excel._findName(name)) throw fail.exists(`name "${name}"`);
      let formula: string;
      if (typeof reference === "string") formula = reference.startsWith("=") ? reference : `=${reference}`;
      else {
        const t = reference._require();
        formula = `=${excelQuote(t.sheet.name)}!${absolute(t.rect)}`;
      }
      created = { name, formula, visible: true, comment: comment ?? "", deleted: false };
      excel._names.push(created);
    });
    return item;
  }

  getItem(name: string): FakeNamedItem {
    return new FakeNamedItem(this._ctx, () => {
      const n = this._require()._findName(name);
      if (!n) throw fail.notFound(`name "${name}"`);
      return n;
    });
  }

  getItemOrNullObject(name: string): FakeNamedItem {
    const item = new FakeNamedItem(this._ctx, () => this._require()._findName(name) ?? null);
    item._queueResolve();
    return item;
  }
}
defineProps(FakeNamedItemCollection, {});

/** "$A$1" or "$A$1:$C$3". */
function absolute(r: Rect): string {
  const cell = (row: number, col: number) => `$${columnName(col)}$${row + 1}`;
  return rectCells(r) === 1 ? cell(r.top, r.left) : `${cell(r.top, r.left)}:${cell(r.bottom, r.right)}`;
}

class FakeNamedItem extends FakeObject<NameState> {
  protected override _checkAlive(t: NameState): void {
    if (t.deleted) throw fail.notFound(`name "${t.name}" was deleted`);
  }
  delete(): void {
    this._queueWrite("delete", [], () => this._ctx._excel._deleteName(this._require()));
  }
}
defineProps(FakeNamedItem, {
  name: { get: (n) => n.name },
  formula: {
    get: (n) => n.formula,
    set: (n, v) => {
      if (typeof v !== "string" || v === "") throw fail.invalidArgument(`name formula ${JSON.stringify(v)}`);
      n.formula = v.startsWith("=") ? v : `=${v}`;
    },
  },
  visible: {
    get: (n) => n.visible,
    set: (n, v) => {
      n.visible = !!v;
    },
  },
  comment: { get: (n) => n.comment },
});

/* ---- Worksheets -------------------------------------------------------------------------- */

class FakeWorksheetCollection extends FakeObject<FakeExcel> {
  get items(): FakeWorksheet[] {
    return this._read("items") as FakeWorksheet[];
  }

  override load(arg?: string | string[] | { select?: string }): this {
    const text = typeof arg === "string" ? arg : Array.isArray(arg) ? arg.join(",") : (arg?.select ?? "");
    const props = new Set<string>();
    let all = false;
    for (const raw of text.split(",")) {
      const p = raw.trim().replace(/^items\/?/, "");
      if (p === "") all = true;
      else props.add(p);
    }
    const names = all || props.size === 0 ? Object.keys(propTables.get(FakeWorksheet) ?? {}) : [...props];
    this._ctx._queue({
      kind: "load",
      bytes: jsonBytes({ o: this._id, load: names }),
      run: () => {
        const excel = this._require();
        const items = excel._liveSheets().map((s) => new FakeWorksheet(this._ctx, () => s, s));
        for (const item of items) {
          for (const n of names) {
            const def = (propTables.get(FakeWorksheet) as unknown as PropDefs<SheetState>)[n];
            if (!def?.get) throw fail.invalidArgument(`Worksheet has no loadable property "${n}"`);
            excel._respond(item as FakeObject<unknown>, n, clone(def.get(item._require(), item as FakeObject<SheetState>)));
          }
        }
        excel._respond(this as FakeObject<unknown>, "items", items);
      },
    });
    return this;
  }

  getItem(name: string): FakeWorksheet {
    return new FakeWorksheet(this._ctx, () => {
      const s = this._require()._findSheet(name);
      if (!s) throw fail.notFound(`worksheet "${name}"`);
      return s;
    });
  }

  getItemOrNullObject(name: string): FakeWorksheet {
    const ws = new FakeWorksheet(this._ctx, () => this._require()._findSheet(name) ?? null);
    ws._queueResolve();
    return ws;
  }

  getActiveWorksheet(): FakeWorksheet {
    return new FakeWorksheet(this._ctx, () => this._require()._active());
  }

  add(name?: string): FakeWorksheet {
    let created: SheetState | null = null;
    const ws = new FakeWorksheet(this._ctx, () => {
      if (!created) throw fail.invalidOperation("worksheet used before it was added");
      return created;
    });
    this._queueWrite("add", [name ?? null], () => {
      created = this._require()._addSheet(name);
    });
    return ws;
  }
}
defineProps(FakeWorksheetCollection, {});

class FakeWorksheet extends FakeObject<SheetState> {
  protected override _checkAlive(t: SheetState): void {
    if (t.deleted) throw fail.notFound(`worksheet "${t.name}" was deleted`);
  }

  get freezePanes(): FakeFreezePanes {
    return this._child("freezePanes", () => new FakeFreezePanes(this._ctx, () => this._resolve()));
  }
  get charts(): FakeChartCollection {
    return this._child("charts", () => new FakeChartCollection(this._ctx, () => this._resolve()));
  }
  get pageLayout(): FakePageLayout {
    return this._child("pageLayout", () => new FakePageLayout(this._ctx, () => this._resolve()));
  }
  get protection(): FakeWorksheetProtection {
    return this._child("protection", () => new FakeWorksheetProtection(this._ctx, () => this._resolve()));
  }
  get notes(): FakeSheetNoteCollection {
    return this._child("notes", () => new FakeSheetNoteCollection(this._ctx, () => this._resolve()));
  }

  /** Worksheet.copy (ExcelApi 1.7): a new sheet "Name (2)" with the same cells, merges, layout and charts. */
  copy(positionType: string = "None", relativeTo?: FakeWorksheet): FakeWorksheet {
    let created: SheetState | null = null;
    const ws = new FakeWorksheet(this._ctx, () => {
      if (!created) throw fail.invalidOperation("worksheet copy used before it was made");
      return created;
    });
    this._queueWrite("copy", [positionType, relativeTo ? { _ref: relativeTo._id } : null], () => {
      created = this._ctx._excel._copySheet(this._require(), positionType, relativeTo?._require() ?? null);
    });
    return ws;
  }

  getRange(address?: string): FakeRange {
    return new FakeRange(this._ctx, () => {
      const s = this._resolve();
      if (s === null) return null;
      return { sheet: s, rect: address === undefined ? { top: 0, left: 0, bottom: MAX_ROWS - 1, right: MAX_COLS - 1 } : parseAddress(address) };
    });
  }

  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): FakeRange {
    return new FakeRange(this._ctx, () => {
      const s = this._resolve();
      if (s === null) return null;
      const rect = { top: startRow, left: startColumn, bottom: startRow + rowCount - 1, right: startColumn + columnCount - 1 };
      if (rowCount < 1 || columnCount < 1 || rect.top < 0 || rect.left < 0 || rect.bottom >= MAX_ROWS || rect.right >= MAX_COLS) throw fail.invalidArgument("getRangeByIndexes");
      return { sheet: s, rect };
    });
  }

  getCell(row: number, column: number): FakeRange {
    return this.getRangeByIndexes(row, column, 1, 1);
  }

  getUsedRange(valuesOnly?: boolean): FakeRange {
    return new FakeRange(this._ctx, () => {
      const s = this._resolve();
      if (s === null) return null;
      return { sheet: s, rect: s.usedRect(!!valuesOnly) ?? { top: 0, left: 0, bottom: 0, right: 0 } };
    });
  }

  getUsedRangeOrNullObject(valuesOnly?: boolean): FakeRange {
    const r = new FakeRange(this._ctx, () => {
      const s = this._resolve();
      const rect = s?.usedRect(!!valuesOnly);
      return s && rect ? { sheet: s, rect } : null;
    });
    r._queueResolve();
    return r;
  }

  delete(): void {
    this._queueWrite("delete", [], () => this._ctx._excel._deleteSheet(this._require()));
  }

  activate(): void {
    this._queueWrite("activate", [], () => this._ctx._excel._activate(this._require()));
  }
}
defineProps(
  FakeWorksheet,
  {
    id: { get: (s) => s.id },
    name: {
      get: (s) => s.name,
      set: (s, v, self) => self._ctx._excel._rename(s, checkSheetName(v)),
    },
    visibility: {
      get: (s) => s.visibility,
      set: (s, v, self) => self._ctx._excel._setVisibility(s, v),
    },
    position: {
      get: (s, self) => self._ctx._excel._liveSheets().indexOf(s),
      set: (s, v, self) => self._ctx._excel._move(s, v),
    },
    tabColor: {
      get: (s) => s.tabColor,
      set: (s, v) => {
        if (typeof v !== "string" || (v !== "" && !/^#[0-9A-Fa-f]{6}$/.test(v))) throw fail.invalidArgument(`tabColor ${JSON.stringify(v)}`);
        s.tabColor = v;
      },
    },
    showGridlines: {
      get: (s) => s.showGridlines,
      set: (s, v) => {
        s.showGridlines = !!v;
      },
    },
  },
  ["freezePanes", "charts", "pageLayout", "protection"],
);

class FakeWorksheetProtection extends FakeObject<SheetState> {
  protect(options: Record<string, unknown> = {}, password?: string): void {
    this._queueWrite("protect", [options, password ?? null], () => {
      const s = this._require();
      // Excel refuses to protect a sheet that already is (WorksheetProtection.protect).
      if (s.protection) throw fail.invalidOperation(`worksheet "${s.name}" is already protected`);
      s.protection = { ...options };
    });
  }
  unprotect(password?: string): void {
    this._queueWrite("unprotect", [password ?? null], () => {
      this._require().protection = null;
    });
  }
}
defineProps(FakeWorksheetProtection, {
  protected: { get: (s) => s.protection !== null },
  options: { get: (s) => s.protection ?? {} },
});

/* Workbook.comments, Workbook.notes and Worksheet.notes: see "Comments and notes" at the end. */

class FakeFreezePanes extends FakeObject<SheetState> {
  freezeRows(count = 1): void {
    this._queueWrite("freezeRows", [count], () => {
      this._require().freeze = { rows: count, cols: 0 };
    });
  }
  freezeColumns(count = 1): void {
    this._queueWrite("freezeColumns", [count], () => {
      this._require().freeze = { rows: 0, cols: count };
    });
  }
  freezeAt(frozen: FakeRange | string): void {
    this._queueWrite("freezeAt", [typeof frozen === "string" ? frozen : { _ref: frozen._id }], () => {
      const s = this._require();
      const rect = typeof frozen === "string" ? parseAddress(frozen) : frozen._require().rect;
      s.freeze = { rows: rect.bottom + 1, cols: rect.right + 1 };
    });
  }
  unfreeze(): void {
    this._queueWrite("unfreeze", [], () => {
      this._require().freeze = null;
    });
  }
}
defineProps(FakeFreezePanes, {});

class FakePageLayout extends FakeObject<SheetState> {
  setPrintMargins(unit: string, options: Partial<Record<"top" | "bottom" | "left" | "right" | "header" | "footer", number>>): void {
    this._queueWrite("setPrintMargins", [unit, options], () => {
      const factor = unit === "Points" ? 1 : unit === "Inches" ? 72 : unit === "Centimeters" ? 72 / 2.54 : NaN;
      if (Number.isNaN(factor)) throw fail.invalidArgument(`margin unit ${unit}`);
      const p = this._require().pageLayout;
      for (const [k, v] of Object.entries(options)) {
        if (typeof v !== "number" || v < 0) throw fail.invalidArgument(`margin ${k}`);
        (p as unknown as Record<string, number>)[`${k}Margin`] = v * factor;
      }
    });
  }
}
const layoutProp = (name: keyof PageLayoutState, check: (v: unknown) => boolean): PropDef<SheetState> => ({
  get: (s) => s.pageLayout[name],
  set: (s, v) => {
    if (!check(v)) throw fail.invalidArgument(`pageLayout.${name} = ${JSON.stringify(v)}`);
    (s.pageLayout as unknown as Record<string, unknown>)[name] = v;
  },
});
const nonNegative = (v: unknown): boolean => typeof v === "number" && v >= 0;
defineProps(FakePageLayout, {
  orientation: layoutProp("orientation", (v) => v === "Portrait" || v === "Landscape"),
  paperSize: layoutProp("paperSize", (v) => typeof v === "string" && /^(Letter|Legal|A3|A4|A5|B4|B5)$/.test(v)),
  topMargin: layoutProp("topMargin", nonNegative),
  bottomMargin: layoutProp("bottomMargin", nonNegative),
  leftMargin: layoutProp("leftMargin", nonNegative),
  rightMargin: layoutProp("rightMargin", nonNegative),
  headerMargin: layoutProp("headerMargin", nonNegative),
  footerMargin: layoutProp("footerMargin", nonNegative),
  centerHorizontally: layoutProp("centerHorizontally", (v) => typeof v === "boolean"),
  centerVertically: layoutProp("centerVertically", (v) => typeof v === "boolean"),
  printGridlines: layoutProp("printGridlines", (v) => typeof v === "boolean"),
  zoom: layoutProp("zoom", (v) => {
    if (typeof v !== "object" || v === null) return false;
    const z = v as Record<string, unknown>;
    const ok = (k: string) => z[k] === undefined || z[k] === null || (typeof z[k] === "number" && (z[k] as number) >= 0);
    return (
      Object.keys(z).every((k) => ["scale", "horizontalFitToPages", "verticalFitToPages"].includes(k)) && ok("scale") && ok("horizontalFitToPages") && ok("verticalFitToPages")
    );
  }),
});

/* ---- Ranges ------------------------------------------------------------------------------ */

function cellsIn(t: RangeTarget): { row: number; col: number; cell: CellState | undefined }[] {
  const out: { row: number; col: number; cell: CellState | undefined }[] = [];
  for (let r = t.rect.top; r <= t.rect.bottom; r++) for (let c = t.rect.left; c <= t.rect.right; c++) out.push({ row: r, col: c, cell: t.sheet.get(r, c) });
  return out;
}

function grid<R>(t: RangeTarget, f: (cell: CellState | undefined) => R): R[][] {
  if (rectCells(t.rect) > 20_000_000) throw fail.invalidOperation("range too large to load");
  const out: R[][] = [];
  for (let r = t.rect.top; r <= t.rect.bottom; r++) {
    const line: R[] = [];
    for (let c = t.rect.left; c <= t.rect.right; c++) line.push(f(t.sheet.get(r, c)));
    out.push(line);
  }
  return out;
}

const shownValue = (c: CellState | undefined): string | number | boolean => {
  if (!c || c.value === null) return "";
  return isErrorValue(c.value) ? c.value.error : c.value;
};

const valueType = (c: CellState | undefined): string => {
  if (!c || c.value === null) return "Empty";
  if (isErrorValue(c.value)) return "Error";
  return typeof c.value === "number" ? "Double" : typeof c.value === "boolean" ? "Boolean" : "String";
};

function writeEntries(t: RangeTarget, raw: unknown, what: string): void {
  const at = gridInput(raw, t.rect, what);
  guardProtected(t, what);
  for (let r = t.rect.top; r <= t.rect.bottom; r++) {
    for (let c = t.rect.left; c <= t.rect.right; c++) {
      const existing = t.sheet.get(r, c);
      const e = interpretInput(at(r, c), existing?.numberFormat ?? "General", `${what} ${columnName(c)}${r + 1}`);
      if (e === "unchanged") continue;
      const cell = t.sheet.getOrCreate(r, c);
      cell.value = e.value;
      cell.formula = e.formula;
      cell.prefixed = e.prefixed;
    }
  }
}

function uniform<R>(t: RangeTarget, f: (cell: CellState | undefined) => R): R | null {
  let first: R | undefined;
  let seen = false;
  for (const { cell } of cellsIn(t)) {
    const v = f(cell);
    if (!seen) {
      first = v;
      seen = true;
    } else if (JSON.stringify(v) !== JSON.stringify(first)) return null;
  }
  return first ?? null;
}

function forEachCell(t: RangeTarget, f: (cell: CellState, row: number, col: number) => void): void {
  if (rectCells(t.rect) > 5_000_000) throw fail.invalidOperation("formatting a range this large is not supported by the fake");
  for (let r = t.rect.top; r <= t.rect.bottom; r++) for (let c = t.rect.left; c <= t.rect.right; c++) f(t.sheet.getOrCreate(r, c), r, c);
}

/** Range.getMergedAreasOrNullObject fails above this many areas (Excel JavaScript API reference). */
export const MAX_MERGED_AREAS_PER_READ = 512;
/** Range.cellCount is -1 past 2^31-1 cells (Excel JavaScript API reference, Range.cellCount). */
const cellCountOf = (n: number): number => (n > 2_147_483_647 ? -1 : n);

const overlaps = (a: Rect, b: Rect): boolean => a.left <= b.right && b.left <= a.right && a.top <= b.bottom && b.top <= a.bottom;

class FakeRange extends FakeObject<RangeTarget> {
  protected override _checkAlive(t: RangeTarget): void {
    if (t.sheet.deleted) throw fail.notFound(`worksheet "${t.sheet.name}" was deleted`);
  }

  get format(): FakeRangeFormat {
    return this._child("format", () => new FakeRangeFormat(this._ctx, () => this._resolve()));
  }

  private derived(f: (t: RangeTarget) => Rect): FakeRange {
    return new FakeRange(this._ctx, () => {
      const t = this._resolve();
      if (t === null) return null;
      const rect = f(t);
      if (rect.top < 0 || rect.left < 0 || rect.bottom >= MAX_ROWS || rect.right >= MAX_COLS || rect.bottom < rect.top || rect.right < rect.left)
        throw fail.invalidArgument("range out of bounds");
      return { sheet: t.sheet, rect };
    });
  }

  getCell(row: number, column: number): FakeRange {
    return this.derived((t) => ({ top: t.rect.top + row, left: t.rect.left + column, bottom: t.rect.top + row, right: t.rect.left + column }));
  }

  getResizedRange(deltaRows: number, deltaColumns: number): FakeRange {
    return this.derived((t) => ({ ...t.rect, bottom: t.rect.bottom + deltaRows, right: t.rect.right + deltaColumns }));
  }

  getAbsoluteResizedRange(numRows: number, numColumns: number): FakeRange {
    return this.derived((t) => ({ ...t.rect, bottom: t.rect.top + numRows - 1, right: t.rect.left + numColumns - 1 }));
  }

  getOffsetRange(rowOffset: number, columnOffset: number): FakeRange {
    return this.derived((t) => ({ top: t.rect.top + rowOffset, left: t.rect.left + columnOffset, bottom: t.rect.bottom + rowOffset, right: t.rect.right + columnOffset }));
  }

  /**
   * Only the areas whose top-left cell lies in the range, and a failure above 512 of them
   * (Range.getMergedAreasOrNullObject, Excel JavaScript API reference: "if the merged areas count
   * in this range is more than 512, then this method will fail to return the result"). The error
   * code is not documented; the fake uses GeneralException.
   */
  getMergedAreasOrNullObject(): FakeRangeAreas {
    const areas = new FakeRangeAreas(this._ctx, () => {
      this._ctx._excel._requireApi("Range", "getMergedAreasOrNullObject");
      const t = this._resolve();
      if (t === null) return null;
      const inside = (r: number, c: number) => r >= t.rect.top && r <= t.rect.bottom && c >= t.rect.left && c <= t.rect.right;
      const rects = t.sheet.merges.filter((m) => inside(m.top, m.left));
      if (rects.length > MAX_MERGED_AREAS_PER_READ) throw new FakeOfficeError("GeneralException", `More than ${MAX_MERGED_AREAS_PER_READ} merged areas in ${rectAddress(t.rect)}`);
      return rects.length ? { sheet: t.sheet, rects } : null;
    });
    areas._queueResolve();
    return areas;
  }

  merge(across = false): void {
    this._queueWrite("merge", [across], () => {
      const t = this._require();
      const rects = across ? Array.from({ length: t.rect.bottom - t.rect.top + 1 }, (_, i) => ({ ...t.rect, top: t.rect.top + i, bottom: t.rect.top + i })) : [t.rect];
      for (const rect of rects) {
        if (rectCells(rect) < 2) continue;
        if (t.sheet.merges.some((m) => overlaps(m, rect))) throw fail.invalidOperation(`merge ${rectAddress(rect)} overlaps an existing merged area`);
        // Excel keeps only the top-left value of a merged area.
        for (let r = rect.top; r <= rect.bottom; r++)
          for (let c = rect.left; c <= rect.right; c++) {
            if (r === rect.top && c === rect.left) continue;
            const cell = t.sheet.get(r, c);
            if (cell) {
              cell.value = null;
              cell.formula = null;
            }
          }
        t.sheet.merges.push(rect);
      }
    });
  }

  unmerge(): void {
    this._queueWrite("unmerge", [], () => {
      const t = this._require();
      t.sheet.merges = t.sheet.merges.filter((m) => !overlaps(m, t.rect));
    });
  }

  select(): void {
    this._queueWrite("select", [], () => {
      const t = this._require();
      this._ctx._excel._activate(t.sheet);
      this._ctx._excel.selection = { sheet: t.sheet.name, address: rectAddress(t.rect) };
    });
  }

  /** Range.clear: "All" (default) forgets the cells; merged areas stay (unmerge is its own call). */
  clear(applyTo: string = "All"): void {
    this._queueWrite("clear", [applyTo], () => {
      const t = this._require();
      guardProtected(t, "clear");
      if (!["All", "Formats", "Contents", "Hyperlinks", "RemoveHyperlinks"].includes(applyTo)) throw fail.invalidArgument(`clear ${applyTo}`);
      const whole = rectCells(t.rect) > 5_000_000;
      const cells = whole
        ? [...t.sheet.cells.keys()].filter((k) => {
            const r = Math.floor(k / MAX_COLS);
            const c = k % MAX_COLS;
            return r >= t.rect.top && r <= t.rect.bottom && c >= t.rect.left && c <= t.rect.right;
          })
        : cellsIn(t).map(({ row, col }) => key(row, col));
      for (const k of cells) {
        const cell = t.sheet.cells.get(k);
        if (!cell) continue;
        if (applyTo === "All") t.sheet.cells.delete(k);
        else if (applyTo === "Contents") Object.assign(cell, { value: null, formula: null, prefixed: false });
        else if (applyTo === "Formats") Object.assign(cell, { format: {}, numberFormat: "General" });
        else delete cell.hyperlink;
      }
    });
  }

  /** Range.copyFrom (ExcelApi 1.9), copyType "All" only: values, formulas, formats, from the source's top-left. */
  copyFrom(source: FakeRange | string, copyType: string = "All"): void {
    this._queueWrite("copyFrom", [typeof source === "string" ? source : { _ref: source._id }, copyType], () => {
      const t = this._require();
      if (copyType !== "All" || typeof source === "string") throw fail.invalidArgument("the fake copies ranges with copyType All only");
      const src = source._require();
      const copies = cellsIn(src).map(({ row, col, cell }) => ({ row: row - src.rect.top, col: col - src.rect.left, cell: cell ? clone(cell) : undefined }));
      for (const { row, col, cell } of copies) {
        const k = key(t.rect.top + row, t.rect.left + col);
        if (cell) t.sheet.cells.set(k, cell);
        else t.sheet.cells.delete(k);
      }
    });
  }

  get dataValidation(): FakeDataValidation {
    return this._child("dataValidation", () => new FakeDataValidation(this._ctx, () => this._resolve()));
  }
}
defineProps(
  FakeRange,
  {
    address: { get: (t) => `${excelQuote(t.sheet.name)}!${rectAddress(t.rect)}` },
    cellCount: { get: (t) => cellCountOf(rectCells(t.rect)) },
    rowCount: { get: (t) => t.rect.bottom - t.rect.top + 1 },
    columnCount: { get: (t) => t.rect.right - t.rect.left + 1 },
    rowIndex: { get: (t) => t.rect.top },
    columnIndex: { get: (t) => t.rect.left },
    values: {
      get: (t) => grid(t, shownValue),
      set: (t, v) => writeEntries(t, v, "values"),
    },
    formulas: {
      get: (t) => grid(t, (c) => c?.formula ?? shownValue(c)),
      set: (t, v) => writeEntries(t, v, "formulas"),
    },
    numberFormat: {
      get: (t) => grid(t, (c) => c?.numberFormat ?? "General"),
      set: (t, v) => {
        const at = gridInput(v, t.rect, "numberFormat");
        guardProtected(t, "numberFormat");
        for (let r = t.rect.top; r <= t.rect.bottom; r++)
          for (let c = t.rect.left; c <= t.rect.right; c++) {
            const f = at(r, c);
            if (f === null) continue;
            if (typeof f !== "string") throw fail.invalidArgument(`numberFormat ${JSON.stringify(f)}`);
            t.sheet.getOrCreate(r, c).numberFormat = f;
          }
      },
    },
    valueTypes: { get: (t) => grid(t, valueType) },
    text: { get: (t) => grid(t, (c) => String(shownValue(c))) },
    hyperlink: {
      get: (t) => t.sheet.get(t.rect.top, t.rect.left)?.hyperlink ?? null,
      set: (t, v) => {
        if (typeof v !== "object" || v === null) throw fail.invalidArgument("hyperlink");
        const h = v as FakeHyperlink;
        const keys = Object.keys(h);
        if (!keys.every((k) => ["documentReference", "address", "textToDisplay", "screenTip"].includes(k))) throw fail.invalidArgument(`hyperlink keys ${keys.join(",")}`);
        if (h.documentReference !== undefined && !/^('([^']|'')+'|[^'!:\\/?*[\]]+)!\$?[A-Za-z]{1,3}\$?\d+(:\$?[A-Za-z]{1,3}\$?\d+)?$/.test(h.documentReference)) {
          throw fail.invalidArgument(`hyperlink documentReference ${JSON.stringify(h.documentReference)}`);
        }
        forEachCell(t, (cell) => {
          cell.hyperlink = { ...h };
          if (h.textToDisplay !== undefined) {
            cell.value = h.textToDisplay;
            cell.formula = null;
          }
        });
      },
    },
  },
  ["format", "dataValidation"],
);

/** Writes to locked cells of a protected sheet fail, as in Excel. */
function guardProtected(t: RangeTarget, what: string): void {
  if (!t.sheet.protection) return;
  for (const { cell } of rectCells(t.rect) > 100_000 ? [{ cell: undefined }] : cellsIn(t)) {
    if (!cell?.unlocked) throw fail.accessDenied(`${what} on the protected worksheet "${t.sheet.name}"`);
  }
}

class FakeDataValidation extends FakeObject<RangeTarget> {
  clear(): void {
    this._queueWrite("clear", [], () => forEachCell(this._require(), (cell) => void delete cell.validation));
  }
}
const validationProp = (name: keyof FakeValidation, check: (v: unknown) => boolean): PropDef<RangeTarget> => ({
  get: (t) => uniform(t, (c) => c?.validation?.[name] ?? null),
  set: (t, v) => {
    if (!check(v)) throw fail.invalidArgument(`dataValidation.${name} = ${JSON.stringify(v)}`);
    forEachCell(t, (cell) => {
      (cell.validation ??= {})[name] = clone(v) as never;
    });
  },
});
const isObject = (v: unknown): boolean => typeof v === "object" && v !== null;
const VALIDATION_KINDS = ["wholeNumber", "decimal", "textLength", "date", "time", "list", "custom"];
const VALIDATION_OPERATORS = ["Between", "NotBetween", "EqualTo", "NotEqualTo", "GreaterThan", "LessThan", "GreaterThanOrEqualTo", "LessThanOrEqualTo"];
defineProps(FakeDataValidation, {
  rule: validationProp("rule", (v) => {
    if (!isObject(v)) return false;
    const kinds = Object.keys(v as object);
    if (kinds.length !== 1 || !VALIDATION_KINDS.includes(kinds[0])) return false;
    const basic = (v as Record<string, Record<string, unknown>>)[kinds[0]];
    if (kinds[0] === "wholeNumber" || kinds[0] === "decimal") {
      if (!VALIDATION_OPERATORS.includes(basic.operator as string) || basic.formula1 === undefined) return false;
      if ((basic.operator === "Between" || basic.operator === "NotBetween") && basic.formula2 === undefined) return false;
    }
    return true;
  }),
  ignoreBlanks: validationProp("ignoreBlanks", (v) => typeof v === "boolean"),
  // The prompt's title is limited to 32 characters and its message to 255 (as in Excel's dialog).
  prompt: validationProp(
    "prompt",
    (v) => isObject(v) && String((v as { title?: string }).title ?? "").length <= 32 && String((v as { message?: string }).message ?? "").length <= 255,
  ),
  errorAlert: validationProp(
    "errorAlert",
    (v) =>
      isObject(v) &&
      ["Stop", "Warning", "Information", undefined].includes((v as { style?: string }).style) &&
      String((v as { title?: string }).title ?? "").length <= 32 &&
      String((v as { message?: string }).message ?? "").length <= 255,
  ),
});

interface AreasTarget {
  sheet: SheetState;
  rects: Rect[];
}

class FakeRangeAreas extends FakeObject<AreasTarget> {}
defineProps(FakeRangeAreas, {
  address: { get: (t) => t.rects.map((r) => `${excelQuote(t.sheet.name)}!${rectAddress(r)}`).join(", ") },
  areaCount: { get: (t) => t.rects.length },
  cellCount: { get: (t) => cellCountOf(t.rects.reduce((s, r) => s + rectCells(r), 0)) },
});

/* ---- Range formatting -------------------------------------------------------------------- */

const HORIZONTAL = ["General", "Left", "Center", "Right", "Fill", "Justify", "CenterAcrossSelection", "Distributed"];
const VERTICAL = ["Top", "Center", "Bottom", "Justify", "Distributed"];
const COLOR = /^#[0-9A-Fa-f]{6}$/;

function formatProp<K extends keyof CellFormat>(name: K, fallback: CellFormat[K], check: (v: unknown) => boolean): PropDef<RangeTarget> {
  return {
    get: (t) => uniform(t, (c) => c?.format[name] ?? fallback),
    set: (t, v) => {
      if (!check(v)) throw fail.invalidArgument(`format ${name} = ${JSON.stringify(v)}`);
      forEachCell(t, (cell) => {
        cell.format[name] = v as CellFormat[K];
      });
    },
  };
}

class FakeRangeFormat extends FakeObject<RangeTarget> {
  get font(): FakeRangeFont {
    return this._child("font", () => new FakeRangeFont(this._ctx, () => this._resolve()));
  }
  get fill(): FakeRangeFill {
    return this._child("fill", () => new FakeRangeFill(this._ctx, () => this._resolve()));
  }
  get borders(): FakeRangeBorderCollection {
    return this._child("borders", () => new FakeRangeBorderCollection(this._ctx, () => this._resolve()));
  }
  get protection(): FakeFormatProtection {
    return this._child("protection", () => new FakeFormatProtection(this._ctx, () => this._resolve()));
  }
  autofitColumns(): void {
    this._queueWrite("autofitColumns", [], () => void this._require());
  }
  autofitRows(): void {
    this._queueWrite("autofitRows", [], () => void this._require());
  }
}
defineProps(
  FakeRangeFormat,
  {
    horizontalAlignment: formatProp("horizontalAlignment", "General", (v) => HORIZONTAL.includes(v as string)),
    verticalAlignment: formatProp("verticalAlignment", "Bottom", (v) => VERTICAL.includes(v as string)),
    wrapText: formatProp("wrapText", false, (v) => typeof v === "boolean"),
    columnWidth: {
      get: (t) => {
        const ws = new Set<number>();
        for (let c = t.rect.left; c <= t.rect.right; c++) ws.add(t.sheet.columnWidths.get(c) ?? DEFAULT_COLUMN_WIDTH);
        return ws.size === 1 ? [...ws][0] : null;
      },
      set: (t, v) => {
        if (typeof v !== "number" || v < 0 || v > 1800) throw fail.invalidArgument(`columnWidth ${v}`);
        for (let c = t.rect.left; c <= t.rect.right; c++) t.sheet.columnWidths.set(c, v);
      },
    },
    useStandardWidth: {
      get: (t) => [...Array(t.rect.right - t.rect.left + 1).keys()].every((i) => !t.sheet.columnWidths.has(t.rect.left + i)),
      set: (t, v) => {
        if (v === true) for (let c = t.rect.left; c <= t.rect.right; c++) t.sheet.columnWidths.delete(c);
      },
    },
    useStandardHeight: {
      get: (t) => [...t.sheet.rowHeights.keys()].every((r) => r < t.rect.top || r > t.rect.bottom),
      set: (t, v) => {
        if (v === true) for (const r of [...t.sheet.rowHeights.keys()]) if (r >= t.rect.top && r <= t.rect.bottom) t.sheet.rowHeights.delete(r);
      },
    },
    rowHeight: {
      get: (t) => {
        const hs = new Set<number>();
        for (let r = t.rect.top; r <= Math.min(t.rect.bottom, t.rect.top + 100000); r++) hs.add(t.sheet.rowHeights.get(r) ?? DEFAULT_ROW_HEIGHT);
        return hs.size === 1 ? [...hs][0] : null;
      },
      set: (t, v) => {
        if (typeof v !== "number" || v < 0 || v > 409) throw fail.invalidArgument(`rowHeight ${v}`);
        for (let r = t.rect.top; r <= t.rect.bottom; r++) t.sheet.rowHeights.set(r, v);
      },
    },
  },
  ["font", "fill", "borders", "protection"],
);
class FakeFormatProtection extends FakeObject<RangeTarget> {}
defineProps(FakeFormatProtection, {
  locked: {
    get: (t) => uniform(t, (c) => !c?.unlocked),
    set: (t, v) => {
      if (typeof v !== "boolean") throw fail.invalidArgument(`protection.locked ${JSON.stringify(v)}`);
      if (t.sheet.protection) throw fail.accessDenied(`locking cells of the protected worksheet "${t.sheet.name}"`);
      forEachCell(t, (cell) => {
        cell.unlocked = !v;
      });
    },
  },
});

class FakeRangeFont extends FakeObject<RangeTarget> {}
defineProps(FakeRangeFont, {
  bold: formatProp("bold", false, (v) => typeof v === "boolean"),
  italic: formatProp("italic", false, (v) => typeof v === "boolean"),
  underline: formatProp("underline", "None", (v) => ["None", "Single", "Double", "SingleAccountant", "DoubleAccountant"].includes(v as string)),
  size: formatProp("size", 11, (v) => typeof v === "number" && v >= 1 && v <= 409),
  name: formatProp("fontName", "Calibri", (v) => typeof v === "string" && v.length > 0),
  color: formatProp("fontColor", "#000000", (v) => typeof v === "string" && COLOR.test(v)),
});

class FakeRangeFill extends FakeObject<RangeTarget> {
  clear(): void {
    this._queueWrite("clear", [], () =>
      forEachCell(this._require(), (cell) => {
        delete cell.format.fill;
      }),
    );
  }
}
defineProps(FakeRangeFill, {
  color: formatProp("fill", "#FFFFFF", (v) => typeof v === "string" && COLOR.test(v)),
});

const BORDER_INDEXES = ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight", "InsideVertical", "InsideHorizontal", "DiagonalDown", "DiagonalUp"];

/** The cell edges a border index covers in a rectangle. */
function borderEdges(index: string, r: Rect): { row: number; col: number; edge: Edge }[] {
  const out: { row: number; col: number; edge: Edge }[] = [];
  for (let row = r.top; row <= r.bottom; row++)
    for (let col = r.left; col <= r.right; col++) {
      if (index === "EdgeTop" && row === r.top) out.push({ row, col, edge: "top" });
      if (index === "EdgeBottom" && row === r.bottom) out.push({ row, col, edge: "bottom" });
      if (index === "EdgeLeft" && col === r.left) out.push({ row, col, edge: "left" });
      if (index === "EdgeRight" && col === r.right) out.push({ row, col, edge: "right" });
      if (index === "InsideHorizontal" && row > r.top) out.push({ row, col, edge: "top" }, { row: row - 1, col, edge: "bottom" });
      if (index === "InsideVertical" && col > r.left) out.push({ row, col, edge: "left" }, { row, col: col - 1, edge: "right" });
    }
  return out;
}

interface BorderTarget extends RangeTarget {
  index: string;
}

class FakeRangeBorderCollection extends FakeObject<RangeTarget> {
  getItem(index: string): FakeRangeBorder {
    return new FakeRangeBorder(this._ctx, () => {
      const t = this._resolve();
      if (t === null) return null;
      if (!BORDER_INDEXES.includes(index)) throw fail.invalidArgument(`border index ${index}`);
      return { ...t, index };
    });
  }
}
defineProps(FakeRangeBorderCollection, {});

function borderProp(name: keyof BorderState, allowed: (v: unknown) => boolean): PropDef<BorderTarget> {
  return {
    get: (t) => {
      const vals = new Set(
        borderEdges(t.index, t.rect).map(
          ({ row, col, edge }) => t.sheet.get(row, col)?.format.borders?.[edge]?.[name] ?? (name === "style" ? "None" : name === "color" ? "#000000" : "Thin"),
        ),
      );
      return vals.size === 1 ? [...vals][0] : null;
    },
    set: (t, v) => {
      if (!allowed(v)) throw fail.invalidArgument(`border ${name} = ${JSON.stringify(v)}`);
      if (rectCells(t.rect) > 5_000_000) throw fail.invalidOperation("border on a range this large");
      for (const { row, col, edge } of borderEdges(t.index, t.rect)) {
        const cell = t.sheet.getOrCreate(row, col);
        const borders = (cell.format.borders ??= {});
        const b = (borders[edge] ??= { style: "None", color: "#000000", weight: "Thin" });
        (b as unknown as Record<string, unknown>)[name] = v;
      }
    },
  };
}

class FakeRangeBorder extends FakeObject<BorderTarget> {}
defineProps(FakeRangeBorder, {
  style: borderProp("style", (v) => ["None", "Continuous", "Dash", "DashDot", "DashDotDot", "Dot", "Double", "SlantDashDot"].includes(v as string)),
  color: borderProp("color", (v) => typeof v === "string" && COLOR.test(v)),
  weight: borderProp("weight", (v) => ["Hairline", "Thin", "Medium", "Thick"].includes(v as string)),
});

/* ---- Charts ------------------------------------------------------------------------------ */

const CHART_TYPES = new Set([
  "ColumnClustered",
  "ColumnStacked",
  "ColumnStacked100",
  "BarClustered",
  "BarStacked",
  "BarStacked100",
  "Line",
  "LineMarkers",
  "LineStacked",
  "Pie",
  "Doughnut",
  "Area",
  "AreaStacked",
  "XYScatter",
  "Radar",
]);

class FakeChartCollection extends FakeObject<SheetState> {
  get items(): FakeChart[] {
    return this._read("items") as FakeChart[];
  }

  override load(arg?: string | string[] | { select?: string }): this {
    const text = typeof arg === "string" ? arg : Array.isArray(arg) ? arg.join(",") : (arg?.select ?? "");
    const names = text
      .split(",")
      .map((p) => p.trim().replace(/^items\/?/, ""))
      .filter((p) => p !== "");
    this._ctx._queue({
      kind: "load",
      bytes: jsonBytes({ o: this._id, load: names }),
      run: () => {
        const s = this._resolve();
        if (s === null) return;
        const items = s.charts.filter((c) => !c.deleted).map((c) => new FakeChart(this._ctx, () => c, c));
        for (const item of items)
          for (const n of names.length ? names : ["name"]) {
            const def = (propTables.get(FakeChart) as unknown as PropDefs<ChartState>)[n];
            if (!def?.get) throw fail.invalidArgument(`Chart has no loadable property "${n}"`);
            this._ctx._excel._respond(item as FakeObject<unknown>, n, clone(def.get(item._require(), item as FakeObject<ChartState>)));
          }
        this._ctx._excel._respond(this as FakeObject<unknown>, "items", items);
      },
    });
    return this;
  }

  add(type: string, sourceData: FakeRange, seriesBy: string = "Auto"): FakeChart {
    let created: ChartState | null = null;
    const chart = new FakeChart(this._ctx, () => {
      if (!created) throw fail.invalidOperation("chart used before it was added");
      return created;
    });
    this._queueWrite("add", [type, { _ref: sourceData._id }, seriesBy], () => {
      const s = this._require();
      if (!CHART_TYPES.has(type)) throw fail.invalidArgument(`chart type ${type}`);
      if (!["Auto", "Columns", "Rows"].includes(seriesBy)) throw fail.invalidArgument(`seriesBy ${seriesBy}`);
      const src = sourceData._require();
      const byColumns = seriesBy === "Columns" || (seriesBy === "Auto" && src.rect.bottom - src.rect.top >= src.rect.right - src.rect.left);
      const series: SeriesState[] = [];
      if (byColumns)
        for (let c = src.rect.left; c <= src.rect.right; c++) series.push({ name: null, values: { sheet: src.sheet, rect: { ...src.rect, left: c, right: c } }, xValues: null });
      else for (let r = src.rect.top; r <= src.rect.bottom; r++) series.push({ name: null, values: { sheet: src.sheet, rect: { ...src.rect, top: r, bottom: r } }, xValues: null });
      created = {
        name: `Chart ${s.charts.length + 1}`,
        type,
        seriesBy,
        source: src,
        title: null,
        legend: { position: "Right", visible: true },
        position: null,
        series,
        deleted: false,
      };
      s.charts.push(created);
    });
    return chart;
  }
}
Object.defineProperty(FakeChartCollection.prototype, "getItem", {
  value(this: FakeChartCollection, name: string): FakeChart {
    return new FakeChart(this._ctx, () => {
      const s = this._require();
      const c = s.charts.find((x) => !x.deleted && x.name === name);
      if (!c) throw fail.notFound(`chart "${name}"`);
      return c;
    });
  },
});
defineProps(FakeChartCollection, { count: { get: (s) => s.charts.filter((c) => !c.deleted).length } });

class FakeChart extends FakeObject<ChartState> {
  protected override _checkAlive(t: ChartState): void {
    if (t.deleted || t.source.sheet.deleted) throw fail.notFound("chart was deleted");
  }
  get title(): FakeChartTitle {
    return this._child("title", () => new FakeChartTitle(this._ctx, () => this._resolve()));
  }
  get legend(): FakeChartLegend {
    return this._child("legend", () => new FakeChartLegend(this._ctx, () => this._resolve()));
  }
  get series(): FakeChartSeriesCollection {
    return this._child("series", () => new FakeChartSeriesCollection(this._ctx, () => this._resolve()));
  }
  setPosition(startCell: FakeRange | string, endCell?: FakeRange | string): void {
    const addr = (x: FakeRange | string): string => (typeof x === "string" ? rectAddress(parseAddress(x)) : rectAddress(x._require().rect));
    this._queueWrite(
      "setPosition",
      [typeof startCell === "string" ? startCell : { _ref: startCell._id }, endCell === undefined ? null : typeof endCell === "string" ? endCell : { _ref: endCell._id }],
      () => {
        this._require().position = { start: addr(startCell), end: endCell === undefined ? null : addr(endCell) };
      },
    );
  }
  delete(): void {
    this._queueWrite("delete", [], () => {
      this._require().deleted = true;
    });
  }
}
defineProps(
  FakeChart,
  {
    name: {
      get: (c) => c.name,
      set: (c, v) => {
        c.name = String(v);
      },
    },
    chartType: {
      get: (c) => c.type,
      set: (c, v) => {
        if (!CHART_TYPES.has(v as string)) throw fail.invalidArgument(`chart type ${v}`);
        c.type = v as string;
      },
    },
  },
  ["title", "legend", "series"],
);

class FakeChartTitle extends FakeObject<ChartState> {}
defineProps(FakeChartTitle, {
  text: {
    get: (c) => c.title ?? "",
    set: (c, v) => {
      c.title = String(v);
    },
  },
});

class FakeChartLegend extends FakeObject<ChartState> {}
defineProps(FakeChartLegend, {
  position: {
    get: (c) => c.legend.position,
    set: (c, v) => {
      if (!["Top", "Bottom", "Left", "Right", "Corner", "Custom"].includes(v as string)) throw fail.invalidArgument(`legend position ${v}`);
      c.legend.position = v as string;
    },
  },
  visible: {
    get: (c) => c.legend.visible,
    set: (c, v) => {
      c.legend.visible = !!v;
    },
  },
});

interface SeriesTarget {
  chart: ChartState;
  series: SeriesState;
}

class FakeChartSeriesCollection extends FakeObject<ChartState> {
  getItemAt(index: number): FakeChartSeries {
    return new FakeChartSeries(this._ctx, () => {
      const c = this._require();
      const s = c.series[index];
      if (!s) throw fail.notFound(`chart series ${index}`);
      return { chart: c, series: s };
    });
  }
  add(name?: string, index?: number): FakeChartSeries {
    let created: SeriesTarget | null = null;
    const s = new FakeChartSeries(this._ctx, () => {
      if (!created) throw fail.invalidOperation("series used before it was added");
      return created;
    });
    this._queueWrite("add", [name ?? null, index ?? null], () => {
      const c = this._require();
      const series: SeriesState = { name: name ?? null, values: null, xValues: null };
      if (index === undefined) c.series.push(series);
      else c.series.splice(index, 0, series);
      created = { chart: c, series };
    });
    return s;
  }
}
defineProps(FakeChartSeriesCollection, {
  count: { get: (c) => c.series.length },
});

class FakeChartSeries extends FakeObject<SeriesTarget> {
  setValues(sourceData: FakeRange): void {
    this._queueWrite("setValues", [{ _ref: sourceData._id }], () => {
      this._require().series.values = sourceData._require();
    });
  }
  setXAxisValues(sourceData: FakeRange): void {
    this._queueWrite("setXAxisValues", [{ _ref: sourceData._id }], () => {
      this._require().series.xValues = sourceData._require();
    });
  }
}
defineProps(FakeChartSeries, {
  name: {
    get: (t) => t.series.name ?? "",
    set: (t, v) => {
      t.series.name = String(v);
    },
  },
});

/* ----------------------------------------------------------------------------------------------
 * The fake workbook: state, sync, failure injection, views for assertions
 * -------------------------------------------------------------------------------------------- */

export interface FakeCellView {
  value: CellValue;
  formula: string | null;
  numberFormat: string;
  /** Entered with a leading apostrophe. */
  prefixed: boolean;
  font: { bold: boolean; italic: boolean; underline: string; size: number; name: string; color: string };
  fill: string | null;
  horizontalAlignment: string;
  verticalAlignment: string;
  wrapText: boolean;
  borders: Partial<Record<Edge, BorderState>>;
  hyperlink: FakeHyperlink | null;
  validation: FakeValidation | null;
  locked: boolean;
  comment: string | null;
  note: string | null;
}

export interface FakeChartView {
  type: string;
  seriesBy: string;
  /** "Sheet!A1:B2" (sheet names unquoted, as they are now). */
  source: string;
  title: string | null;
  legend: { position: string; visible: boolean };
  position: { start: string; end: string | null } | null;
  series: { name: string | null; values: string | null; xValues: string | null }[];
}

export interface FakeSheetView {
  name: string;
  visibility: string;
  position: number;
  tabColor: string;
  freeze: { rows: number; cols: number } | null;
  merges: string[];
  /** Column letter → points, only columns set away from the default. */
  columnWidths: Record<string, number>;
  /** 1-based row number → points, only rows set away from the default. */
  rowHeights: Record<number, number>;
  pageLayout: PageLayoutState;
  charts: FakeChartView[];
  /** The options the sheet is protected with, or null. */
  protection: Record<string, unknown> | null;
}

export interface FakeOptions {
  /** The ExcelApi version this Excel has (default 1.18: everything the add-in may use). */
  apiLevel?: ApiLevel;
  /** Largest request a sync accepts (Excel on the web: 5 MB). */
  requestLimitBytes?: number;
  /** Largest response a sync may produce (Excel on the web: 5 MB). */
  responseLimitBytes?: number;
}

const FIVE_MB = 5 * 1024 * 1024;

export class FakeExcel {
  private sheets: SheetState[] = [];
  _names: NameState[] = [];
  private activeSheet: SheetState | null = null;
  private nextSheetId = 1;
  private writeCount = 0;
  private readonly syncFailures = new Map<number, { error: Error; afterOps: number }>();
  private readonly writeFailures = new Map<number, Error>();
  private current: { loads: PendingLoad[]; record: SyncRecord } | null = null;

  selection: { sheet: string; address: string } | null = null;
  calculationMode = "Automatic";
  eventsEnabled = true;
  readonly syncLog: SyncRecord[] = [];
  readonly requestLimitBytes: number;
  readonly responseLimitBytes: number;

  readonly apiLevel: ApiLevel;

  constructor(options: FakeOptions = {}) {
    this.requestLimitBytes = options.requestLimitBytes ?? FIVE_MB;
    this.responseLimitBytes = options.responseLimitBytes ?? FIVE_MB;
    this.apiLevel = options.apiLevel ?? "1.18";
  }

  /** Office.context.requirements.isSetSupported as this Excel answers it (ExcelApi only). */
  readonly supports = (set: string, version: string): boolean => set === "ExcelApi" && minor(version) <= minor(this.apiLevel);

  /** Throws ApiNotAvailable at sync for a member newer than this Excel's level. */
  _requireApi(cls: string, member: string): void {
    const since = API_SINCE[`${cls}.${member}`] ?? API_SINCE[cls];
    if (since !== undefined && since > minor(this.apiLevel)) throw fail.apiNotAvailable(`${cls}.${member}`, `ExcelApi ${this.apiLevel}`);
  }

  /* ---- public API for tests ---- */

  /** Like Excel.run: a fresh request context; queued work left unsynced at the end is an error. */
  async run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
    const ctx = new FakeContext(this);
    const result = await batch(ctx as unknown as Excel.RequestContext);
    if (ctx._ops.length) throw new Error(`excelFake: ${ctx._ops.length} queued operation(s) were never synced`);
    return result;
  }

  get syncCount(): number {
    return this.syncLog.length;
  }

  get maxRequestBytes(): number {
    return this.syncLog.reduce((m, r) => Math.max(m, r.requestBytes), 0);
  }

  get maxResponseBytes(): number {
    return this.syncLog.reduce((m, r) => Math.max(m, r.responseBytes), 0);
  }

  /** Forget the sync log (e.g. after seeding through the API). */
  resetLog(): void {
    this.syncLog.length = 0;
  }

  /**
   * Make the n-th sync from now fail with `error` after `afterOps` of its operations have been
   * applied (default 0: nothing of that batch is applied).
   */
  failOnSync(n: number, error: Error = new FakeOfficeError("GeneralException", "Injected failure"), opts: { afterOps?: number } = {}): void {
    this.syncFailures.set(this.syncLog.length + n, { error, afterOps: opts.afterOps ?? 0 });
  }

  /** Make the k-th write operation from now fail (earlier writes of its batch stay applied). */
  failOnWrite(k: number, error: Error = new FakeOfficeError("GeneralException", "Injected failure")): void {
    this.writeFailures.set(this.writeCount + k, error);
  }

  /** Count of write operations applied so far (property writes and method calls). */
  get writesApplied(): number {
    return this.writeCount;
  }

  sheetNames(): string[] {
    return this.sheets.map((s) => s.name);
  }

  get activeSheetName(): string | null {
    return this.activeSheet?.name ?? null;
  }

  /** The sheet's cells in snapshot shape (used range with valuesOnly semantics). */
  cellsOf(sheetName: string): SheetSnapshot {
    const s = this.mustFind(sheetName);
    const rect = s.usedRect(true);
    const visibility: SheetVisibility = s.visibility === "Visible" ? "visible" : s.visibility === "Hidden" ? "hidden" : "veryHidden";
    const base = { name: s.name, visibility, merges: s.merges.map(rectAddress) };
    if (!rect) return { ...base, top: 0, left: 0, values: [], formulas: [], numberFormats: [] };
    const t = { sheet: s, rect };
    return {
      ...base,
      top: rect.top,
      left: rect.left,
      values: grid(t, (c): CellValue => (c ? (isErrorValue(c.value) ? { error: c.value.error } : c.value) : null)),
      formulas: grid(t, (c) => c?.formula ?? null),
      numberFormats: grid(t, (c) => c?.numberFormat ?? "General"),
    };
  }

  cell(sheetName: string, address: string): FakeCellView {
    const s = this.mustFind(sheetName);
    const r = parseAddress(address);
    const c = s.get(r.top, r.left);
    const f = c?.format ?? {};
    return {
      value: c ? (isErrorValue(c.value) ? { error: c.value.error } : c.value) : null,
      formula: c?.formula ?? null,
      numberFormat: c?.numberFormat ?? "General",
      prefixed: c?.prefixed ?? false,
      font: {
        bold: f.bold ?? false,
        italic: f.italic ?? false,
        underline: f.underline ?? "None",
        size: f.size ?? 11,
        name: f.fontName ?? "Calibri",
        color: f.fontColor ?? "#000000",
      },
      fill: f.fill ?? null,
      horizontalAlignment: f.horizontalAlignment ?? "General",
      verticalAlignment: f.verticalAlignment ?? "Bottom",
      wrapText: f.wrapText ?? false,
      borders: clone(f.borders ?? {}),
      hyperlink: c?.hyperlink ? { ...c.hyperlink } : null,
      validation: c?.validation ? clone(c.validation) : null,
      locked: !c?.unlocked,
      comment: reviewState(this).threads.find((t) => t.sheet === s.name && t.cell === rectAddress(r))?.content ?? null,
      note: reviewState(this).notes.find((n) => n.sheet === s.name && n.cell === rectAddress(r))?.content ?? null,
    };
  }

  sheet(sheetName: string): FakeSheetView {
    const s = this.mustFind(sheetName);
    // A series whose sheet was deleted shows #REF!, as Excel's series formula does.
    const where = (t: RangeTarget | null): string | null => (t ? (t.sheet.deleted ? "#REF!" : `${t.sheet.name}!${rectAddress(t.rect)}`) : null);
    return {
      name: s.name,
      visibility: s.visibility,
      position: this.sheets.indexOf(s),
      tabColor: s.tabColor,
      freeze: s.freeze ? { ...s.freeze } : null,
      merges: s.merges.map(rectAddress),
      columnWidths: Object.fromEntries([...s.columnWidths].sort((a, b) => a[0] - b[0]).map(([c, w]) => [columnName(c), w])),
      rowHeights: Object.fromEntries([...s.rowHeights].sort((a, b) => a[0] - b[0]).map(([r, h]) => [r + 1, h])),
      pageLayout: clone(s.pageLayout),
      protection: s.protection ? { ...s.protection } : null,
      charts: s.charts
        .filter((c) => !c.deleted)
        .map((c) => ({
          type: c.type,
          seriesBy: c.seriesBy,
          source: where(c.source) ?? "",
          title: c.title,
          legend: { ...c.legend },
          position: c.position ? { ...c.position } : null,
          series: c.series.map((x) => ({ name: x.name, values: where(x.values), xValues: where(x.xValues) })),
        })),
    };
  }

  /** The workbook's defined names and what they refer to, as they are now. */
  names(): { name: string; formula: string; visible: boolean }[] {
    return this._names.map((n) => ({ name: n.name, formula: n.formula, visible: n.visible }));
  }

  /** Define a workbook name directly (test setup). */
  addName(name: string, formula: string): void {
    checkDefinedName(name);
    this._names.push({ name, formula: formula.startsWith("=") ? formula : `=${formula}`, visible: true, comment: "", deleted: false });
  }

  /** The fake sheet's identity, to tell a sheet rewritten in place from a new one of the same name. */
  sheetId(sheetName: string): string {
    return this.mustFind(sheetName).id;
  }

  /**
   * The value a cell shows, following formulas that are one plain reference ("=Sheet!E7",
   * "='My sheet'!$E$7", "=E7") the way Excel would calculate them; other formulas are not
   * calculated (null), a reference to a deleted sheet is #REF!.
   */
  evaluate(sheetName: string, address: string, depth = 0): CellValue {
    const s = this.mustFind(sheetName);
    const r = parseAddress(address);
    const c = s.get(r.top, r.left);
    if (!c) return null;
    if (c.formula === null) return isErrorValue(c.value) ? { error: c.value.error } : c.value;
    const m = /^=(?:('(?:[^']|'')+'|[^'!]+)!)?(\$?[A-Z]{1,3}\$?\d+)$/i.exec(c.formula);
    if (!m || depth > 50) return null;
    const sheet = m[1] === undefined ? s.name : m[1].startsWith("'") ? m[1].slice(1, -1).replace(/''/g, "'") : m[1];
    if (sheet === "#REF") return { error: "#REF!" };
    if (!this._findSheet(sheet)) return { error: "#REF!" };
    return this.evaluate(sheet, m[2].replace(/\$/g, ""), depth + 1);
  }

  /** Add a sheet directly (test setup, no sync counted). */
  addSheet(name: string, opts: { visibility?: "Visible" | "Hidden" | "VeryHidden" } = {}): void {
    const s = this._addSheet(name);
    if (opts.visibility) s.visibility = opts.visibility;
  }

  /** Seed one sheet's cells from a snapshot sheet (test setup, no sync counted). */
  seedSheet(snap: SheetSnapshot): void {
    const vis = snap.visibility === "visible" ? "Visible" : snap.visibility === "hidden" ? "Hidden" : "VeryHidden";
    const s = this._addSheet(snap.name);
    s.visibility = vis;
    snap.values.forEach((line, r) =>
      line.forEach((v, c) => {
        const formula = snap.formulas[r]?.[c] ?? null;
        const nf = snap.numberFormats[r]?.[c] ?? "General";
        if (v === null && formula === null && nf === "General") return;
        const cell = s.getOrCreate(snap.top + r, snap.left + c);
        cell.value = v === null ? null : typeof v === "object" ? { error: v.error } : v;
        cell.formula = formula;
        cell.numberFormat = nf;
      }),
    );
    s.merges = snap.merges.map(parseAddress);
  }

  /* ---- internals used by proxies ---- */

  _liveSheets(): SheetState[] {
    return this.sheets;
  }

  _findName(name: string): NameState | undefined {
    return this._names.find((n) => sameName(n.name, name));
  }

  _deleteName(n: NameState): void {
    this._names = this._names.filter((x) => x !== n);
    n.deleted = true;
  }

  _copySheet(src: SheetState, positionType: string, relativeTo: SheetState | null): SheetState {
    if (!["None", "Before", "After", "Beginning", "End"].includes(positionType)) throw fail.invalidArgument(`copy position ${positionType}`);
    let i = 2;
    const base = src.name.replace(/ \(\d+\)$/, "").slice(0, 25);
    while (this._findSheet(`${base} (${i})`)) i++;
    const copy = this._addSheet(`${base} (${i})`);
    for (const [k, c] of src.cells) copy.cells.set(k, clone(c));
    for (const [k, w] of src.columnWidths) copy.columnWidths.set(k, w);
    for (const [k, h] of src.rowHeights) copy.rowHeights.set(k, h);
    copy.merges = src.merges.map((m) => ({ ...m }));
    copy.freeze = src.freeze ? { ...src.freeze } : null;
    copy.tabColor = src.tabColor;
    copy.visibility = src.visibility === "VeryHidden" ? "Hidden" : src.visibility;
    Object.assign(copy.pageLayout, clone(src.pageLayout));
    const here = (t: RangeTarget | null): RangeTarget | null => (t && t.sheet === src ? { sheet: copy, rect: { ...t.rect } } : t);
    for (const c of src.charts.filter((x) => !x.deleted)) {
      copy.charts.push({
        ...clone({ ...c, source: null, series: [] }),
        source: here(c.source)!,
        series: c.series.map((x) => ({ name: x.name, values: here(x.values), xValues: here(x.xValues) })),
      } as ChartState);
    }
    this.sheets = this.sheets.filter((x) => x !== copy);
    const at =
      positionType === "Beginning"
        ? 0
        : positionType === "Before" && relativeTo
          ? this.sheets.indexOf(relativeTo)
          : positionType === "After" && relativeTo
            ? this.sheets.indexOf(relativeTo) + 1
            : positionType === "End"
              ? this.sheets.length
              : this.sheets.indexOf(src) + 1;
    this.sheets.splice(at, 0, copy);
    return copy;
  }

  _findSheet(name: string): SheetState | undefined {
    return this.sheets.find((s) => sameName(s.name, name));
  }

  _active(): SheetState {
    if (!this.activeSheet) throw fail.notFound("active worksheet");
    return this.activeSheet;
  }

  _addSheet(name?: string): SheetState {
    let n = name;
    if (n === undefined) {
      let i = this.sheets.length + 1;
      while (this._findSheet(`Sheet${i}`)) i++;
      n = `Sheet${i}`;
    }
    checkSheetName(n);
    if (this._findSheet(n)) throw fail.exists(`worksheet "${n}"`);
    const s = new SheetState(`{${String(this.nextSheetId++).padStart(8, "0")}}`, n);
    this.sheets.push(s);
    if (!this.activeSheet) this.activeSheet = s;
    return s;
  }

  _rename(s: SheetState, name: string): void {
    if (sameName(s.name, name) && s.name === name) return;
    const other = this._findSheet(name);
    if (other && other !== s) throw fail.exists(`worksheet "${name}"`);
    const old = s.name;
    s.name = name;
    this.rewriteFormulas((n) => (sameName(n, old) ? name : n));
  }

  _deleteSheet(s: SheetState): void {
    // Worksheet.delete: "if the worksheet's visibility is set to VeryHidden, the delete operation
    // will fail with an InvalidOperation exception" (Excel JavaScript API reference).
    if (s.visibility === "VeryHidden") throw fail.invalidOperation(`cannot delete the very hidden worksheet "${s.name}"`);
    const visible = this.sheets.filter((x) => x.visibility === "Visible");
    if (this.sheets.length === 1 || (visible.length === 1 && visible[0] === s)) throw fail.invalidOperation("a workbook must contain at least one visible worksheet");
    this.sheets = this.sheets.filter((x) => x !== s);
    s.deleted = true;
    if (this.activeSheet === s) this.activeSheet = this.sheets.find((x) => x.visibility === "Visible") ?? null;
    if (this.selection && sameName(this.selection.sheet, s.name)) this.selection = null;
    this.rewriteFormulas((n) => (sameName(n, s.name) ? null : n));
  }

  _setVisibility(s: SheetState, v: unknown): void {
    if (v !== "Visible" && v !== "Hidden" && v !== "VeryHidden") throw fail.invalidArgument(`visibility ${JSON.stringify(v)}`);
    if (v !== "Visible" && s.visibility === "Visible" && this.sheets.filter((x) => x.visibility === "Visible").length === 1) {
      throw fail.invalidOperation("cannot hide the last visible worksheet");
    }
    s.visibility = v;
    if (v !== "Visible" && this.activeSheet === s) this.activeSheet = this.sheets.find((x) => x.visibility === "Visible") ?? null;
  }

  _move(s: SheetState, pos: unknown): void {
    if (typeof pos !== "number" || !Number.isInteger(pos) || pos < 0 || pos >= this.sheets.length) throw fail.invalidArgument(`position ${JSON.stringify(pos)}`);
    this.sheets = this.sheets.filter((x) => x !== s);
    this.sheets.splice(pos, 0, s);
  }

  _activate(s: SheetState): void {
    if (s.visibility !== "Visible") throw fail.invalidOperation(`cannot activate hidden worksheet "${s.name}"`);
    this.activeSheet = s;
  }

  _suspend(what: "calculation" | "screen"): void {
    if (!this.current) return;
    if (what === "calculation") this.current.record.calculationSuspended = true;
    else this.current.record.screenUpdatingSuspended = true;
  }

  _respond(obj: FakeObject<unknown>, prop: string, value: unknown): void {
    if (!this.current) throw new Error("excelFake: load outside a sync");
    this.current.loads.push({ obj, prop, value });
    this.current.record.responseBytes += jsonBytes(value);
  }

  async _sync(ctx: FakeContext): Promise<void> {
    await Promise.resolve();
    const ops = ctx._ops;
    ctx._ops = [];
    const record: SyncRecord = {
      index: this.syncLog.length + 1,
      operations: ops.length,
      writes: ops.filter((o) => o.kind === "write").length,
      requestBytes: ops.reduce((s, o) => s + o.bytes, 0),
      responseBytes: 0,
      calculationSuspended: false,
      screenUpdatingSuspended: false,
      eventsEnabledAfter: this.eventsEnabled,
      failed: null,
    };
    this.syncLog.push(record);
    const planned = this.syncFailures.get(record.index);
    this.current = { loads: [], record };
    try {
      if (record.requestBytes > this.requestLimitBytes) {
        throw new FakeOfficeError("RequestPayloadSizeLimitExceeded", `The request payload size has exceeded the limit (${record.requestBytes} bytes).`);
      }
      let done = 0;
      for (const op of ops) {
        if (planned && done >= planned.afterOps) throw planned.error;
        if (op.kind === "write") {
          this.writeCount++;
          const err = this.writeFailures.get(this.writeCount);
          if (err) throw err;
        }
        op.run();
        done++;
      }
      if (planned) throw planned.error;
      if (record.responseBytes > this.responseLimitBytes) {
        throw new FakeOfficeError("ResponsePayloadSizeLimitExceeded", `The response payload size has exceeded the limit (${record.responseBytes} bytes).`);
      }
      for (const l of this.current.loads) l.obj._commit(l.prop, l.value);
    } catch (e) {
      record.failed = (e as { code?: string }).code ?? "Error";
      throw e;
    } finally {
      this.current = null;
      record.eventsEnabledAfter = this.eventsEnabled;
    }
    ctx._markAllSynced();
  }

  private mustFind(name: string): SheetState {
    const s = this._findSheet(name);
    if (!s) throw new Error(`excelFake: no sheet "${name}" (have ${this.sheets.map((x) => x.name).join(", ")})`);
    return s;
  }

  private rewriteFormulas(map: (name: string) => string | null): void {
    for (const n of this._names) n.formula = mapSheetRefs(n.formula, map);
    for (const s of this.sheets)
      for (const c of s.cells.values()) {
        if (c.formula === null) continue;
        const f = mapSheetRefs(c.formula, map);
        if (f !== c.formula) {
          c.formula = f;
          if (f.includes("#REF!")) c.value = { error: "#REF!" };
        }
      }
  }
}

/** Build a fake workbook holding exactly the snapshot's sheets (in order) and cells. */
export function fakeFromSnapshot(snapshot: WorkbookSnapshot, options: FakeOptions = {}): FakeExcel {
  const fake = new FakeExcel(options);
  for (const sheet of snapshot.sheets) fake.seedSheet(sheet);
  if (snapshot.sheets.length === 0) fake.addSheet("Sheet1");
  return fake;
}

/* ----------------------------------------------------------------------------------------------
 * Comments and notes: Workbook.comments
 * (ExcelApi 1.10: add, getItemByCell, items with content, getLocation, replies; resolved is 1.11)
 * and Workbook.notes (ExcelApi 1.18: add, getItem, items with content, getLocation). One thread and
 * one note per cell, as in Excel. State lives beside the fake, inspected with commentsOf/notesOf.
 * -------------------------------------------------------------------------------------------- */

export interface FakeThread {
  id: string;
  sheet: string;
  cell: string;
  author: string;
  content: string;
  resolved: boolean;
  replies: { id: string; author: string; content: string }[];
}
export interface FakeNoteState {
  sheet: string;
  cell: string;
  author: string;
  content: string;
}
interface ReviewState {
  threads: FakeThread[];
  notes: FakeNoteState[];
  nextId: number;
}
const reviewStates = new WeakMap<FakeExcel, ReviewState>();
function reviewState(excel: FakeExcel): ReviewState {
  let s = reviewStates.get(excel);
  if (!s) reviewStates.set(excel, (s = { threads: [], notes: [], nextId: 1 }));
  return s;
}
/** Who the add-in writes as: Excel records the signed-in user; the fake a fixed name. */
const ADDIN_AUTHOR = "Người dùng add-in";

/** "'BTP'!E7" → the sheet (must exist) and the one cell, as Excel normalises it. */
function oneCell(excel: FakeExcel, address: string): { sheet: string; cell: string } {
  const bang = address.lastIndexOf("!");
  if (bang < 0) throw fail.invalidArgument(`cell address ${address} without a sheet`);
  const raw = address.slice(0, bang);
  const name = raw.startsWith("'") ? raw.slice(1, -1).replace(/''/g, "'") : raw;
  const sheet = excel._findSheet(name);
  if (!sheet) throw fail.notFound(`worksheet "${name}"`);
  const rect = parseAddress(address.slice(bang + 1));
  if (rect.top !== rect.bottom || rect.left !== rect.right) throw fail.invalidArgument(`${address} is larger than one cell`);
  return { sheet: sheet.name, cell: rectAddress(rect) };
}
const quotedAddress = (sheet: string, cell: string) => `${/^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`}!${cell}`;

/** A collection's `load("items/a,items/b")`: the item properties asked for, all when none. */
function itemProps(arg: string | string[] | { select?: string } | undefined, all: string[]): string[] {
  const text = typeof arg === "string" ? arg : Array.isArray(arg) ? arg.join(",") : (arg?.select ?? "");
  const props = text
    .split(",")
    .map((p) => p.trim().replace(/^items\/?/, ""))
    .filter((p) => p !== "");
  return props.length ? props : all;
}

/** Answer a collection's `load`: one proxy per target, each with the properties asked for, then "items". */
function respondItems<T>(coll: FakeObject<unknown>, targets: T[], Cls: new (ctx: FakeContext, r: () => T, bound: T) => FakeObject<T>, props: string[], what: string): void {
  const defs = propTables.get(Cls) as unknown as PropDefs<T>;
  const items = targets.map((t) => new Cls(coll._ctx, () => t, t));
  for (const item of items)
    for (const p of props) {
      if (!defs[p]?.get) throw fail.invalidArgument(`${what} has no loadable property "${p}"`);
      coll._ctx._excel._respond(item as FakeObject<unknown>, p, clone(defs[p].get!(item._require(), item)));
    }
  coll._ctx._excel._respond(coll, "items", items);
}

class FakeCellLocation extends FakeObject<{ address: string }> {}
defineProps(FakeCellLocation, { address: { get: (l) => l.address } });

class FakeCommentReply extends FakeObject<FakeThread["replies"][number]> {}
defineProps(FakeCommentReply, { id: { get: (r) => r.id }, content: { get: (r) => r.content }, authorName: { get: (r) => r.author } });

class FakeCommentReplyCollection extends FakeObject<FakeThread> {
  get items(): FakeCommentReply[] {
    return this._read("items") as FakeCommentReply[];
  }
  override load(arg?: string | string[] | { select?: string }): this {
    const props = itemProps(arg, ["id", "content", "authorName"]);
    this._ctx._queue({
      kind: "load",
      bytes: jsonBytes({ o: this._id, load: props }),
      run: () => respondItems(this as FakeObject<unknown>, this._require().replies, FakeCommentReply, props, "CommentReply"),
    });
    return this;
  }
  add(content: string): void {
    this._queueWrite("add", [content], () => {
      const t = this._require();
      t.replies.push({ id: `r${reviewState(this._ctx._excel).nextId++}`, author: ADDIN_AUTHOR, content: String(content) });
    });
  }
}
defineProps(FakeCommentReplyCollection, {});

class FakeComment extends FakeObject<FakeThread> {
  get replies(): FakeCommentReplyCollection {
    return this._child("replies", () => new FakeCommentReplyCollection(this._ctx, () => this._require()));
  }
  getLocation(): FakeCellLocation {
    return new FakeCellLocation(this._ctx, () => {
      const t = this._require();
      return { address: quotedAddress(t.sheet, t.cell) };
    });
  }
}
defineProps(FakeComment, {
  id: { get: (t) => t.id },
  content: {
    get: (t) => t.content,
    set: (t, v) => {
      // Excel lets only the comment's author edit it.
      if (t.author !== ADDIN_AUTHOR) throw new FakeOfficeError("AccessDenied", "Only the author can edit a comment.");
      t.content = String(v);
    },
  },
  authorName: { get: (t) => t.author },
  resolved: {
    get: (t) => t.resolved,
    set: (t, v) => {
      if (typeof v !== "boolean") throw fail.invalidArgument("resolved");
      t.resolved = v;
    },
  },
});

class FakeCommentCollection extends FakeObject<FakeExcel> {
  get items(): FakeComment[] {
    return this._read("items") as FakeComment[];
  }
  override load(arg?: string | string[] | { select?: string }): this {
    const props = itemProps(arg, ["id", "content", "authorName", "resolved"]);
    this._ctx._queue({
      kind: "load",
      bytes: jsonBytes({ o: this._id, load: props }),
      run: () => respondItems(this as FakeObject<unknown>, reviewState(this._require()).threads, FakeComment, props, "Comment"),
    });
    return this;
  }
  add(cellAddress: string, content: string, _contentType?: string): FakeComment {
    let created: FakeThread | null = null;
    this._queueWrite("add", [cellAddress, content], () => {
      const excel = this._require();
      const at = oneCell(excel, cellAddress);
      const st = reviewState(excel);
      if (st.threads.some((t) => t.sheet === at.sheet && t.cell === at.cell)) throw fail.invalidOperation(`${cellAddress} already has a comment`);
      created = { id: `c${st.nextId++}`, ...at, author: ADDIN_AUTHOR, content: String(content), resolved: false, replies: [] };
      st.threads.push(created);
    });
    return new FakeComment(this._ctx, () => {
      if (!created) throw fail.invalidOperation("comment used before it was added");
      return created;
    });
  }
  getItemByCell(cellAddress: string): FakeComment {
    return new FakeComment(this._ctx, () => {
      const excel = this._require();
      const at = oneCell(excel, cellAddress);
      const t = reviewState(excel).threads.find((x) => x.sheet === at.sheet && x.cell === at.cell);
      if (!t) throw fail.notFound(`no comment at ${cellAddress}`);
      return t;
    });
  }
}
defineProps(FakeCommentCollection, {});

function addNote(excel: FakeExcel, at: { sheet: string; cell: string }, content: string): void {
  const st = reviewState(excel);
  if (st.notes.some((n) => n.sheet === at.sheet && n.cell === at.cell)) throw fail.invalidOperation(`${at.sheet}!${at.cell} already has a note`);
  st.notes.push({ ...at, author: ADDIN_AUTHOR, content: String(content) });
}

class FakeNote extends FakeObject<FakeNoteState> {
  getLocation(): FakeCellLocation {
    return new FakeCellLocation(this._ctx, () => {
      const n = this._require();
      return { address: quotedAddress(n.sheet, n.cell) };
    });
  }
}
defineProps(FakeNote, {
  content: { get: (n) => n.content, set: (n, v) => void (n.content = String(v)) },
  authorName: { get: (n) => n.author },
});

class FakeNoteCollection extends FakeObject<FakeExcel> {
  get items(): FakeNote[] {
    return this._read("items") as FakeNote[];
  }
  override load(arg?: string | string[] | { select?: string }): this {
    const props = itemProps(arg, ["content", "authorName"]);
    this._ctx._queue({
      kind: "load",
      bytes: jsonBytes({ o: this._id, load: props }),
      run: () => respondItems(this as FakeObject<unknown>, reviewState(this._require()).notes, FakeNote, props, "Note"),
    });
    return this;
  }
  add(cellAddress: string, content: string): void {
    this._queueWrite("add", [cellAddress, content], () => {
      const excel = this._require();
      addNote(excel, oneCell(excel, cellAddress), content);
    });
  }
  getItem(key: string): FakeNote {
    return new FakeNote(this._ctx, () => {
      const excel = this._require();
      const at = oneCell(excel, key);
      const n = reviewState(excel).notes.find((x) => x.sheet === at.sheet && x.cell === at.cell);
      if (!n) throw fail.notFound(`no note at ${key}`);
      return n;
    });
  }
}
defineProps(FakeNoteCollection, {});

/** Worksheet.notes (ExcelApi 1.18): the same notes, addressed within the sheet. */
class FakeSheetNoteCollection extends FakeObject<SheetState> {
  override get _className(): string {
    return "NoteCollection";
  }
  add(cellAddress: string, content: string): void {
    this._queueWrite("add", [cellAddress, content], () => {
      const s = this._require();
      addNote(this._ctx._excel, oneCell(this._ctx._excel, `${quotedAddress(s.name, "")}${cellAddress}`), content);
    });
  }
}
defineProps(FakeSheetNoteCollection, {});

// Workbook.notes, beside Workbook.comments.
Object.defineProperty(FakeWorkbook.prototype, "notes", {
  configurable: true,
  get(this: FakeWorkbook) {
    return this._child("notes", () => new FakeNoteCollection(this._ctx, () => this._require(), this._ctx._excel));
  },
});

/** The comment threads of a fake workbook (a live view: tests may add a person's reply to one). */
export function commentsOf(excel: FakeExcel): FakeThread[] {
  return reviewState(excel).threads;
}
/** The notes of a fake workbook (live). */
export function notesOf(excel: FakeExcel): FakeNoteState[] {
  return reviewState(excel).notes;
}
/** A comment or note a person wrote (test setup). */
export function seedComment(excel: FakeExcel, sheet: string, cell: string, author: string, content: string): FakeThread {
  const st = reviewState(excel);
  const t: FakeThread = { id: `c${st.nextId++}`, sheet, cell, author, content, resolved: false, replies: [] };
  st.threads.push(t);
  return t;
}
export function seedNote(excel: FakeExcel, sheet: string, cell: string, author: string, content: string): void {
  reviewState(excel).notes.push({ sheet, cell, author, content });
}
