import * as React from "react";
import { Body1, Subtitle2 } from "@fluentui/react-components";
import { useSharedStyles } from "./styles";

/** A part of a tab: its heading, apart from what follows, an optional paragraph, then its content. */
export function Section({
  title,
  intro,
  testId,
  children,
}: {
  title: string;
  intro?: string;
  testId?: string;
  children?: React.ReactNode;
}): React.JSX.Element {
  const styles = useSharedStyles();
  return (
    <div data-testid={testId}>
      <Subtitle2 as="h2" block className={styles.heading}>
        {title}
      </Subtitle2>
      {intro && (
        <Body1 as="p" className={styles.paragraph}>
          {intro}
        </Body1>
      )}
      {children}
    </div>
  );
}
