/**
 * The pane's entry: wait for Office, then render the App over the real workbook (or say where it
 * runs). The one place the pane meets Office: the workbook through the session, the surroundings
 * (language, theme, whether downloads arrive) read here and handed in.
 */
import { createRoot } from "react-dom/client";
import { excelIntake } from "../excel/intake";
import { excelSession } from "../excel/session";
import { App, OutsideExcel } from "./App";
import { officeBlocksDownloads, officeIsDark, officeLang } from "../excel/environment";
import { blobSaver } from "./download";

/** The reader of unit files, loaded when the user first picks files: not in the first bundle. */
const loadReader = () => import(/* webpackChunkName: "reader" */ "../xlsx/unitFileReader").then((m) => m.unitFileReader);

Office.onReady((info) => {
  const container = document.getElementById("container");
  if (!container) return;
  const lang = officeLang();
  const dark = officeIsDark();
  createRoot(container).render(
    info.host === Office.HostType.Excel ? (
      <App host={excelSession()} initialLang={lang} dark={dark} saveFile={blobSaver(officeBlocksDownloads)} intake={excelIntake(loadReader)} />
    ) : (
      <OutsideExcel lang={lang} dark={dark} />
    ),
  );
});
