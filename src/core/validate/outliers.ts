/** CHANGE_OUTLIER: a typo guard on the change against the compare year. */
import { issue, type Issue } from "../issues";
import type { UnitReport } from "../model";

/** More than tenfold either way, or from/to 0 — only once the larger side reaches MIN_SIZE. */
export const OUTLIER_RATIO = 10;
export const OUTLIER_MIN_SIZE = 10;

export function isOutlier(current: number, previous: number): boolean {
  const hi = Math.max(current, previous);
  const lo = Math.min(current, previous);
  if (hi < OUTLIER_MIN_SIZE) return false;
  return lo === 0 || hi / lo > OUTLIER_RATIO;
}

export function checkOutliers(report: UnitReport, year: number, compareYear: number): Issue[] {
  const out: Issue[] = [];
  // forEach rather than for…of: no entry pair made per figure (this runs cold, once per unit sheet).
  report.values.forEach((byYear, code) => {
    const cur = byYear.get(year);
    const prev = byYear.get(compareYear);
    if (!cur || !prev || !isOutlier(cur.value, prev.value)) return;
    out.push(issue("CHANGE_OUTLIER", "warning", cur.sheet, cur.cell, { indicator: code, year, compareYear, value: cur.value, previous: prev.value, previousCell: prev.cell }));
  });
  return out;
}
