/** "Tổng hợp Khối" and "Kiểm tra lại", with the build's steps under them once a build has started. */
import { Button, makeStyles, tokens } from "@fluentui/react-components";
import type { UiTexts } from "../../core/i18n/ui";
import type { PaneState } from "../paneState";
import { BuildProgress } from "./BuildProgress";

const useStyles = makeStyles({
  actions: { display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalS },
  build: { flexGrow: 1 },
});

export interface BuildActionsProps {
  state: Pick<PaneState, "busy" | "step" | "progressShown">;
  texts: UiTexts;
  onBuild(): void;
  onRecheck(): void;
}

export function BuildActions({ state, texts, onBuild, onRecheck }: BuildActionsProps) {
  const s = useStyles();
  const { busy } = state;
  return (
    <>
      <div className={s.actions}>
        <Button appearance="primary" size="large" className={s.build} disabled={busy !== null} onClick={onBuild}>
          {busy === "build" ? texts.building : texts.build}
        </Button>
        <Button appearance="secondary" size="large" disabled={busy !== null} onClick={onRecheck}>
          {texts.recheck}
        </Button>
      </div>
      {state.progressShown && <BuildProgress texts={texts} step={state.step} finished={busy !== "build"} />}
    </>
  );
}
