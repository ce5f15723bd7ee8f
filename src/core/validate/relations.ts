/** SPEC §3.4 relations, checked only between accepted values (one typo never becomes three errors). */
import { RELATIONS, relationHolds } from "../catalog";
import { issue, type Issue } from "../issues";
import type { UnitReport } from "../model";

export function checkRelations(report: UnitReport, years: readonly number[]): Issue[] {
  const out: Issue[] = [];
  for (const rel of RELATIONS) {
    for (const year of years) {
      const l = report.values.get(rel.left)?.get(year);
      const r = report.values.get(rel.right)?.get(year);
      if (!l || !r || relationHolds(rel, l.value, r.value)) continue;
      out.push(
        issue("RELATION_VIOLATED", "error", l.sheet, l.cell, {
          left: rel.left,
          op: rel.op,
          right: rel.right,
          leftValue: l.value,
          rightValue: r.value,
          rightCell: r.cell,
          year,
        }),
      );
    }
  }
  return out;
}
