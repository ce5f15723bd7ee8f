/**
 * The ribbon's "Tổng hợp Khối" button (FunctionName buildBlocSummary in manifest.xml): the whole
 * build without the pane, through the same session the pane uses. Registered when this module
 * loads, before Office.onReady, so Office finds the function however early it calls.
 *
 * It is bundled into the task pane's page (taskpane.html): the manifest's <Runtimes> runs the
 * ribbon and the pane in that one page where SharedRuntime 1.1 exists ("Configure your Office
 * Add-in to use a shared runtime", Microsoft Learn); elsewhere Office loads the same page, unseen,
 * as the FunctionFile, and the two share only the workbook.
 *
 * Every outcome reaches the user:
 * - shared runtime: the pane is told (src/excel/ribbonBuilds.ts) and opened when there are errors
 *   or the build failed;
 * - no shared runtime: Office.addin.showAsTaskpane is never called (it does nothing there: office-js
 *   #5600); errors select "Kiểm tra" (the build does), a failure opens a dialog with the message.
 */
import type { Lang } from "../core/i18n/format";
import { officeLang } from "../excel/environment";
import { publishRibbonBuild } from "../excel/ribbonBuilds";
import { excelSession, type BlocHost, type Built, type Outcome } from "../excel/session";

export const COMMAND_ID = "buildBlocSummary";

export interface CommandDeps {
  host: () => Pick<BlocHost, "build">;
  lang: () => Lang;
  /** Does this page share its runtime with the pane? */
  shared: () => boolean;
  /** Open the pane (shared runtime only). */
  showPane: () => Promise<void>;
  /** Hand the outcome to the pane (shared runtime only). */
  publish: (outcome: Outcome<Built>) => void;
  /** A dialog with the message, for a failure where there is no pane to tell. */
  showMessage: (message: string, lang: Lang) => Promise<void>;
  /** The last resort, when even the dialog could not open. */
  log: (message: string) => void;
}

/**
 * The manifest declares the shared runtime, so where the client has SharedRuntime 1.1 this page
 * is the pane's. (The set alone says only what the client could do — office-js #5600 — which is
 * enough here because the manifest asks for it.)
 */
function officeShared(): boolean {
  return typeof Office !== "undefined" && !!Office.addin && !!Office.context?.requirements?.isSetSupported("SharedRuntime", "1.1");
}

/** Dialog API 1.1: a small page of ours showing the text (dist/message.html). */
function showMessageDialog(message: string, lang: Lang): Promise<void> {
  return new Promise((resolve, reject) => {
    const url = new URL("message.html", window.location.href);
    url.search = new URLSearchParams({ lang, text: message }).toString();
    Office.context.ui.displayDialogAsync(url.href, { height: 30, width: 40, displayInIframe: true }, (result) => {
      if (result.status === Office.AsyncResultStatus.Succeeded) resolve();
      else reject(new Error(result.error.message));
    });
  });
}

const realDeps: CommandDeps = {
  host: () => excelSession({ lockSource: "ribbon" }),
  lang: officeLang,
  shared: officeShared,
  showPane: async () => {
    if (officeShared()) await Office.addin.showAsTaskpane();
  },
  publish: publishRibbonBuild,
  showMessage: showMessageDialog,
  log: (m) => console.error(m),
};

const errorText = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/**
 * Build, show the result (the summary sheet, or "Kiểm tra" when there are errors: the plan says
 * which), tell the user about a failure, and always tell Office the command is done, or the ribbon
 * button stays busy.
 */
export function makeBuildCommand(deps: CommandDeps = realDeps): (event: Office.AddinCommands.Event) => Promise<void> {
  return async (event) => {
    try {
      const lang = deps.lang();
      let out: Outcome<Built>;
      try {
        out = await deps.host().build(lang);
      } catch (error) {
        out = { ok: false, message: errorText(error), error };
      }
      const needsPane = !out.ok || out.value.result.errors > 0;
      if (deps.shared()) {
        deps.publish(out);
        if (!needsPane) return;
        try {
          await deps.showPane();
          return;
        } catch (e) {
          // Errors: "Kiểm tra" is already shown. A failure still needs telling: the dialog below.
          if (out.ok) throw e;
        }
      }
      if (!out.ok) await deps.showMessage(out.message, lang);
    } catch (e) {
      deps.log(errorText(e));
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
