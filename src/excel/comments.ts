/**
 * "Ghi nhận xét vào ô" / "Post as comments": the errors as threaded comments at their cells
 * (ExcelApi 1.10; resolving a thread needs ExcelApi 1.11), else as notes (ExcelApi 1.18), else not
 * offered. What to write comes from core/review/annotations; this module only reads what the
 * cells carry and runs the actions. Requirement sets per Microsoft's reference:
 * Excel.CommentCollection and Comment.getLocation/replies — ExcelApi 1.10; Comment.resolved —
 * ExcelApi 1.11; Workbook.notes, Note.content/getLocation — ExcelApi 1.18.
 *
 * Syncs: 2 to read (the items, then their cells and replies), 1 to write when there is anything to
 * write. A build folds the two reads into its own (queueAnnotationRead) and writes only when a
 * posted error is gone.
 */
import type { Lang } from "../core/i18n/format";
import type { Issue } from "../core/issues";
import type { Catalog } from "../core/model";
import { planComments, planNotes, type CellNote, type CellThread } from "../core/review/annotations";
import { officeSupports, type Supports } from "./supports";

export type AnnotationMode = { kind: "comments"; canResolve: boolean } | { kind: "notes" } | { kind: "none" };

/** Comments where the host has them, notes otherwise, else nothing (the pane hides its button). */
export function annotationMode(supports: Supports = officeSupports): AnnotationMode {
  // Written as conditionals so scripts/api-floor.ts reads "comments" as 1.10 and "notes" as 1.18.
  const kind = supports("ExcelApi", "1.10") ? "comments" : supports("ExcelApi", "1.18") ? "notes" : "none";
  return kind === "comments" ? { kind, canResolve: supports("ExcelApi", "1.11") } : { kind };
}

export interface Annotated {
  mode: "comments" | "notes";
  /** Errors posted now (new threads, replies, or note lines). */
  posted: number;
  /** Threads or notes marked resolved now. */
  resolved: number;
  /** Cells left alone because a person's note is there. */
  skipped: { sheet: string; cell: string }[];
}

/** "'BTP'!E7" or "BTP!E7" → sheet and cell. */
function splitAddress(address: string): { sheet: string; cell: string } {
  const bang = address.lastIndexOf("!");
  const raw = address.slice(0, bang);
  const sheet = raw.startsWith("'") ? raw.slice(1, -1).replace(/''/g, "'") : raw;
  return {
    sheet,
    cell: address
      .slice(bang + 1)
      .replace(/\$/g, "")
      .split(":")[0],
  };
}

const at = (sheet: string, cell: string) => `'${sheet.replace(/'/g, "''")}'!${cell}`;

export interface AnnotateOptions {
  lang: Lang;
  catalog?: Catalog;
  supports?: Supports;
  /** False on a build: post nothing new, only mark resolved what is gone (default true). */
  post?: boolean;
}

/** What the cells carry: the comment threads, or the notes. */
export type Existing = { kind: "comments"; threads: CellThread[] } | { kind: "notes"; cellNotes: CellNote[] };

/**
 * Queue reading what the cells carry, in two stages so it can ride on syncs made anyway (the
 * build's read): `next()` after the first sync, `done()` after the second.
 */
export function queueAnnotationRead(context: Excel.RequestContext, mode: AnnotationMode): { next(): void; done(): Existing } {
  if (mode.kind === "none") throw new Error("Neither comments (ExcelApi 1.10) nor notes (ExcelApi 1.18) are available");
  if (mode.kind === "comments") {
    const comments = context.workbook.comments;
    comments.load(mode.canResolve ? "items/content,items/resolved" : "items/content");
    let located: { c: Excel.Comment; where: Excel.Range }[] = [];
    return {
      next: () => {
        located = comments.items.map((c) => {
          const where = c.getLocation();
          where.load("address");
          c.replies.load("items/content");
          return { c, where };
        });
      },
      done: () => ({
        kind: "comments",
        threads: located.map(({ c, where }) => ({
          ...splitAddress(where.address),
          entries: [c.content, ...c.replies.items.map((r) => r.content)],
          resolved: mode.canResolve ? c.resolved : false,
        })),
      }),
    };
  }
  let located: { n: Excel.Note; where: Excel.Range }[] = [];
  const notes = mode.kind === "notes" ? context.workbook.notes : null;
  notes?.load("items/content");
  return {
    next: () => {
      located = (notes?.items ?? []).map((n) => {
        const where = n.getLocation();
        where.load("address");
        return { n, where };
      });
    },
    done: () => ({ kind: "notes", cellNotes: located.map(({ n, where }) => ({ ...splitAddress(where.address), text: n.content })) }),
  };
}

/** Plan against what the cells carry, and queue the writes; the counts say what they do. */
export function queueAnnotations(
  context: Excel.RequestContext,
  existing: Existing,
  issues: readonly Issue[],
  opts: AnnotateOptions & { canResolve: boolean },
): Annotated & { writes: number } {
  if (existing.kind === "comments") {
    const comments = context.workbook.comments;
    const actions = planComments(issues, existing.threads, { lang: opts.lang, catalog: opts.catalog, canResolve: opts.canResolve, post: opts.post });
    let posted = 0;
    let resolved = 0;
    for (const a of actions) {
      const address = at(a.sheet, a.cell);
      if (a.kind === "add") comments.add(address, a.text, "Plain" as Excel.ContentType);
      else if (a.kind === "reply") comments.getItemByCell(address).replies.add(a.text, "Plain" as Excel.ContentType);
      else comments.getItemByCell(address).resolved = a.kind === "resolve";
      if (a.kind === "add" || (a.kind === "reply" && !a.resolves)) posted++;
      if (a.kind === "resolve" || (a.kind === "reply" && a.resolves)) resolved++;
    }
    return { mode: "comments", posted, resolved, skipped: [], writes: actions.length };
  }
  const plan = planNotes(issues, existing.cellNotes, { lang: opts.lang, catalog: opts.catalog, post: opts.post });
  const notes = existing.kind === "notes" ? context.workbook.notes : null;
  for (const a of plan.actions) {
    if (a.kind === "addNote") notes?.add(at(a.sheet, a.cell), a.text);
    else if (notes) notes.getItem(at(a.sheet, a.cell)).content = a.text;
  }
  return { mode: "notes", posted: plan.posted, resolved: plan.resolved, skipped: plan.skipped, writes: plan.actions.length };
}

/** Post the errors of `issues` (on sheets that exist) at their cells; mark resolved what is gone. */
export async function annotateIssues(context: Excel.RequestContext, issues: readonly Issue[], opts: AnnotateOptions): Promise<Annotated> {
  const mode = annotationMode(opts.supports);
  if (mode.kind === "none") throw new Error("Neither comments (ExcelApi 1.10) nor notes (ExcelApi 1.18) are available");
  const sheets = context.workbook.worksheets;
  sheets.load("items/name");
  const read = queueAnnotationRead(context, mode);
  await context.sync();
  read.next();
  await context.sync();
  const existing = new Set(sheets.items.map((s) => s.name));
  const done = queueAnnotations(
    context,
    read.done(),
    issues.filter((i) => existing.has(i.sheet)),
    { ...opts, canResolve: mode.kind === "comments" && mode.canResolve },
  );
  if (done.writes) await context.sync();
  return { mode: done.mode, posted: done.posted, resolved: done.resolved, skipped: done.skipped };
}
