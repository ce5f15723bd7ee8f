/**
 * Saving a file from the pane: an object URL and an <a download>. Some Office hosts never deliver a
 * download (iPad; Mac desktop in some versions, where the click silently does nothing), so there we
 * refuse up front and the pane points to the sheet the build wrote instead. Which hosts those are is
 * Office's to say: the entry passes that in, so the pane itself never asks Office.
 */

/** How the pane saves a file; tests pass their own. Throws when the host cannot download. */
export type SaveFile = (blob: Blob, fileName: string) => void | Promise<void>;

export class DownloadBlocked extends Error {
  constructor() {
    super("This host does not deliver downloads");
  }
}

/** A saver that refuses whenever `blocked()` says the host would not deliver the file. */
export function blobSaver(blocked: () => boolean): SaveFile {
  return (blob, fileName) => {
    if (blocked()) throw new DownloadBlocked();
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
}

/** Outside Office (the browser harness, a plain page) nothing is known to block a download. */
export const saveBlob: SaveFile = blobSaver(() => false);
