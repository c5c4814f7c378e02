import * as React from "react";
import { Button, Caption1, makeStyles, tokens } from "@fluentui/react-components";
import { Handler } from "./handler";
import { useI18n } from "./i18n";

const useStyles = makeStyles({
  bar: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    gap: "6px",
    padding: "8px",
    marginBottom: "8px",
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground3,
  },
  file: { flexBasis: "100%", color: tokens.colorNeutralForeground2, wordBreak: "break-all" },
  hidden: { display: "none" },
});

export interface PreviewBarProps {
  fileName: string;
  busy: boolean;
  onOpen: Handler<[File]>;
  onSample: () => void;
  /** 新建空白: an empty template (absent: no button). */
  onBlank?: () => void;
  onDownload: () => void;
  onLanguage: () => void;
}

/** Preview only: the workbook held in the page — open an .xlsx, go back to the sample, start blank, download the result. */
export function PreviewBar({
  fileName,
  busy,
  onOpen,
  onSample,
  onBlank,
  onDownload,
  onLanguage,
}: PreviewBarProps): React.JSX.Element {
  const styles = useStyles();
  const { t } = useI18n();
  const input = React.useRef<HTMLInputElement>(null);
  return (
    <div className={styles.bar} data-testid="preview-bar">
      <Caption1 className={styles.file} data-testid="preview-file">
        {t("previewFile", { name: fileName })}
      </Caption1>
      <input
        ref={input}
        className={styles.hidden}
        type="file"
        accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        data-testid="file-input"
        aria-hidden="true"
        tabIndex={-1}
        onChange={(e) => {
          const file = e.target.files?.[0];
          if (file) onOpen(file);
          e.target.value = "";
        }}
      />
      <Button size="small" disabled={busy} onClick={() => input.current?.click()} data-testid="preview-open">
        {t("previewOpen")}
      </Button>
      <Button size="small" disabled={busy} onClick={onSample} data-testid="preview-sample">
        {t("previewSample")}
      </Button>
      {onBlank && (
        <Button
          size="small"
          disabled={busy}
          onClick={onBlank}
          title={t("previewBlankHint")}
          data-testid="preview-blank"
        >
          {t("previewBlank")}
        </Button>
      )}
      <Button
        size="small"
        appearance="primary"
        disabled={busy}
        onClick={onDownload}
        data-testid="preview-download"
      >
        {t("previewDownload")}
      </Button>
      <Button size="small" appearance="subtle" onClick={onLanguage} data-testid="preview-language">
        {t("language")}
      </Button>
    </div>
  );
}
