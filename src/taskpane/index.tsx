/** The pane's entry: wait for Office, then render the App over the real workbook (or say where it runs). */
import { createRoot } from "react-dom/client";
import { excelSession } from "../excel/session";
import { App, OutsideExcel } from "./App";
import { officeIsDark, officeLang } from "../excel/environment";

Office.onReady((info) => {
  const container = document.getElementById("container");
  if (!container) return;
  const lang = officeLang();
  const dark = officeIsDark();
  createRoot(container).render(info.host === Office.HostType.Excel ? <App host={excelSession()} initialLang={lang} dark={dark} /> : <OutsideExcel lang={lang} dark={dark} />);
});
