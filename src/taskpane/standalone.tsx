import { startPreviewPane } from "./preview";

/**
 * Entry of dist/standalone/社区考核助手.html: the browser preview as one file that works from a
 * double-click (file://, no server, no network). No office.js here; webpack inlines this bundle,
 * with the preview and the sample, into the page.
 */
startPreviewPane();
