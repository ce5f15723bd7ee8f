/** The one builder of sheet models: cells by (row, col), merged titles, row heights. */
import { rangeA1 } from "../a1";
import type { Cell, SheetKind, SheetModel } from "./model";
import type { StyleName } from "./styles";

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

  build(name: string, kind: SheetKind, rest: Omit<SheetModel, "name" | "kind" | "rows" | "merges" | "rowHeights">): SheetModel {
    for (let r = 0; r < this.rows.length; r++) this.rows[r] ??= [];
    return { name, kind, rows: this.rows, merges: this.merges, rowHeights: this.rowHeights, ...rest };
  }
}

/** Excel refuses a row taller than 409 points. */
export const MAX_ROW_HEIGHT = 409;
