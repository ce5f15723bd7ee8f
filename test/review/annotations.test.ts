/**
 * Errors as comments or notes at their cells (SPEC §10): posted once, tagged with their code,
 * resolved when gone, and a person's words never edited or deleted.
 */
import { issue, type Issue } from "../../src/core/issues";
import { ANNOTATION_TAG, planComments, planNotes, postText, type CellNote, type CellThread, type CommentAction } from "../../src/core/review/annotations";

const text = issue("VALUE_TEXT_NUMBER", "error", "BTP", "E7", { indicator: "TT01", year: 2023, text: "1.234", value: 1234 });
const negative = issue("VALUE_NEGATIVE", "error", "BCA", "E9", { indicator: "TT03", year: 2023, value: -5 });
const relation = issue("RELATION_VIOLATED", "error", "BTP", "E7", { left: "TT02", right: "TT01", op: "<=", leftValue: 2, rightValue: 1, year: 2023, rightCell: "E7" });
const warning = issue("UNIT_CONVERTED", "warning", "BQP", "D9", { indicator: "TT03", unit: "triệu đồng", divisor: 1000 });

/** A host that applies comment actions to threads, as Excel would. */
function applyComments(threads: CellThread[], actions: CommentAction[]): CellThread[] {
  const out = threads.map((t) => ({ ...t, entries: [...t.entries] }));
  for (const a of actions) {
    let t = out.find((x) => x.sheet === a.sheet && x.cell === a.cell);
    if (a.kind === "add") {
      expect(t).toBeUndefined();
      out.push({ sheet: a.sheet, cell: a.cell, entries: [a.text], resolved: false });
      continue;
    }
    expect(t).toBeDefined();
    t = t!;
    if (a.kind === "reply") t.entries.push(a.text);
    else t.resolved = a.kind === "resolve";
  }
  return out;
}

const run = (issues: Issue[], threads: CellThread[], canResolve = true) => {
  const actions = planComments(issues, threads, { lang: "vi", canResolve });
  return { actions, threads: applyComments(threads, actions) };
};

describe("errors as comments", () => {
  it("posts each error once at its cell, tagged with its code; warnings are not posted", () => {
    const first = run([text, relation, negative, warning], []);
    expect(first.actions.map((a) => [a.kind, a.sheet, a.cell])).toEqual([
      ["add", "BTP", "E7"],
      ["reply", "BTP", "E7"],
      ["add", "BCA", "E9"],
    ]);
    expect(first.threads[0].entries[0]).toBe(postText(text, "vi"));
    expect(first.threads[0].entries[0].startsWith(`${ANNOTATION_TAG} VALUE_TEXT_NUMBER: `)).toBe(true);
    // Posting again with the same errors does nothing.
    expect(run([text, relation, negative], first.threads).actions).toEqual([]);
  });

  it("marks a thread resolved when its errors are gone, and opens it again if one comes back", () => {
    const first = run([text, negative], []);
    const fixed = run([negative], first.threads);
    expect(fixed.actions).toEqual([{ kind: "resolve", sheet: "BTP", cell: "E7" }]);
    expect(run([negative], fixed.threads).actions).toEqual([]);
    const back = run([text, negative], fixed.threads);
    expect(back.actions).toEqual([{ kind: "reopen", sheet: "BTP", cell: "E7" }]);
    expect(back.threads.find((t) => t.cell === "E7")!.entries).toHaveLength(1);
  });

  it("answers with a tagged reply where the host cannot resolve, once", () => {
    const first = run([text], [], false);
    const fixed = run([], first.threads, false);
    expect(fixed.actions.map((a) => a.kind)).toEqual(["reply"]);
    expect((fixed.actions[0] as { text: string }).text).toMatch(/^\[Bloc Summary\] ✓ VALUE_TEXT_NUMBER: /);
    expect(run([], fixed.threads, false).actions).toEqual([]);
    // Back again: posted again below the "✓", so the thread never claims it is fixed.
    const back = run([text], fixed.threads, false);
    expect(back.actions.map((a) => a.kind)).toEqual(["reply"]);
    expect(run([text], back.threads, false).actions).toEqual([]);
  });

  it("on a build posts nothing new and only marks resolved what is gone", () => {
    const first = run([text], []);
    const actions = planComments([negative], first.threads, { lang: "vi", canResolve: true, post: false });
    expect(actions).toEqual([{ kind: "resolve", sheet: "BTP", cell: "E7" }]);
    const notes = planNotes([negative], [{ sheet: "BTP", cell: "E7", text: postText(text, "en") }], { lang: "en", post: false });
    expect(notes.actions.map((a) => a.kind)).toEqual(["setNote"]);
    expect([notes.posted, notes.resolved]).toEqual([0, 1]);
  });

  it("replies in a thread a person started, never edits it, never resolves it for them", () => {
    const person: CellThread = { sheet: "BTP", cell: "E7", entries: ["Chị Lan: số này đúng chưa?", "Anh Minh: để tôi hỏi lại"], resolved: false };
    const posted = run([text], [person]);
    expect(posted.actions.map((a) => a.kind)).toEqual(["reply"]);
    const fixed = run([], posted.threads);
    expect(fixed.actions.map((a) => a.kind)).toEqual(["reply"]);
    const t = fixed.threads[0];
    expect(t.entries.slice(0, 2)).toEqual(person.entries);
    expect(t.resolved).toBe(false);
  });

  it("keeps a person's reply in our thread and still resolves the thread once the error is gone", () => {
    const first = run([text], []);
    first.threads[0].entries.push("Đơn vị BTP: đã sửa lại thành số");
    const fixed = run([], first.threads);
    expect(fixed.actions).toEqual([{ kind: "resolve", sheet: "BTP", cell: "E7" }]);
    expect(fixed.threads[0].entries[1]).toBe("Đơn vị BTP: đã sửa lại thành số");
  });
});

describe("errors as notes", () => {
  const apply = (notes: CellNote[], issues: Issue[]) => {
    const plan = planNotes(issues, notes, { lang: "en" });
    const out = notes.map((n) => ({ ...n }));
    for (const a of plan.actions) {
      const n = out.find((x) => x.sheet === a.sheet && x.cell === a.cell);
      if (a.kind === "addNote") {
        expect(n).toBeUndefined();
        out.push({ sheet: a.sheet, cell: a.cell, text: a.text });
      } else n!.text = a.text;
    }
    return { ...plan, notes: out };
  };

  it("writes one note per cell, one tagged line per error, once; marks a gone error resolved", () => {
    const one = apply([], [text, relation, negative]);
    expect(one.notes.map((n) => [n.cell, n.text.split("\n").length])).toEqual([
      ["E7", 2],
      ["E9", 1],
    ]);
    expect(apply(one.notes, [text, relation, negative]).actions).toEqual([]);
    expect([one.posted, one.resolved]).toEqual([3, 0]);
    const two = apply(one.notes, [relation, negative]);
    expect([two.posted, two.resolved]).toEqual([0, 1]);
    expect(two.actions.map((a) => [a.kind, a.cell])).toEqual([["setNote", "E7"]]);
    expect(two.notes[0].text.split("\n")).toEqual([expect.stringMatching(/^\[Bloc Summary\] ✓ VALUE_TEXT_NUMBER: fixed/), postText(relation, "en")]);
    expect(apply(two.notes, [relation, negative]).actions).toEqual([]);
  });

  it("leaves a person's note alone and says which cell it skipped", () => {
    const mine = { sheet: "BTP", cell: "E7", text: "Số liệu đơn vị gửi qua email ngày 12/1" };
    const out = apply([mine], [text]);
    expect(out.actions).toEqual([]);
    expect(out.skipped).toEqual([{ sheet: "BTP", cell: "E7" }]);
    expect(out.notes).toEqual([mine]);
  });
});
