import * as React from "react";
import {
  Button,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
} from "@fluentui/react-components";
import { Handler } from "./handler";
import { useI18n } from "./i18n";
import { Note } from "./pane-state";

const useStyles = makeStyles({
  list: { margin: "4px 0 0", paddingLeft: "18px" },
});

/** The pane's message bar: what the last action did or why it failed, with its details as a list. */
export function NoteBar({ note, onDismiss }: { note: Note; onDismiss: Handler }): React.JSX.Element {
  const styles = useStyles();
  const { t } = useI18n();
  return (
    <MessageBar intent={note.intent} layout="multiline" data-testid="note" data-intent={note.intent}>
      <MessageBarBody>
        {note.title && <MessageBarTitle>{note.title}</MessageBarTitle>}
        {note.text}
        {note.items && note.items.length > 0 && (
          <ul className={styles.list}>
            {note.items.map((item, i) => (
              <li key={i}>{item}</li>
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
