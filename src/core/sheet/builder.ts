/** The one builder of sheet models: cells by (row, col), merged titles, row heights. */
import { rangeA1 } from "../a1";
import type { Indicator } from "../catalog";
import type { Cell, SheetKind, SheetModel } from "./model";
import { indicatorFormat, type StyleName } from "./styles";

export class SheetBuilder {
  readonly rows: (Cell | undefined)[][] = [];
  readonly merges: string[] = [];
  readonly rowHeights: Record<number, number> = {};

  set(row: number, col: number, cell: Cell): void {
    (this.rows[row] ??= [])[col] = cell;
  }

  text(row: number, col: number, value: string, style: StyleName = "text"): void {
    this.set(row, col, { value, style });
  }

  /** Text merged across columns [col, col + span), with the row's height when given. */
  title(row: number, col: number, span: number, value: string, style: StyleName, height?: number): void {
    this.text(row, col, value, style);
    if (span > 1) this.merges.push(rangeA1(row, col, row, col + span - 1));
    if (height) this.rowHeights[row] = height;
  }

  /**
   * The total row under block rows [first, last]: the label in column 2, then per indicator from
   * `firstCol` a SUM of its column with the cached result (0, without a formula, when the block is empty).
   */
  sumRow(row: number, label: string, firstCol: number, inds: readonly Indicator[], first: number, last: number, totalOf: (ind: Indicator) => number | undefined): void {
    this.text(row, 2, label, "textBold");
    const any = last >= first;
    inds.forEach((ind, k) => {
      const c = firstCol + k;
      this.set(row, c, { formula: any ? `SUM(${rangeA1(first, c, last, c)})` : "0", value: any ? (totalOf(ind) ?? 0) : 0, format: indicatorFormat(ind), style: "total" });
    });
  }

  build(name: string, kind: SheetKind, rest: Omit<SheetModel, "name" | "kind" | "rows" | "merges" | "rowHeights">): SheetModel {
    for (let r = 0; r < this.rows.length; r++) this.rows[r] ??= [];
    return { name, kind, rows: this.rows, merges: this.merges, rowHeights: this.rowHeights, ...rest };
  }
}

/** Excel refuses a row taller than 409 points. */
export const MAX_ROW_HEIGHT = 409;
