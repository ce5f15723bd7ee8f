/**
 * The pane's state and the one reducer that changes it. Every task (check, build, select, fix,
 * template, download) starts with "started" and ends with its own action or "failed"; a new panel
 * adds its task and its ending here, and nothing else has to know.
 */
import type { BuildStep } from "../core/buildSteps";
import type { Lang } from "../core/i18n/format";
import type { UiTexts } from "../core/i18n/ui";
import type { Added, Annotation, Built, Checked } from "../excel/session";

export type Task = "check" | "build" | "select" | "fix" | "template" | "download" | "annotate";

/** A message in whatever language the pane shows now (host error texts keep the language they came in). */
export interface Notice {
  intent: "success" | "warning" | "error";
  /** Shown under the "could not complete" title. */
  failed?: boolean;
  text: (t: UiTexts) => string;
}

export interface PaneState {
  lang: Lang;
  /** The task the pane waits for (its buttons are disabled meanwhile); null when idle. */
  busy: Task | null;
  /** The workbook as last read: by a check, a build, a fix or a template write. */
  checked: Checked | null;
  /** The time of the build `checked` came from; null when it came from anything else. */
  builtAt: string | null;
  /** The running build's current step. */
  step: BuildStep | null;
  /** The build's steps stay on screen after a build, until the workbook is changed another way. */
  progressShown: boolean;
  notice: Notice | null;
  fixOpen: boolean;
  /** The confirmation of "Chuyển sang Unicode" (legacy TCVN3/VNI text) is open. */
  legacyOpen: boolean;
}

export type PaneAction =
  | { type: "lang"; lang: Lang }
  | { type: "started"; task: Task }
  | { type: "step"; step: BuildStep }
  | { type: "failed"; task: Task; message: string }
  | { type: "checked"; checked: Checked }
  | { type: "built"; built: Built }
  | { type: "selected" }
  | { type: "fixDialog"; open: boolean }
  | { type: "fixed"; checked: Checked; count: number }
  | { type: "legacyDialog"; open: boolean }
  | { type: "textFixed"; checked: Checked; count: number }
  | { type: "templated"; added: Added; text: (t: UiTexts) => string }
  | { type: "downloaded"; file: string }
  | { type: "downloadBlocked"; sheet: string }
  | { type: "annotated"; annotation: Annotation }
  | { type: "dismissed" };

/** The pane opens by reading the workbook. */
export function initialPaneState(lang: Lang): PaneState {
  return { lang, busy: "check", checked: null, builtAt: null, step: null, progressShown: false, notice: null, fixOpen: false, legacyOpen: false };
}

/** A download only holds its own button (Documents shows "preparing"); every other task holds the pane. */
const holdsPane = (task: Task) => task !== "download";

const failure = (message: string): Notice => ({ intent: "error", failed: true, text: () => message });

/** The task is over: the pane is free again (unless another task holds it). */
const done = (s: PaneState, task: Task): Task | null => (s.busy === task ? null : s.busy);

export function paneReducer(s: PaneState, a: PaneAction): PaneState {
  switch (a.type) {
    case "lang":
      return { ...s, lang: a.lang };
    case "started":
      return {
        ...s,
        busy: holdsPane(a.task) ? a.task : s.busy,
        // Selecting a cell leaves the last outcome on screen; anything else replaces it.
        notice: a.task === "select" ? s.notice : null,
        ...(a.task === "build" ? { progressShown: true, step: "read" as const } : {}),
      };
    case "step":
      return { ...s, step: a.step };
    case "failed":
      return {
        ...s,
        busy: done(s, a.task),
        step: null,
        fixOpen: false,
        legacyOpen: false,
        progressShown: a.task === "build" ? false : s.progressShown,
        notice: failure(a.message),
      };
    case "checked":
      return { ...s, busy: done(s, "check"), checked: a.checked, builtAt: null };
    case "built": {
      const { errors } = a.built.result;
      const sheet = a.built.activated;
      // Comments whose error is gone were marked resolved by the build: said after the outcome.
      const resolved = a.built.annotated?.resolved ?? 0;
      const also = (t: UiTexts) => (resolved ? ` ${t.resolvedOnBuild(resolved)}` : "");
      return {
        ...s,
        busy: done(s, "build"),
        step: null,
        checked: a.built,
        builtAt: a.built.at,
        notice: errors ? { intent: "warning", text: (t) => t.builtWithErrors(errors, sheet) + also(t) } : { intent: "success", text: (t) => t.builtOk(sheet) + also(t) },
      };
    }
    case "selected":
      return { ...s, busy: done(s, "select") };
    case "fixDialog":
      return { ...s, fixOpen: a.open };
    case "fixed": {
      const n = a.count;
      return { ...s, busy: done(s, "fix"), fixOpen: false, checked: a.checked, builtAt: null, progressShown: false, notice: { intent: "success", text: (t) => t.fixDone(n) } };
    }
    case "legacyDialog":
      return { ...s, legacyOpen: a.open };
    case "textFixed": {
      const n = a.count;
      return { ...s, busy: done(s, "fix"), legacyOpen: false, checked: a.checked, builtAt: null, notice: { intent: "success", text: (t) => t.legacyFixDone(n) } };
    }
    case "templated":
      return { ...s, busy: done(s, "template"), checked: a.added, builtAt: null, progressShown: false, notice: { intent: "success", text: a.text } };
    case "downloaded": {
      const file = a.file;
      return { ...s, notice: { intent: "success", text: (t) => t.downloaded(file) } };
    }
    case "downloadBlocked": {
      const sheet = a.sheet;
      return { ...s, notice: { intent: "warning", text: (t) => t.downloadBlocked(sheet) } };
    }
    case "annotated": {
      const { posted, resolved, skipped } = a.annotation.annotated;
      return {
        ...s,
        busy: done(s, "annotate"),
        checked: a.annotation,
        builtAt: null,
        notice: { intent: skipped.length ? "warning" : "success", text: (t) => t.annotated(posted, resolved, skipped.length) },
      };
    }
    case "dismissed":
      return { ...s, notice: null };
  }
}

/** Tasks other than selecting a cell make the pane "working" (aria-busy, lists disabled). */
export function isWorking(s: PaneState): boolean {
  return s.busy !== null && s.busy !== "select";
}
