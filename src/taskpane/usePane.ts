/**
 * The pane's tasks: each asks the BlocHost (or the file saver) and reports to the reducer, so the
 * steps busy → call → outcome are written once, in `run`.
 */
import { useCallback, useEffect, useMemo, useReducer, useRef, type Dispatch } from "react";
import type { DocumentModel } from "../core/document";
import type { Lang } from "../core/i18n/format";
import { uiTexts, type UiTexts } from "../core/i18n/ui";
import type { Issue } from "../core/issues";
import { OUTPUT_SHEETS } from "../core/outputSheets";
import type { TemplateOptions } from "../core/template/build";
import type { TemplateUnit } from "../core/template/unit";
import { subscribeRibbonBuilds } from "../excel/ribbonBuilds";
import { fixableCells, type BlocHost, type CellFix, type Outcome } from "../excel/session";
import { legacyTextCells, type TextFixTarget } from "../excel/fixLegacyText";
import type { DocumentKind } from "./components/Documents";
import type { SaveFile } from "./download";
import { initialPaneState, paneReducer, type PaneAction, type PaneState, type Task } from "./paneState";

/** The .docx writer, loaded on first use: it is a third of the pane's weight and most opens never need it. */
const loadDocxWriter = () => import(/* webpackChunkName: "docx" */ "../docx/blob");

/** Start a task, wait for the host, end it with its own action or "failed"; true when it succeeded. */
function runner(dispatch: Dispatch<PaneAction>) {
  return async <T>(task: Task, call: () => Promise<Outcome<T>>, end: (value: T) => PaneAction): Promise<boolean> => {
    dispatch({ type: "started", task });
    const out = await call();
    dispatch(out.ok ? end(out.value) : { type: "failed", task, message: out.message });
    return out.ok;
  };
}

export interface PaneActions {
  setLang(lang: Lang): void;
  build(): Promise<void>;
  recheck(): Promise<void>;
  select(at: Pick<Issue, "sheet" | "cell">): Promise<void>;
  /** "Ghi nhận xét vào ô": the errors as comments (or notes) at their cells. */
  annotate(): Promise<void>;
  openFix(): void;
  closeFix(): void;
  applyFixes(): Promise<void>;
  openLegacy(): void;
  closeLegacy(): void;
  applyTextFixes(): Promise<void>;
  download(kind: DocumentKind, model: DocumentModel): Promise<void>;
  createWorkbook(options: TemplateOptions): Promise<boolean>;
  addUnit(unit: TemplateUnit): Promise<boolean>;
  dismiss(): void;
}

export interface Pane {
  state: PaneState;
  texts: UiTexts;
  /** The one-click fixes the current issues offer. */
  fixes: CellFix[];
  /** The legacy (TCVN3/VNI) texts the current issues offer to store in Unicode. */
  textFixes: TextFixTarget[];
  actions: PaneActions;
}

export function usePane(host: BlocHost, initialLang: Lang, saveFile: SaveFile): Pane {
  const [state, dispatch] = useReducer(paneReducer, initialLang, initialPaneState);
  const { lang, checked } = state;
  const run = useMemo(() => runner(dispatch), []);

  // The first check runs once per host, in the language of that moment (not again on a language switch).
  const langRef = useRef(lang);
  useEffect(() => {
    langRef.current = lang;
  }, [lang]);
  useEffect(() => {
    let live = true;
    dispatch({ type: "started", task: "check" });
    host.check(langRef.current).then((out) => {
      if (live) dispatch(out.ok ? { type: "checked", checked: out.value } : { type: "failed", task: "check", message: out.message });
    });
    return () => {
      live = false;
    };
  }, [host]);

  // The ribbon's builds reach the pane where they share one runtime (src/excel/ribbonBuilds.ts).
  useEffect(() => subscribeRibbonBuilds((out) => dispatch(out.ok ? { type: "built", built: out.value } : { type: "failed", task: "build", message: out.message })), []);

  const fixes = useMemo(() => (checked ? fixableCells(checked.result.issues) : []), [checked]);
  const textFixes = useMemo(() => (checked ? legacyTextCells(checked.result.issues) : []), [checked]);

  const build = useCallback(async () => {
    await run(
      "build",
      () => host.build(lang, (step) => dispatch({ type: "step", step })),
      (built) => ({ type: "built", built }),
    );
  }, [run, host, lang]);

  const recheck = useCallback(async () => {
    await run(
      "check",
      () => host.check(lang),
      (c) => ({ type: "checked", checked: c }),
    );
  }, [run, host, lang]);

  const select = useCallback(
    async (i: Pick<Issue, "sheet" | "cell">) => {
      await run(
        "select",
        () => host.select(i.sheet, i.cell, lang),
        () => ({ type: "selected" }),
      );
    },
    [run, host, lang],
  );

  const annotate = useCallback(async () => {
    await run(
      "annotate",
      () => host.annotate(lang),
      (annotation) => ({ type: "annotated", annotation }),
    );
  }, [run, host, lang]);

  const applyFixes = useCallback(async () => {
    const count = fixes.length;
    await run(
      "fix",
      () => host.fix(fixes, lang),
      (c) => ({ type: "fixed", checked: c, count }),
    );
  }, [run, host, fixes, lang]);

  const applyTextFixes = useCallback(async () => {
    const count = textFixes.length;
    await run(
      "fix",
      () => host.fixText(textFixes, lang),
      (c) => ({ type: "textFixed", checked: c, count }),
    );
  }, [run, host, textFixes, lang]);

  const download = useCallback(
    async (kind: DocumentKind, model: DocumentModel) => {
      const r = checked?.result;
      const year = r?.year ?? new Date().getFullYear();
      dispatch({ type: "started", task: "download" });
      let blob: Blob;
      try {
        blob = await (await loadDocxWriter()).docxBlob(model);
      } catch (e) {
        dispatch({ type: "failed", task: "download", message: e instanceof Error ? e.message : String(e) });
        return;
      }
      const names = uiTexts(lang).fileName;
      const period = r?.period ?? "year";
      const file = kind === "submission" && period !== "year" ? names.report(year, period) : names[kind](year);
      try {
        await saveFile(blob, file);
        dispatch({ type: "downloaded", file });
      } catch {
        // Whatever the reason (iPad, some Mac versions, a sandbox), the build wrote the document sheet.
        const sheet = r?.plan.sheets.find((p) => p.kind === "submission")?.name ?? OUTPUT_SHEETS.submission(year);
        dispatch({ type: "downloadBlocked", sheet });
      }
    },
    [checked, lang, saveFile],
  );

  const createWorkbook = useCallback(
    (options: TemplateOptions) =>
      run(
        "template",
        () => host.createWorkbook(options, lang),
        (added) => ({ type: "templated", added, text: (t) => t.created(added.added.length) }),
      ),
    [run, host, lang],
  );

  const addUnit = useCallback(
    (unit: TemplateUnit) =>
      run(
        "template",
        () => host.addUnit(unit, lang),
        (added) => ({ type: "templated", added, text: (t) => t.added(added.added[0] ?? unit.code) }),
      ),
    [run, host, lang],
  );

  const actions = useMemo<PaneActions>(
    () => ({
      setLang: (l) => dispatch({ type: "lang", lang: l }),
      build,
      recheck,
      select,
      annotate,
      openFix: () => dispatch({ type: "fixDialog", open: true }),
      closeFix: () => dispatch({ type: "fixDialog", open: false }),
      applyFixes,
      openLegacy: () => dispatch({ type: "legacyDialog", open: true }),
      closeLegacy: () => dispatch({ type: "legacyDialog", open: false }),
      applyTextFixes,
      download,
      createWorkbook,
      addUnit,
      dismiss: () => dispatch({ type: "dismissed" }),
    }),
    [build, recheck, select, annotate, applyFixes, applyTextFixes, download, createWorkbook, addUnit],
  );

  return { state, texts: uiTexts(lang), fixes, textFixes, actions };
}
