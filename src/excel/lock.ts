/**
 * One build at a time per workbook — the one mechanism for every writer that must not overlap
 * (the pane, the ribbon, a co-author on a shared workbook; issue 11's review writes reuse it).
 *
 * The lock is a hidden workbook-scope defined name, `BlocSummary_Busy`, whose formula is a text
 * constant `="<token>|<started ms>|<expires ms>|<source>"`. A defined name is part of the workbook,
 * so co-authors see it once co-authoring has merged the change; a lock whose expiry has passed was
 * left by a build that crashed and is taken over. Names and NamedItem.formula are ExcelApi 1.4 / 1.7.
 *
 * Two ways in: `withWorkbookLock(run, …, work)` (2 syncs to take, 1 to release) for a writer of its
 * own, and the queue-style `queueLockRead` / `queueLockTake` / `queueLockRelease` for the build,
 * which folds them into the syncs it makes anyway.
 */

export const LOCK_NAME = "BlocSummary_Busy";
/** A build that has not finished after this long is taken for crashed. */
export const LOCK_TTL_MS = 5 * 60_000;

export type LockSource = "pane" | "ribbon" | "review";

export interface LockHolder {
  token: string;
  /** Epoch milliseconds. */
  started: number;
  expires: number;
  source: LockSource | string;
}

/** Another holder's lock is live: nothing was written. */
export class WorkbookBusyError extends Error {
  readonly code = "WorkbookBusy";
  constructor(readonly holder: LockHolder) {
    super(`Another build holds the workbook (since ${new Date(holder.started).toISOString()}, ${holder.source})`);
    this.name = "WorkbookBusyError";
  }
}

export function encodeLock(h: LockHolder): string {
  const text = [h.token, h.started, h.expires, h.source].join("|");
  return `="${text.replace(/"/g, '""')}"`;
}

/** The holder a name's formula describes, or null for anything that is not a lock of ours. */
export function decodeLock(formula: unknown): LockHolder | null {
  if (typeof formula !== "string") return null;
  const m = /^="(.*)"$/s.exec(formula.trim());
  if (!m) return null;
  const [token, started, expires, source] = m[1].replace(/""/g, '"').split("|");
  const s = Number(started);
  const e = Number(expires);
  if (!token || !Number.isFinite(s) || !Number.isFinite(e) || source === undefined) return null;
  return { token, started: s, expires: e, source };
}

export function newLock(source: LockSource, now: number, ttl = LOCK_TTL_MS): LockHolder {
  const token = `${now.toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
  return { token, started: now, expires: now + ttl, source };
}

/** What a read of the lock found: the name may exist without being a lock we understand. */
export interface LockRead {
  exists: boolean;
  holder: LockHolder | null;
}

/** Queue a read of the lock; the returned function answers after the next sync. */
export function queueLockRead(context: Excel.RequestContext): () => LockRead {
  const item = context.workbook.names.getItemOrNullObject(LOCK_NAME);
  item.load("formula");
  return () => (item.isNullObject ? { exists: false, holder: null } : { exists: true, holder: decodeLock(item.formula) });
}

/**
 * Queue taking the lock over what the read found: refuses (WorkbookBusyError, nothing queued) when
 * another holder's lock is still live, otherwise writes ours (over a stale one, or as a new name).
 */
export function queueLockTake(context: Excel.RequestContext, read: LockRead, mine: LockHolder, now: number): void {
  const found = read.holder;
  if (found && found.token !== mine.token && found.expires > now) throw new WorkbookBusyError(found);
  const names = context.workbook.names;
  if (read.exists) names.getItem(LOCK_NAME).formula = encodeLock(mine);
  else names.add(LOCK_NAME, encodeLock(mine)).visible = false;
}

/** After a second read: is the lock still ours (a co-author may have taken it in between)? */
export function assertLockHeld(read: LockRead, mine: LockHolder): void {
  if (read.holder?.token !== mine.token) throw new WorkbookBusyError(read.holder ?? mine);
}

/** Queue removing our lock; the caller has just read it back as ours, so the name exists. */
export function queueLockRelease(context: Excel.RequestContext): void {
  context.workbook.names.getItem(LOCK_NAME).delete();
}

type Run = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

/**
 * Run `work` holding the workbook's lock: refused with WorkbookBusyError while another live lock
 * exists; released afterwards whatever `work` did (best effort: an expired lock frees itself).
 */
export async function withWorkbookLock<T>(run: Run, source: LockSource, work: () => Promise<T>, clock: () => number = Date.now): Promise<T> {
  const mine = newLock(source, clock());
  await run(async (context) => {
    const read = queueLockRead(context);
    await context.sync();
    queueLockTake(context, read(), mine, clock());
    await context.sync();
  });
  try {
    return await work();
  } finally {
    await releaseIfMine(run, mine);
  }
}

/** Remove the lock if it is still ours (one read, one write); never throws. */
export async function releaseIfMine(run: Run, mine: LockHolder): Promise<void> {
  try {
    await run(async (context) => {
      const read = queueLockRead(context);
      await context.sync();
      if (read().holder?.token !== mine.token) return;
      queueLockRelease(context);
      await context.sync();
    });
  } catch {
    // The lock expires by itself.
  }
}
