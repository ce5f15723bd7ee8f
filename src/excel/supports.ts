/** Requirement-set detection, injectable so tests (and older hosts) decide what is available. */
export type Supports = (set: string, version: string) => boolean;

/** Office's own answer; false outside Office (tests, the CLI). */
export const officeSupports: Supports = (set, version) =>
  typeof Office !== "undefined" && !!Office.context?.requirements && Office.context.requirements.isSetSupported(set, version);
