/** A titled section of the pane: its heading labels it for screen readers; `aside` sits beside the heading. */
import { makeStyles, tokens } from "@fluentui/react-components";
import type { ReactNode } from "react";

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS, margin: 0 },
  head: { display: "flex", alignItems: "baseline", justifyContent: "space-between", columnGap: tokens.spacingHorizontalS, flexWrap: "wrap" },
  h2: { margin: 0, fontSize: tokens.fontSizeBase400, lineHeight: tokens.lineHeightBase400, fontWeight: tokens.fontWeightSemibold },
});

export interface SectionProps {
  /** The heading's id, unique in the pane. */
  id: string;
  title: string;
  aside?: ReactNode;
  testId?: string;
  children?: ReactNode;
}

export function Section({ id, title, aside, testId, children }: SectionProps) {
  const s = useStyles();
  const heading = (
    <h2 className={s.h2} id={id}>
      {title}
    </h2>
  );
  return (
    <section className={s.section} aria-labelledby={id} data-testid={testId}>
      {aside ? (
        <div className={s.head}>
          {heading}
          {aside}
        </div>
      ) : (
        heading
      )}
      {children}
    </section>
  );
}
