/** The ribbon command: registered before Office.onReady, always completes, and every outcome reaches the user. */
import type { Built, Outcome } from "../../src/excel/session";
import { buildBloc } from "../../src/core/pipeline";
import { BlocBuilder } from "../support/snapshots";

type Handler = (event: { completed: () => void }) => Promise<void>;

function outcome(wb = new BlocBuilder().build()): Outcome<Built> {
  const result = buildBloc(wb, { lang: "vi", now: "2031-12-15T03:00:00.000Z" });
  return { ok: true, value: { result, at: "2031-12-15T03:00:00.000Z", activated: result.plan.activate, annotated: null } };
}

describe("ribbon command buildBlocSummary", () => {
  afterEach(() => {
    delete (globalThis as { Office?: unknown }).Office;
    jest.resetModules();
  });

  it("is associated when the module loads, before Office.onReady is called", () => {
    const calls: string[] = [];
    (globalThis as { Office?: unknown }).Office = {
      actions: { associate: (id: string, fn: unknown) => calls.push(`associate ${id} ${typeof fn}`) },
      onReady: () => calls.push("onReady"),
    };
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- isolateModules loads the module afresh, and only synchronously
    jest.isolateModules(() => require("../../src/commands/commands"));
    expect(calls).toEqual(["associate buildBlocSummary function", "onReady"]);
  });

  function command(build: () => Promise<Outcome<Built>>, opts: { shared: boolean; paneFails?: boolean; dialogFails?: boolean }) {
    const log: string[] = [];
    const seen: string[] = [];
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { makeBuildCommand } = require("../../src/commands/commands") as typeof import("../../src/commands/commands");
    const handler = makeBuildCommand({
      host: () => ({ build: (lang) => (log.push(`build ${lang}`), build()) }),
      lang: () => "en",
      shared: () => opts.shared,
      showPane: async () => {
        if (opts.paneFails) throw new Error("no pane");
        seen.push("pane");
      },
      publish: (out) => seen.push(out.ok ? `published ${out.value.result.errors} errors` : `published "${out.message}"`),
      showMessage: async (message, lang) => {
        if (opts.dialogFails) throw new Error("no dialog");
        seen.push(`dialog ${lang} "${message}"`);
      },
      log: (m) => log.push(m),
    }) as unknown as Handler;
    return { handler, log, seen };
  }

  const withErrors = () => outcome(new BlocBuilder().set("BTP", "TT01", 2031, "abc").build());
  const failed = async (): Promise<Outcome<Built>> => ({ ok: false, message: "Excel đang ở chế độ sửa ô.", error: new Error("x") });

  it("builds in Office's language and completes; a clean build leaves the pane closed (and tells it, where shared)", async () => {
    for (const shared of [true, false]) {
      const c = command(async () => outcome(), { shared });
      const completed = jest.fn();
      await c.handler({ completed });
      expect(c.log).toEqual(["build en"]);
      expect(completed).toHaveBeenCalledTimes(1);
      expect(c.seen).toEqual(shared ? ["published 0 errors"] : []);
    }
  });

  it("in a shared runtime, opens the pane when the build found errors or failed, and hands it the outcome", async () => {
    const e = command(async () => withErrors(), { shared: true });
    await e.handler({ completed: jest.fn() });
    expect(e.seen).toEqual([expect.stringMatching(/^published [1-9]\d* errors$/), "pane"]);
    const f = command(failed, { shared: true });
    await f.handler({ completed: jest.fn() });
    expect(f.seen).toEqual(['published "Excel đang ở chế độ sửa ô."', "pane"]);
  });

  it("without a shared runtime never opens the pane: errors are on Kiểm tra (the build shows it), a failure opens a dialog", async () => {
    const e = command(async () => withErrors(), { shared: false });
    await e.handler({ completed: jest.fn() });
    expect(e.seen).toEqual([]);
    const f = command(failed, { shared: false });
    await f.handler({ completed: jest.fn() });
    expect(f.seen).toEqual(['dialog en "Excel đang ở chế độ sửa ô."']);
    expect(f.log).toEqual(["build en"]);
  });

  it("tells a thrown build's message too, and falls back to the dialog when the pane will not open", async () => {
    const thrown = command(
      async () => {
        throw new Error("boom");
      },
      { shared: true, paneFails: true },
    );
    const done = jest.fn();
    await thrown.handler({ completed: done });
    expect(thrown.seen).toEqual(['published "boom"', 'dialog en "boom"']);
    expect(done).toHaveBeenCalledTimes(1);
  });

  it("only logs when neither the pane nor a dialog can be shown, and still completes", async () => {
    const c = command(failed, { shared: false, dialogFails: true });
    const done = jest.fn();
    await c.handler({ completed: done });
    expect(c.log).toEqual(["build en", "no dialog"]);
    expect(done).toHaveBeenCalledTimes(1);
  });
});
