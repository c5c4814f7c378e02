import * as React from "react";
import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
} from "@fluentui/react-components";
import { Handler } from "./handler";
import { useI18n } from "./i18n";
import { Note } from "./pane-state";
import { useSharedStyles } from "./styles";

/** The pane's message bar: what the last action did or why it failed, with its details as a list. */
export function NoteBar({ note, onDismiss }: { note: Note; onDismiss: Handler }): React.JSX.Element {
  const styles = useSharedStyles();
  const { t, say } = useI18n();
  return (
    <MessageBar intent={note.intent} layout="multiline" data-testid="note" data-intent={note.intent}>
      <MessageBarBody>
        {note.title && <MessageBarTitle>{say(note.title)}</MessageBarTitle>}
        {say(note.text)}
        {note.items && note.items.length > 0 && (
          <ul className={styles.list}>
            {note.items.map((item, i) => (
              <li key={i}>{say(item)}</li>
            ))}
          </ul>
        )}
      </MessageBarBody>
      <MessageBarActions
        containerAction={
          <Button appearance="transparent" size="small" aria-label={t("dismiss")} onClick={() => onDismiss()}>
            ✕
          </Button>
        }
      />
    </MessageBar>
  );
}
