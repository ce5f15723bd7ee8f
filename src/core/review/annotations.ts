/**
 * Errors as comments (or notes) at their cells: what to add, answer, resolve or rewrite, given
 * what the cells already carry. Pure and host-neutral: the Excel host runs the actions with
 * Office.js comments or notes, the CLI writes notes into a copy. The rules (SPEC §10):
 * - each error is posted once at its cell, tagged with its code;
 * - on a later run, a posted error that is gone is marked resolved;
 * - what a person wrote (a thread, a reply, a note) is never edited or deleted.
 */
import type { Lang } from "../i18n/format";
import { issueMessage } from "../i18n/messages";
import type { Issue } from "../issues";
import type { Catalog } from "../model";

/** Opens every text this product writes into a comment or note, so it knows its own. */
export const ANNOTATION_TAG = "[Bloc Summary]";
const RESOLVED_MARK = "✓";

/** A comment thread at one cell, as the host read it. */
export interface CellThread {
  sheet: string;
  cell: string;
  /** The thread's first comment, then its replies, in order. */
  entries: string[];
  /** Whether the thread is marked resolved (false where the host cannot tell). */
  resolved: boolean;
}

export type CommentAction =
  | { kind: "add"; sheet: string; cell: string; text: string }
  /** `resolves`: the reply says a posted error is fixed (rather than posting one). */
  | { kind: "reply"; sheet: string; cell: string; text: string; resolves: boolean }
  | { kind: "resolve"; sheet: string; cell: string }
  | { kind: "reopen"; sheet: string; cell: string };

/** A note at one cell, as the host read it. */
export interface CellNote {
  sheet: string;
  cell: string;
  text: string;
}

export type NoteAction = { kind: "addNote" | "setNote"; sheet: string; cell: string; text: string };

const TEXTS: Record<Lang, { resolved: string }> = {
  vi: { resolved: "đã được xử lý (không còn ở lần kiểm tra này)." },
  en: { resolved: "fixed (gone at this check)." },
};

const cellKey = (sheet: string, cell: string) => `${sheet}\u0000${cell.toUpperCase()}`;

/** "[Bloc Summary] VALUE_TEXT_NUMBER: …" */
export function postText(i: Issue, lang: Lang, catalog?: Catalog): string {
  return `${ANNOTATION_TAG} ${i.code}: ${issueMessage(i, lang, catalog)}`;
}

function resolvedText(code: string, lang: Lang): string {
  return `${ANNOTATION_TAG} ${RESOLVED_MARK} ${code}: ${TEXTS[lang].resolved}`;
}

/** The code a text of ours posts, or marks resolved; null for a person's text. */
function parse(text: string): { code: string; resolved: boolean } | null {
  const m = /^\[Bloc Summary\] (✓ )?([A-Z_]+):/.exec(text.trim());
  return m ? { code: m[2], resolved: !!m[1] } : null;
}

/** Per code, whether its last word in these texts is "posted" (open) or "resolved". */
function states(texts: readonly string[]): Map<string, "open" | "resolved"> {
  const out = new Map<string, "open" | "resolved">();
  // Keyed by the code as written (a string): an older product's code need not be in today's union.
  for (const t of texts) {
    const p = parse(t);
    if (p) out.set(p.code, p.resolved ? "resolved" : "open");
  }
  return out;
}

function byCell(issues: readonly Issue[]): Map<string, Issue[]> {
  const out = new Map<string, Issue[]>();
  for (const i of issues) {
    if (i.severity !== "error") continue;
    const k = cellKey(i.sheet, i.cell);
    const list = out.get(k) ?? [];
    // One post per code and cell: two issues of one code at one cell are one problem to discuss.
    if (!list.some((x) => x.code === i.code)) list.push(i);
    out.set(k, list);
  }
  return out;
}

/**
 * Comment threads (ExcelApi 1.10). `canResolve`: the host can set a thread resolved (ExcelApi
 * 1.11); otherwise, and on a thread a person started, a resolved error gets a tagged reply instead.
 * `post: false` (a build): nothing new is posted, only what is gone is marked resolved.
 */
export function planComments(
  issues: readonly Issue[],
  threads: readonly CellThread[],
  opts: { lang: Lang; catalog?: Catalog; canResolve: boolean; post?: boolean },
): CommentAction[] {
  const actions: CommentAction[] = [];
  const errors = byCell(issues);
  const threadAt = new Map(threads.map((t) => [cellKey(t.sheet, t.cell), t]));

  for (const [k, list] of errors) {
    const { sheet, cell } = list[0];
    const thread = threadAt.get(k);
    const known = states(thread?.entries ?? []);
    // New here, or answered "✓" and back since: posted (again) — never twice while open.
    const fresh = opts.post === false ? [] : list.filter((i) => known.get(i.code as string) !== "open");
    fresh.forEach((i, n) => {
      const text = postText(i, opts.lang, opts.catalog);
      actions.push(!thread && n === 0 ? { kind: "add", sheet, cell, text } : { kind: "reply", sheet, cell, text, resolves: false });
    });
    // An error that was marked resolved and is back: the thread opens again (never a second post).
    if (thread?.resolved && opts.canResolve && list.some((i) => known.get(i.code as string) === "open")) actions.push({ kind: "reopen", sheet, cell });
  }

  for (const t of threads) {
    const known = states(t.entries);
    const now = new Set<string>((errors.get(cellKey(t.sheet, t.cell)) ?? []).map((i) => i.code));
    const gone = [...known].filter(([code, s]) => s === "open" && !now.has(code)).map(([code]) => code);
    if (!gone.length) continue;
    const ours = parse(t.entries[0] ?? "") !== null;
    const stillOpen = [...known].some(([code, s]) => s === "open" && now.has(code));
    if (opts.canResolve && ours && !stillOpen) {
      if (!t.resolved) actions.push({ kind: "resolve", sheet: t.sheet, cell: t.cell });
    } else {
      for (const code of gone) actions.push({ kind: "reply", sheet: t.sheet, cell: t.cell, text: resolvedText(code, opts.lang), resolves: true });
    }
  }
  return actions;
}

/**
 * Notes (ExcelApi 1.18, and the CLI's copy): one note per cell, one tagged line per error. A note
 * holding anything but our lines is a person's: it is left as it is and its cell reported skipped.
 */
export function planNotes(
  issues: readonly Issue[],
  notes: readonly CellNote[],
  opts: { lang: Lang; catalog?: Catalog; post?: boolean },
): { actions: NoteAction[]; skipped: { sheet: string; cell: string }[]; posted: number; resolved: number } {
  const actions: NoteAction[] = [];
  let posted = 0;
  let resolved = 0;
  const skipped: { sheet: string; cell: string }[] = [];
  const errors = byCell(issues);
  const noteAt = new Map(notes.map((n) => [cellKey(n.sheet, n.cell), n]));
  const keys = new Set([...errors.keys(), ...notes.map((n) => cellKey(n.sheet, n.cell))]);
  for (const k of keys) {
    const note = noteAt.get(k);
    // Without posting (a build), only notes already there are brought up to date.
    if (opts.post === false && !note) continue;
    const list = errors.get(k) ?? [];
    const lines = note ? note.text.split(/\r?\n/).filter((l) => l.trim() !== "") : [];
    if (note && lines.some((l) => parse(l) === null)) {
      if (list.length) skipped.push({ sheet: list[0].sheet, cell: list[0].cell });
      continue;
    }
    const known = states(lines);
    const now = new Map<string, Issue>(list.map((i) => [i.code, i]));
    // Lines stay in the order first written; each code once.
    const out: string[] = [];
    const seen = new Set<string>();
    for (const l of lines) {
      const code = parse(l)!.code;
      if (seen.has(code)) continue;
      seen.add(code);
      const issue = now.get(code);
      const open = known.get(code) === "open";
      if (issue && !open && opts.post === false) {
        out.push(l);
        continue;
      }
      if (issue) out.push(open ? l : postText(issue, opts.lang, opts.catalog));
      else out.push(open ? resolvedText(code, opts.lang) : l);
      if (issue && !open) posted++;
      if (!issue && open) resolved++;
    }
    for (const i of list) {
      if (seen.has(i.code) || opts.post === false) continue;
      out.push(postText(i, opts.lang, opts.catalog));
      posted++;
    }
    const text = out.join("\n");
    const sheet = note?.sheet ?? list[0].sheet;
    const cell = note?.cell ?? list[0].cell;
    if (!note) actions.push({ kind: "addNote", sheet, cell, text });
    else if (text !== lines.join("\n")) actions.push({ kind: "setNote", sheet, cell, text });
  }
  return { actions, skipped, posted, resolved };
}
