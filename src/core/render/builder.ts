/** A small grid builder for sheet plans: cells by (row, col), merges, widths. */
import { rangeA1 } from "../a1";
import type { OutputKind, PlannedCell, SheetPlan, StyleName } from "../plan";

export class SheetBuilder {
  readonly rows: (PlannedCell | undefined)[][] = [];
  readonly merges: string[] = [];
  readonly rowHeights: Record<number, number> = {};

  set(row: number, col: number, cell: PlannedCell): void {
    const line = (this.rows[row] ??= []);
    line[col] = cell;
  }

  text(row: number, col: number, value: string, style: StyleName = "text"): void {
    this.set(row, col, { value, style });
  }

  /** A merged title across columns [col, col + span). */
  title(row: number, col: number, span: number, value: string, style: StyleName): void {
    this.text(row, col, value, style);
    if (span > 1) this.merges.push(rangeA1(row, col, row, col + span - 1));
  }

  build(name: string, kind: OutputKind, rest: Omit<SheetPlan, "name" | "kind" | "rows" | "merges" | "rowHeights">): SheetPlan {
    for (let r = 0; r < this.rows.length; r++) this.rows[r] ??= [];
    return { name, kind, rows: this.rows, merges: this.merges, rowHeights: this.rowHeights, ...rest };
  }
}

/** Excel refuses a row taller than 409 points. */
export const MAX_ROW_HEIGHT = 409;

export const FORMATS = {
  count: "#,##0",
  money: "#,##0.000",
  number: "#,##0.###",
  percent: "0.0%",
  rank: "0",
  index: "0.0",
} as const;
