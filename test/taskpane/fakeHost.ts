/** A BlocHost that answers from buildBloc over a test workbook, recording what the pane asked. */
import type { Lang } from "../../src/core/i18n/format";
import type { BuildStep } from "../../src/core/buildSteps";
import { buildBloc } from "../../src/core/pipeline";
import type { WorkbookSnapshot } from "../../src/core/snapshot";
import type { TemplateOptions } from "../../src/core/template/build";
import type { TemplateUnit } from "../../src/core/template/unit";
import type { Added, Annotation, BlocHost, Built, CellFix, Checked, Outcome } from "../../src/excel/session";
import type { AnnotationMode } from "../../src/excel/comments";
import type { TextFixTarget } from "../../src/excel/fixLegacyText";
import { parseA1 } from "../../src/core/a1";

export const NOW = "2031-12-15T03:00:00.000Z";

export class FakeHost implements BlocHost {
  readonly selected: { sheet: string; cell: string }[] = [];
  readonly fixed: CellFix[][] = [];
  readonly textFixed: TextFixTarget[][] = [];
  readonly steps: BuildStep[] = [];
  readonly created: TemplateOptions[] = [];
  readonly addedUnits: TemplateUnit[] = [];
  /** When set, createWorkbook and addUnit fail with this message (a refusal, as the session words it). */
  templateFailWith: string | null = null;
  builds = 0;
  checks = 0;
  /** What the host offers for "Ghi nhận xét vào ô", and how many times the pane asked. */
  mode: AnnotationMode = { kind: "comments", canResolve: true };
  annotations = 0;
  /** When set, the build waits here after each step until `advance()` is called. */
  gate: (() => void) | null = null;
  private waiting: (() => void)[] = [];

  constructor(
    public workbook: WorkbookSnapshot,
    public failWith: string | null = null,
  ) {}

  private checked(lang: Lang): Checked {
    return { result: buildBloc(this.workbook, { lang, now: NOW, utcOffsetMinutes: 420 }), at: NOW };
  }

  /** Let a gated build go on to its next step. */
  advance(): void {
    this.waiting.shift()?.();
  }

  async check(lang: Lang): Promise<Outcome<Checked>> {
    this.checks++;
    return { ok: true, value: this.checked(lang) };
  }

  async build(lang: Lang, onStep: (step: BuildStep) => void = () => {}): Promise<Outcome<Built>> {
    this.builds++;
    for (const s of ["read", "check", "compute", "write"] as const) {
      this.steps.push(s);
      onStep(s);
      if (this.gate) await new Promise<void>((resolve) => this.waiting.push(resolve));
    }
    if (this.failWith) return { ok: false, message: this.failWith, error: new Error(this.failWith) };
    const c = this.checked(lang);
    return { ok: true, value: { ...c, activated: c.result.plan.activate, annotated: null } };
  }

  async select(sheet: string, cell: string): Promise<Outcome<void>> {
    this.selected.push({ sheet, cell });
    return { ok: true, value: undefined };
  }

  async fix(fixes: readonly CellFix[], lang: Lang): Promise<Outcome<Checked>> {
    this.fixed.push([...fixes]);
    return { ok: true, value: this.checked(lang) };
  }

  /** Writes the Unicode text into the test workbook, as the real host does in Excel. */
  async fixText(fixes: readonly TextFixTarget[], lang: Lang): Promise<Outcome<Checked>> {
    this.textFixed.push([...fixes]);
    for (const f of fixes) {
      const sheet = this.workbook.sheets.find((x) => x.name === f.sheet)!;
      const { row, col } = parseA1(f.cell);
      sheet.values[row - sheet.top][col - sheet.left] = f.value;
    }
    return { ok: true, value: this.checked(lang) };
  }

  async createWorkbook(options: TemplateOptions, lang: Lang): Promise<Outcome<Added>> {
    this.created.push(options);
    if (this.templateFailWith) return { ok: false, message: this.templateFailWith, error: new Error(this.templateFailWith) };
    return { ok: true, value: { ...this.checked(lang), added: ["Cấu hình", ...options.units.map((u) => u.sheetName ?? u.code), "Chấm điểm"] } };
  }

  annotationMode(): AnnotationMode {
    return this.mode;
  }

  async annotate(lang: Lang): Promise<Outcome<Annotation>> {
    this.annotations++;
    const c = this.checked(lang);
    const posted = c.result.issues.filter((i) => i.severity === "error").length;
    return { ok: true, value: { ...c, annotated: { mode: this.mode.kind === "notes" ? "notes" : "comments", posted, resolved: 0, skipped: [] } } };
  }

  async addUnit(unit: TemplateUnit, lang: Lang): Promise<Outcome<Added>> {
    this.addedUnits.push(unit);
    if (this.templateFailWith) return { ok: false, message: this.templateFailWith, error: new Error(this.templateFailWith) };
    return { ok: true, value: { ...this.checked(lang), added: [unit.sheetName ?? unit.code] } };
  }
}
