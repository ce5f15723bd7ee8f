/**
 * The one orchestrator the task pane and the ribbon command both use:
 * read snapshot → buildBloc → apply plan → activate, with progress per step, and every failure
 * turned into a message the user can act on. Office.js is reached only through the excel host's
 * functions and a `run` (Excel.run, or a fake's run in tests).
 */
import type { Lang } from "../core/i18n/format";
import type { BuildStep } from "../core/buildSteps";
import { uiTexts } from "../core/i18n/ui";
import { fixesOfKind, type Issue } from "../core/issues";
import type { WritePlan } from "../core/plan";
import { buildBloc, type BuildResult } from "../core/pipeline";
import { parseA1 } from "../core/a1";
import { formatAt, type WorkbookSnapshot } from "../core/snapshot";
import { applyPlan, queueStateRead, type ApplyExtras, type ApplyOptions, type WorkbookState } from "./applyPlan";
import { assertLockHeld, newLock, queueLockRead, queueLockRelease, queueLockTake, releaseIfMine, withWorkbookLock, type LockRead, type LockSource } from "./lock";
import type { ReadOptions } from "./readSnapshot";
import { officeSupports, type Supports } from "./supports";
import { officeErrorMessage } from "./errors";
import { applyNumberFixes } from "./fixTextNumbers";
import { applyTextFixes, type TextFixTarget } from "./fixLegacyText";
import { readSnapshot } from "./readSnapshot";
import { selectCell } from "./select";
import { planAddUnit, type AddUnitProblem } from "../core/template/addUnit";
import { templatePlan, type TemplateOptions } from "../core/template/build";
import type { TemplatePlan, UnitAdditionPlan } from "../core/template/model";
import { templateProblemText } from "../core/template/problemText";
import type { TemplateUnit } from "../core/template/unit";
import { applyTemplatePlan, applyUnitAddition, TemplateConflictError } from "./template";
import { annotateIssues, annotationMode, queueAnnotationRead, queueAnnotations, type AnnotateOptions, type Annotated, type AnnotationMode, type Existing } from "./comments";

/** Excel.run's shape: one batch, one request context. */
export type RunBatch = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

/** A number to write over a cell that holds it as text (from an issue's `fix`). */
export interface CellFix {
  sheet: string;
  cell: string;
  value: number;
  /** The text the cell holds now, for the confirmation list. */
  text: string;
  /** The cell's number format when known: a text format ("@") must go, or the number stays text. */
  numberFormat?: string;
}

/** What the session needs from the excel host; the real functions live in src/excel. */
export interface ExcelHostOps {
  readSnapshot(context: Excel.RequestContext, opts?: ReadOptions): Promise<WorkbookSnapshot>;
  applyPlan(context: Excel.RequestContext, plan: WritePlan, opts?: ApplyOptions, extras?: ApplyExtras): Promise<unknown>;
  selectCell(context: Excel.RequestContext, sheet: string, cell: string): Promise<unknown>;
  applyNumberFixes(context: Excel.RequestContext, fixes: readonly CellFix[]): Promise<unknown>;
  /** Legacy text to Unicode; fixLegacyText.ts's when absent. */
  applyTextFixes?(context: Excel.RequestContext, fixes: readonly TextFixTarget[]): Promise<unknown>;
  applyTemplatePlan(context: Excel.RequestContext, plan: TemplatePlan, supports?: Supports): Promise<unknown>;
  applyUnitAddition(context: Excel.RequestContext, addition: UnitAdditionPlan, supports?: Supports): Promise<unknown>;
  annotateIssues(context: Excel.RequestContext, issues: readonly Issue[], opts: AnnotateOptions): Promise<Annotated>;
  officeErrorMessage(err: unknown, lang: Lang): string;
}

/** "Thêm sheet đơn vị" refused before anything was written (no config sheet, code taken, …). */
export class AddUnitRefused extends Error {
  constructor(readonly problems: AddUnitProblem[]) {
    super(problems.map((p) => p.kind).join(", "));
  }
}

export type Outcome<T> = { ok: true; value: T } | { ok: false; message: string; error: unknown };

export interface Checked {
  result: BuildResult;
  /** ISO time of the check. */
  at: string;
}

export interface Built extends Checked {
  /** The sheet shown when the build ended ("Tổng hợp 2023", or "Kiểm tra" when there are errors). */
  activated: string;
  /**
   * Comments posted earlier whose error is gone, marked resolved by this build (SPEC §10); null
   * where the host has neither comments nor notes, or reading them failed (the build stands).
   */
  annotated: Annotated | null;
}

/** After a template write: the sheets added, in the order written, and the workbook checked again. */
export interface Added extends Checked {
  added: string[];
}

/** The pane's single door to the workbook: tests hand the pane a fake with the same shape. */
export interface BlocHost {
  /** Read and validate without writing anything. */
  check(lang: Lang): Promise<Outcome<Checked>>;
  /** The whole build; `onStep` is called as each step starts. */
  build(lang: Lang, onStep?: (step: BuildStep) => void): Promise<Outcome<Built>>;
  /** Select a cell (activating its sheet). */
  select(sheet: string, cell: string, lang: Lang): Promise<Outcome<void>>;
  /** Write numbers over exactly these cells, then check again (outputs are not rewritten). */
  fix(fixes: readonly CellFix[], lang: Lang): Promise<Outcome<Checked>>;
  /** Write the Unicode form over exactly these cells of legacy (TCVN3/VNI) text, then check again. */
  fixText(fixes: readonly TextFixTarget[], lang: Lang): Promise<Outcome<Checked>>;
  /** "Tạo sổ khối": the template's sheets into the open workbook (refused if a name is taken), then a check. */
  createWorkbook(options: TemplateOptions, lang: Lang): Promise<Outcome<Added>>;
  /** "Thêm sheet đơn vị": the unit's sheet plus its roster and scoring rows, then a check. */
  addUnit(unit: TemplateUnit, lang: Lang): Promise<Outcome<Added>>;
  /** How errors can be posted at their cells in this host ("none": the pane hides the button and says why). */
  annotationMode(): AnnotationMode;
  /** "Ghi nhận xét vào ô": a fresh check's errors as comments (or notes) at their cells; what is gone marked resolved. */
  annotate(lang: Lang): Promise<Outcome<Annotation>>;
}

/** After posting comments: what was written, and the check it came from. */
export interface Annotation extends Checked {
  annotated: Annotated;
}

/** The one-click fixes the issues offer, one per cell, in issue order. */
export function fixableCells(issues: readonly Issue[]): CellFix[] {
  return fixesOfKind(issues, "setNumber").map((i) => ({ sheet: i.sheet, cell: i.cell, value: i.fix.value, text: String(i.params.text ?? "") }));
}

/** Let the pane paint a step before synchronous work starts. */
const nextTick = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export interface SessionOptions {
  /** The clock (tests pin it). */
  now?: () => Date;
  /** Minutes east of UTC for times printed on the outputs; defaults to this machine's zone. */
  utcOffsetMinutes?: () => number;
  /** Requirement sets (Office's answer by default; tests give the fake's level). */
  supports?: Supports;
  /** Who builds, as the workbook's lock tells a second build. */
  lockSource?: LockSource;
}

export class BlocSession implements BlocHost {
  private readonly now: () => Date;
  private readonly offset: () => number;
  private readonly supports: Supports;
  private readonly lockSource: LockSource;

  constructor(
    private readonly run: RunBatch,
    private readonly ops: ExcelHostOps,
    options: SessionOptions = {},
  ) {
    this.now = options.now ?? (() => new Date());
    this.offset = options.utcOffsetMinutes ?? (() => -new Date().getTimezoneOffset());
    this.supports = options.supports ?? officeSupports;
    this.lockSource = options.lockSource ?? "pane";
  }

  /** The last snapshot read, so a fix knows each cell's number format without another read. */
  private lastSnapshot: WorkbookSnapshot | null = null;

  private async read(): Promise<WorkbookSnapshot> {
    const snapshot = await this.run((ctx) => this.ops.readSnapshot(ctx, { supports: this.supports }));
    this.lastSnapshot = snapshot;
    return snapshot;
  }

  private withFormats(fixes: readonly CellFix[]): CellFix[] {
    return fixes.map((f) => {
      if (f.numberFormat !== undefined) return f;
      const sheet = this.lastSnapshot?.sheets.find((s) => s.name === f.sheet);
      if (!sheet) return f;
      try {
        const { row, col } = parseA1(f.cell);
        return { ...f, numberFormat: formatAt(sheet, row, col) };
      } catch {
        return f;
      }
    });
  }

  private compute(snapshot: WorkbookSnapshot, lang: Lang): Checked {
    const at = this.now().toISOString();
    return { result: buildBloc(snapshot, { lang, now: at, utcOffsetMinutes: this.offset() }), at };
  }

  private async attempt<T>(lang: Lang, work: () => Promise<T>): Promise<Outcome<T>> {
    try {
      return { ok: true, value: await work() };
    } catch (error) {
      let message: string;
      try {
        // Refusals the pane explains itself; everything else is Office's error in the user's words.
        if (error instanceof TemplateConflictError) message = uiTexts(lang).sheetsExist(error.sheets.join(", "));
        else if (error instanceof AddUnitRefused) message = error.problems.map((p) => templateProblemText(uiTexts(lang), p)).join(" ");
        else message = this.ops.officeErrorMessage(error, lang);
      } catch {
        message = error instanceof Error ? error.message : String(error);
      }
      return { ok: false, message, error };
    }
  }

  check(lang: Lang): Promise<Outcome<Checked>> {
    return this.attempt(lang, async () => this.compute(await this.read(), lang));
  }

  /**
   * The whole build in 4 syncs: the read's three (the workbook's lock taken and confirmed, and what
   * the write needs to know, ride along with them) and one write that also releases the lock.
   * A second build of the same workbook meanwhile is refused with WorkbookBusyError.
   */
  build(lang: Lang, onStep: (step: BuildStep) => void = () => {}): Promise<Outcome<Built>> {
    const mine = newLock(this.lockSource, this.now().getTime());
    let locked = false;
    return this.attempt(lang, async () => {
      try {
        onStep("read");
        let state: WorkbookState | null = null;
        // What the cells carry (comments or notes) is read alongside, for marking resolved what is gone.
        const mode = this.annotationMode();
        let existing: Existing | null = null;
        const snapshot = await this.run((ctx) => {
          let annotations: ReturnType<typeof queueAnnotationRead> | null = null;
          let first: () => LockRead = () => ({ exists: false, holder: null });
          let again: () => LockRead = first;
          let rest: (() => Omit<WorkbookState, "sheets">) | null = null;
          let sheets: string[] = [];
          return this.ops
            .readSnapshot(ctx, {
              supports: this.supports,
              alongside: {
                withSheetList: (c) => {
                  first = queueLockRead(c);
                  if (mode.kind !== "none") annotations = queueAnnotationRead(c, mode);
                },
                withSizes: (c, names) => {
                  queueLockTake(c, first(), mine, this.now().getTime());
                  locked = true;
                  sheets = names;
                  rest = queueStateRead(c, names, this.supports);
                  annotations?.next();
                },
                withCells: (c) => void (again = queueLockRead(c)),
                afterCells: () => {
                  assertLockHeld(again(), mine);
                  if (rest) state = { sheets, ...rest() };
                  existing = annotations?.done() ?? null;
                },
              },
            })
            .then((snap) => {
              this.lastSnapshot = snap;
              return snap;
            });
        });
        // buildBloc validates and computes in one pure call; the pane still shows both steps.
        onStep("check");
        await nextTick();
        const checked = this.compute(snapshot, lang);
        onStep("compute");
        await nextTick();
        const plan = checked.result.plan;
        onStep("write");
        // applyPlan ends by activating plan.activate: the summary, or "Kiểm tra" when there are errors.
        await this.run((ctx) => this.ops.applyPlan(ctx, plan, { supports: this.supports }, { state: state ?? undefined, finally: queueLockRelease }));
        locked = false;
        return { ...checked, activated: plan.activate, annotated: existing ? await this.resolveGone(existing, checked, lang) : null };
      } finally {
        if (locked) await releaseIfMine(this.run, mine);
      }
    });
  }

  /**
   * After a build: comments posted earlier whose error is gone are marked resolved (SPEC §10);
   * nothing new is posted. Null when writing that failed (the build stands; the next build or
   * post tries again).
   */
  private async resolveGone(existing: Existing, checked: Checked, lang: Lang): Promise<Annotated | null> {
    const mode = this.annotationMode();
    const { issues, catalog } = checked.result;
    const sheets = new Set(checked.result.plan.sheets.map((s) => s.name).concat(this.lastSnapshot?.sheets.map((s) => s.name) ?? []));
    try {
      // One more sync, only when a posted error is gone (a build with nothing to resolve stays at 4).
      return await this.run(async (ctx) => {
        const done = queueAnnotations(
          ctx,
          existing,
          issues.filter((i) => sheets.has(i.sheet)),
          { lang, catalog, post: false, canResolve: mode.kind === "comments" && mode.canResolve },
        );
        if (done.writes) await ctx.sync();
        return { mode: done.mode, posted: done.posted, resolved: done.resolved, skipped: done.skipped };
      });
    } catch {
      return null;
    }
  }

  annotationMode(): AnnotationMode {
    return annotationMode(this.supports);
  }

  /** Posting comments is a write: it holds the workbook's lock like a build (source "review"). */
  annotate(lang: Lang): Promise<Outcome<Annotation>> {
    return this.attempt(lang, () =>
      withWorkbookLock(
        this.run,
        "review",
        async () => {
          const checked = this.compute(await this.read(), lang);
          const { issues, catalog } = checked.result;
          const annotated = await this.run((ctx) => this.ops.annotateIssues(ctx, issues, { lang, catalog, supports: this.supports }));
          return { ...checked, annotated };
        },
        () => this.now().getTime(),
      ),
    );
  }

  select(sheet: string, cell: string, lang: Lang): Promise<Outcome<void>> {
    return this.attempt(lang, async () => {
      await this.run((ctx) => this.ops.selectCell(ctx, sheet, cell));
    });
  }

  fix(fixes: readonly CellFix[], lang: Lang): Promise<Outcome<Checked>> {
    return this.attempt(lang, async () => {
      const targets = this.withFormats(fixes);
      if (targets.length) await this.run((ctx) => this.ops.applyNumberFixes(ctx, targets));
      return this.compute(await this.read(), lang);
    });
  }

  fixText(fixes: readonly TextFixTarget[], lang: Lang): Promise<Outcome<Checked>> {
    return this.attempt(lang, async () => {
      const apply = this.ops.applyTextFixes ?? applyTextFixes;
      if (fixes.length) await this.run((ctx) => apply(ctx, fixes));
      return this.compute(await this.read(), lang);
    });
  }

  createWorkbook(options: TemplateOptions, lang: Lang): Promise<Outcome<Added>> {
    return this.attempt(lang, async () => {
      const plan = templatePlan(options);
      await this.run((ctx) => this.ops.applyTemplatePlan(ctx, plan, this.supports));
      return { ...this.compute(await this.read(), lang), added: plan.sheets.map((s) => s.name) };
    });
  }

  addUnit(unit: TemplateUnit, lang: Lang): Promise<Outcome<Added>> {
    return this.attempt(lang, async () => {
      const planned = planAddUnit(await this.read(), unit, lang);
      if (!planned.plan) throw new AddUnitRefused(planned.problems);
      const addition = planned.plan;
      await this.run((ctx) => this.ops.applyUnitAddition(ctx, addition, this.supports));
      return { ...this.compute(await this.read(), lang), added: [addition.sheet.name] };
    });
  }
}

/** The session over the real workbook: Excel.run and the excel host's functions. */
export function excelSession(options: SessionOptions = {}): BlocSession {
  const run: RunBatch = (batch) => Excel.run(batch);
  return new BlocSession(run, { readSnapshot, applyPlan, selectCell, applyNumberFixes, applyTemplatePlan, applyUnitAddition, annotateIssues, officeErrorMessage }, options);
}
