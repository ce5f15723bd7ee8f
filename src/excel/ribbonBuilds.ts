/**
 * In a shared runtime (SharedRuntime 1.1 and the manifest's <Runtimes>) the ribbon's "Tổng hợp
 * Khối" and the task pane are one page: the ribbon hands each build's outcome to the pane here, so
 * the pane shows the result or the error. An outcome published before the pane listens is kept
 * (the last one) and delivered when it subscribes.
 */
import type { Built, Outcome } from "./session";

type Listener = (outcome: Outcome<Built>) => void;

let listener: Listener | null = null;
let pending: Outcome<Built> | null = null;

export function publishRibbonBuild(outcome: Outcome<Built>): void {
  if (listener) listener(outcome);
  else pending = outcome;
}

/** The pane's subscription; returns the unsubscribe function. */
export function subscribeRibbonBuilds(fn: Listener): () => void {
  listener = fn;
  if (pending) {
    const p = pending;
    pending = null;
    fn(p);
  }
  return () => {
    if (listener === fn) listener = null;
  };
}
