/** The ribbon command: registered before Office.onReady, always completes, shows the pane on errors where it can. */
import type { Built, Outcome } from "../../src/excel/session";
import { buildBloc } from "../../src/core/pipeline";
import { BlocBuilder } from "../support/snapshots";

type Handler = (event: { completed: () => void }) => Promise<void>;

function outcome(wb = new BlocBuilder().build()): Outcome<Built> {
  const result = buildBloc(wb, { lang: "vi", now: "2031-12-15T03:00:00.000Z" });
  return { ok: true, value: { result, at: "2031-12-15T03:00:00.000Z", activated: result.plan.activate } };
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

  function command(build: () => Promise<Outcome<Built>>) {
    const log: string[] = [];
    let shown = 0;
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { makeBuildCommand } = require("../../src/commands/commands") as typeof import("../../src/commands/commands");
    const handler = makeBuildCommand({
      host: () => ({ build: (lang) => (log.push(`build ${lang}`), build()) }),
      lang: () => "en",
      showPane: async () => void shown++,
      log: (m) => log.push(m),
    }) as unknown as Handler;
    return { handler, log, shown: () => shown };
  }

  it("builds in Office's language and completes; a clean build leaves the pane closed", async () => {
    const c = command(async () => outcome());
    const completed = jest.fn();
    await c.handler({ completed });
    expect(c.log).toEqual(["build en"]);
    expect(completed).toHaveBeenCalledTimes(1);
    expect(c.shown()).toBe(0);
  });

  it("opens the pane when the build found errors (where the runtime allows)", async () => {
    const wb = new BlocBuilder().set("BTP", "TT01", 2031, "abc").build();
    const c = command(async () => outcome(wb));
    const completed = jest.fn();
    await c.handler({ completed });
    expect(c.shown()).toBe(1);
    expect(completed).toHaveBeenCalledTimes(1);
  });

  it("completes even when the build fails or throws", async () => {
    const failed = command(async () => ({ ok: false, message: "Excel đang ở chế độ sửa ô.", error: new Error("x") }));
    const done1 = jest.fn();
    await failed.handler({ completed: done1 });
    expect(failed.log).toEqual(["build en", "Excel đang ở chế độ sửa ô."]);
    expect(done1).toHaveBeenCalledTimes(1);

    const thrown = command(async () => {
      throw new Error("boom");
    });
    const done2 = jest.fn();
    await thrown.handler({ completed: done2 });
    expect(thrown.log).toEqual(["build en", "boom"]);
    expect(done2).toHaveBeenCalledTimes(1);
  });
});
