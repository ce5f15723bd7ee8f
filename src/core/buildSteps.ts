/** The stages of a build, in the order the pane shows them. */
export const BUILD_STEPS = ["read", "check", "compute", "write"] as const;
export type BuildStep = (typeof BUILD_STEPS)[number];
