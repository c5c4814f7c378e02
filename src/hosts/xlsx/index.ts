/** The .xlsx host, for the CLI and the browser preview: bytes in, bytes out, no file I/O. */
export * from "./errors";
export * from "./ooxml";
