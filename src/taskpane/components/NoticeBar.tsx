/** The outcome of the last task, in the pane's current language, until dismissed or replaced. */
import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import type { UiTexts } from "../../core/i18n/ui";
import type { Notice } from "../paneState";

export interface NoticeBarProps {
  notice: Notice | null;
  texts: UiTexts;
  onDismiss(): void;
}

export function NoticeBar({ notice, texts, onDismiss }: NoticeBarProps) {
  return (
    <div aria-live="polite">
      {notice && (
        <MessageBar intent={notice.intent} layout="multiline">
          <MessageBarBody>
            {notice.failed && <MessageBarTitle>{texts.failed}</MessageBarTitle>}
            {notice.text(texts)}
          </MessageBarBody>
          <MessageBarActions>
            <Button size="small" appearance="transparent" onClick={onDismiss}>
              {texts.dismiss}
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}
    </div>
  );
}
