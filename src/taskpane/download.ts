/**
 * Saving a file from the pane: an object URL and an <a download>. Some Office hosts never deliver a
 * download (iPad; Mac desktop in some versions, where the click silently does nothing), so there we
 * refuse up front and the pane points to the sheet the build wrote instead.
 */

import { officeBlocksDownloads } from "../excel/environment";

/** How the pane saves a file; tests pass their own. Throws when the host cannot download. */
export type SaveFile = (blob: Blob, fileName: string) => void | Promise<void>;

export class DownloadBlocked extends Error {
  constructor() {
    super("This host does not deliver downloads");
  }
}

/** Office hosts known not to deliver a download from a task pane. */
export function downloadsBlocked(): boolean {
  return officeBlocksDownloads();
}

export const saveBlob: SaveFile = (blob, fileName) => {
  if (downloadsBlocked()) throw new DownloadBlocked();
  const url = URL.createObjectURL(blob);
  try {
    const a = document.createElement("a");
    a.href = url;
    a.download = fileName;
    a.rel = "noopener";
    a.style.display = "none";
    document.body.appendChild(a);
    a.click();
    a.remove();
  } finally {
    // The click has handed the URL to the browser; give it a moment before letting go.
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }
};
