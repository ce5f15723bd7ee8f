/**
 * The manifest's floor against the code: every Office.js member the Office.js hosts use that is
 * newer than the ExcelApi version the manifest declares must be guarded — reached only where
 * `supports("ExcelApi", "1.x")` / `isSetSupported(...)` said yes. Part of `npm run validate`.
 *
 * "Guarded" is read from the syntax (TypeScript's parser), the way the code is written here:
 * - the use sits in the then-branch of an `if`, the true branch of `?:`, or the right of `&&`,
 *   whose condition names a guard; or after `if (!guard) return;` in an enclosing block;
 * - a guard is the requirement call itself, or a name the same file binds to one: `const layout =
 *   supports("ExcelApi", "1.9")`, a property `validation: supports(...)`, a string a conditional
 *   chooses by it (`supports("ExcelApi", "1.18") ? "note" : …` makes "note" a 1.18 guard), or a
 *   function whose body asks for the set.
 * Only the members listed in API_MEMBERS are known; their sets are from the Excel JavaScript API
 * reference ("API set" of each member) and the Office common API requirement sets.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import * as ts from "typescript";

export interface Requirement {
  set: string;
  version: string;
}

/** Member name → the requirement set that introduced it (members at or below 1.7 included, for lower floors). */
export const API_MEMBERS: Record<string, Requirement> = {
  getUsedRangeOrNullObject: { set: "ExcelApi", version: "1.4" },
  getItemOrNullObject: { set: "ExcelApi", version: "1.4" },
  runtime: { set: "ExcelApi", version: "1.5" },
  suspendApiCalculationUntilNextSync: { set: "ExcelApi", version: "1.6" },
  getRangeByIndexes: { set: "ExcelApi", version: "1.7" },
  hyperlink: { set: "ExcelApi", version: "1.7" },
  tabColor: { set: "ExcelApi", version: "1.7" },
  freezePanes: { set: "ExcelApi", version: "1.7" },
  setXAxisValues: { set: "ExcelApi", version: "1.7" },
  enableEvents: { set: "ExcelApi", version: "1.8" },
  dataValidation: { set: "ExcelApi", version: "1.8" },
  suspendScreenUpdatingUntilNextSync: { set: "ExcelApi", version: "1.9" },
  pageLayout: { set: "ExcelApi", version: "1.9" },
  copyFrom: { set: "ExcelApi", version: "1.9" },
  comments: { set: "ExcelApi", version: "1.10" },
  getMergedAreasOrNullObject: { set: "ExcelApi", version: "1.13" },
  insertWorksheetsFromBase64: { set: "ExcelApi", version: "1.13" },
  notes: { set: "ExcelApi", version: "1.18" },
  showAsTaskpane: { set: "SharedRuntime", version: "1.1" },
};

/** "1.10" > "1.9": compared as numbers, part by part. */
export function versionAtLeast(have: string, need: string): boolean {
  const a = have.split(".").map(Number);
  const b = need.split(".").map(Number);
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if ((a[i] ?? 0) !== (b[i] ?? 0)) return (a[i] ?? 0) > (b[i] ?? 0);
  }
  return true;
}

export interface FloorFinding {
  file: string;
  line: number;
  member: string;
  need: Requirement;
}

const isRequirementCall = (n: ts.Node): n is ts.CallExpression => {
  if (!ts.isCallExpression(n) || n.arguments.length < 2) return false;
  const callee = n.expression.getText();
  return /(^|\.)(supports|isSetSupported)$/.test(callee) && n.arguments.slice(0, 2).every(ts.isStringLiteral);
};

const requirementOf = (call: ts.CallExpression): Requirement => ({ set: (call.arguments[0] as ts.StringLiteral).text, version: (call.arguments[1] as ts.StringLiteral).text });

function walk(node: ts.Node, visit: (n: ts.Node) => void): void {
  visit(node);
  node.forEachChild((c) => walk(c, visit));
}

/** Names (identifiers, property names, string values) this file binds to a requirement. */
function guardNames(file: ts.SourceFile): Map<string, Requirement[]> {
  const names = new Map<string, Requirement[]>();
  const bind = (name: string, r: Requirement) => names.set(name, [...(names.get(name) ?? []), r]);
  walk(file, (n) => {
    if (!isRequirementCall(n)) return;
    const r = requirementOf(n);
    let at: ts.Node = n;
    while (
      ts.isParenthesizedExpression(at.parent) ||
      ts.isPrefixUnaryExpression(at.parent) ||
      (ts.isBinaryExpression(at.parent) && at.parent.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken)
    )
      at = at.parent;
    const p = at.parent;
    if (ts.isVariableDeclaration(p) && ts.isIdentifier(p.name)) bind(p.name.text, r);
    else if (ts.isPropertyAssignment(p)) bind(p.name.getText(), r);
    else if (ts.isConditionalExpression(p) && p.condition === at && ts.isStringLiteral(p.whenTrue)) bind(p.whenTrue.text, r);
    // A function that asks for the set guards where it is called.
    for (let f: ts.Node | undefined = n.parent; f; f = f.parent) {
      if (ts.isFunctionDeclaration(f) && f.name) {
        bind(f.name.text, r);
        break;
      }
    }
  });
  return names;
}

/** Does this condition establish the requirement? */
function establishes(condition: ts.Node, need: Requirement, names: Map<string, Requirement[]>): boolean {
  let ok = false;
  const enough = (r: Requirement) => r.set === need.set && versionAtLeast(r.version, need.version);
  walk(condition, (n) => {
    if (ok) return;
    if (isRequirementCall(n)) ok = enough(requirementOf(n));
    else if (ts.isIdentifier(n) || ts.isStringLiteral(n)) ok = (names.get(n.text) ?? []).some(enough);
  });
  return ok;
}

const exits = (s: ts.Statement): boolean =>
  ts.isReturnStatement(s) || ts.isThrowStatement(s) || (ts.isBlock(s) && s.statements.length > 0 && exits(s.statements[s.statements.length - 1]));

function guarded(node: ts.Node, need: Requirement, names: Map<string, Requirement[]>): boolean {
  for (let child = node, p = node.parent; p; child = p, p = p.parent) {
    if (ts.isIfStatement(p) && p.thenStatement === child && establishes(p.expression, need, names)) return true;
    if (ts.isConditionalExpression(p) && p.whenTrue === child && establishes(p.condition, need, names)) return true;
    if (ts.isBinaryExpression(p) && p.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken && p.right === child && establishes(p.left, need, names)) return true;
    if (ts.isBlock(p) || ts.isSourceFile(p)) {
      const before = p.statements.slice(0, p.statements.indexOf(child as ts.Statement));
      // if (!guard) return;
      if (
        before.some(
          (s) =>
            ts.isIfStatement(s) &&
            ts.isPrefixUnaryExpression(s.expression) &&
            s.expression.operator === ts.SyntaxKind.ExclamationToken &&
            exits(s.thenStatement) &&
            establishes(s.expression.operand, need, names),
        )
      )
        return true;
    }
  }
  return false;
}

/** Uses of members above the floors (declared sets → minimum versions) that no guard reaches. */
export function unguardedCalls(fileName: string, text: string, floors: Record<string, string>): FloorFinding[] {
  const file = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, fileName.endsWith(".tsx") ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const names = guardNames(file);
  const out: FloorFinding[] = [];
  walk(file, (n) => {
    if (!ts.isPropertyAccessExpression(n)) return;
    const need = Object.prototype.hasOwnProperty.call(API_MEMBERS, n.name.text) ? API_MEMBERS[n.name.text] : undefined;
    if (!need) return;
    const floor = floors[need.set];
    if (floor !== undefined && versionAtLeast(floor, need.version)) return;
    if (guarded(n, need, names)) return;
    out.push({ file: fileName, line: file.getLineAndCharacterOfPosition(n.name.getStart()).line + 1, member: n.name.text, need });
  });
  return out;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const full = join(dir, entry);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(entry) && !entry.endsWith(".d.ts") ? [full] : [];
  });
}

/** The Office.js hosts: where Office.js is called. The core, the file host and the CLI never call it. */
export const OFFICE_HOST_DIRS = ["excel", "commands", "taskpane"];

export function checkApiFloor(sourcesDir: string, floors: Record<string, string>): FloorFinding[] {
  return OFFICE_HOST_DIRS.flatMap((d) => {
    const dir = join(sourcesDir, d);
    try {
      statSync(dir);
    } catch {
      return [];
    }
    return sourceFiles(dir).flatMap((f) => unguardedCalls(relative(process.cwd(), f), readFileSync(f, "utf8"), floors));
  });
}
