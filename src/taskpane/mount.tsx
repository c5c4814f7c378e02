import * as React from "react";
import { createRoot, Root } from "react-dom/client";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";

/**
 * The one React root of the page (#container), shared by the Excel start (index.tsx) and the
 * preview chunk loaded on demand (preview.tsx), so either can take over the container.
 */
let root: Root | null = null;

export function render(node: React.ReactNode): void {
  const container = document.getElementById("container");
  if (!container) return;
  root ??= createRoot(container);
  root.render(<FluentProvider theme={webLightTheme}>{node}</FluentProvider>);
}
