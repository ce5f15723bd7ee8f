/** A plan sheet as the workbook would hold it after a host wrote it (values are the cached results). */
import type { SheetModel } from "../../src/core/sheet/model";
import type { SheetSnapshot } from "../../src/core/snapshot";
import { plainSheet } from "./snapshots";

export function planToSheet(p: SheetModel, name = p.name): SheetSnapshot {
  const width = p.rows.reduce((m, r) => Math.max(m, r?.length ?? 0), 0);
  const rows = p.rows.map((r) => Array.from({ length: width }, (_, c) => r?.[c]?.value ?? null));
  const formulas = p.rows.map((r) => Array.from({ length: width }, (_, c) => (r?.[c]?.formula ? `=${r[c]!.formula}` : null)));
  const s = plainSheet(name, rows);
  return { ...s, formulas: s.values.length ? formulas : [] };
}
