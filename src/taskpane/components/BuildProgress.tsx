/** The four build steps with a progress bar: done, running, waiting. */
import { Field, ProgressBar, Spinner, Text, makeStyles, tokens } from "@fluentui/react-components";
import { BUILD_STEPS, type BuildStep } from "../../core/buildSteps";
import type { UiTexts } from "../../core/i18n/ui";

const useStyles = makeStyles({
  steps: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "grid",
    gridTemplateColumns: "repeat(4, 1fr)",
    columnGap: tokens.spacingHorizontalXS,
  },
  step: {
    display: "flex",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalXXS,
    minWidth: 0,
    color: tokens.colorNeutralForeground3,
    fontSize: tokens.fontSizeBase200,
  },
  done: { color: tokens.colorPaletteGreenForeground1 },
  current: { color: tokens.colorNeutralForeground1, fontWeight: tokens.fontWeightSemibold },
  mark: { flexShrink: 0, width: "16px", textAlign: "center" },
});

export interface BuildProgressProps {
  texts: UiTexts;
  /** The step under way; null once the build has ended. */
  step: BuildStep | null;
  /** Whether the build finished (every step done). */
  finished: boolean;
}

export function BuildProgress({ texts, step, finished }: BuildProgressProps) {
  const s = useStyles();
  const index = finished ? BUILD_STEPS.length : step ? BUILD_STEPS.indexOf(step) : 0;
  const n = BUILD_STEPS.length;
  const hint = step && !finished ? texts.stepOf(index + 1, n, texts.steps[step]) : undefined;
  return (
    <Field label={texts.progress} validationState="none" validationMessage={hint} validationMessageIcon={null}>
      <ProgressBar value={finished ? 1 : (index + 0.5) / n} thickness="large" aria-valuetext={hint} />
      <ol className={s.steps} aria-label={texts.progress}>
        {BUILD_STEPS.map((name, k) => {
          const state = k < index ? "done" : k === index && !finished ? "current" : "waiting";
          return (
            <li
              key={name}
              className={`${s.step} ${state === "done" ? s.done : state === "current" ? s.current : ""}`}
              aria-current={state === "current" ? "step" : undefined}
              data-state={state}
            >
              <span className={s.mark} aria-hidden>
                {state === "done" ? "✓" : state === "current" ? <Spinner size="extra-tiny" /> : "○"}
              </span>
              <Text size={200} truncate wrap={false}>
                {texts.steps[name]}
              </Text>
            </li>
          );
        })}
      </ol>
    </Field>
  );
}
