/**
 * Text quoted in a message, with what the eye cannot see made visible: zero-width and other
 * format characters, control characters, every space but the plain one (U+3000 full-width,
 * U+00A0 no-break …), and plain spaces at either end, each as [U+XXXX]. "西城社区\u200B" that
 * does not match "西城社区" is then quoted as “西城社区[U+200B]”.
 */

const HIDDEN = /[\p{Cf}\p{Cc}\p{Zl}\p{Zp}\u115F\u1160\u3164\uFFA0]|(?! )\p{Zs}/gu;

const tag = (ch: string): string =>
  `[U+${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, "0")}]`;

export function visible(text: string): string {
  return text.replace(/^ +| +$/g, (run) => "[U+0020]".repeat(run.length)).replace(HIDDEN, tag);
}
