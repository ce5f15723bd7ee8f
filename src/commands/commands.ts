/**
 * The ribbon's "Tổng hợp Khối" button (FunctionName buildBlocSummary in manifest.xml): the whole
 * build without the pane, through the same session the pane uses. Registered when this module
 * loads, before Office.onReady, so Office finds the function however early it calls.
 */
import type { Lang } from "../core/i18n/format";
import { officeLang } from "../excel/environment";
import { excelSession, type BlocHost } from "../excel/session";

export const COMMAND_ID = "buildBlocSummary";

export interface CommandDeps {
  host: () => Pick<BlocHost, "build">;
  lang: () => Lang;
  /** Open the pane where the runtime is shared with it (no-op elsewhere). */
  showPane: () => Promise<void>;
  log: (message: string) => void;
}

/** With a shared runtime the command may open the pane so the user sees the issue list. */
async function showPaneIfShared(): Promise<void> {
  if (typeof Office === "undefined" || !Office.context?.requirements?.isSetSupported("SharedRuntime", "1.1")) return;
  await Office.addin.showAsTaskpane();
}

const realDeps: CommandDeps = {
  host: () => excelSession(),
  lang: officeLang,
  showPane: showPaneIfShared,
  log: (m) => console.error(m),
};

/**
 * Build, show the result (the summary sheet, or "Kiểm tra" when there are errors: the plan says
 * which), and always tell Office the command is done, or the ribbon button stays busy.
 */
export function makeBuildCommand(deps: CommandDeps = realDeps): (event: Office.AddinCommands.Event) => Promise<void> {
  return async (event) => {
    try {
      const lang = deps.lang();
      const out = await deps.host().build(lang);
      if (!out.ok) deps.log(out.message);
      else if (out.value.result.errors > 0) await deps.showPane();
    } catch (e) {
      deps.log(e instanceof Error ? e.message : String(e));
    } finally {
      event.completed();
    }
  };
}

export const buildBlocSummary = makeBuildCommand();

if (typeof Office !== "undefined") {
  Office.actions?.associate(COMMAND_ID, buildBlocSummary);
  Office.onReady(() => {});
}
