import * as React from "react";
import { MessageBar, MessageBarBody } from "@fluentui/react-components";

/** A one-line message inside a panel (not the pane's NoteBar): no sheet yet, a problem with a card or a try. */
export function Notice({
  intent,
  text,
  testId,
}: {
  intent: "info" | "warning";
  text: string;
  testId?: string;
}): React.JSX.Element {
  return (
    <MessageBar intent={intent} data-testid={testId}>
      <MessageBarBody>{text}</MessageBarBody>
    </MessageBar>
  );
}
