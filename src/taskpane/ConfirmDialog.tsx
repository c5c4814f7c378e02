import * as React from "react";
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
} from "@fluentui/react-components";
import { Handler } from "./handler";
import { useI18n } from "./i18n";

export interface ConfirmRequest {
  title: string;
  body: string;
  /** Called once with the answer. */
  resolve: Handler<[boolean]>;
}

/** A modal yes/no question; Escape and Cancel answer no. */
export function ConfirmDialog({ request }: { request: ConfirmRequest | null }): React.JSX.Element {
  const { t } = useI18n();
  return (
    <Dialog
      open={request !== null}
      modalType="alert"
      onOpenChange={(_, data) => {
        if (!data.open) request?.resolve(false);
      }}
    >
      <DialogSurface data-testid="confirm-dialog">
        <DialogBody>
          <DialogTitle>{request?.title}</DialogTitle>
          <DialogContent>{request?.body}</DialogContent>
          <DialogActions>
            <Button appearance="primary" data-testid="confirm-yes" onClick={() => request?.resolve(true)}>
              {t("confirmContinue")}
            </Button>
            <Button appearance="secondary" data-testid="confirm-no" onClick={() => request?.resolve(false)}>
              {t("confirmCancel")}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
