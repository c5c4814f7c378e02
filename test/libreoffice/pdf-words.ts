import { spawnSync } from "node:child_process";

/** A word of a page as poppler boxes it (points, origin at the top left). */
export interface Word {
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

/** Each page's size and words, from `pdftotext -bbox-layout`. */
export function pdfPages(pdf: string): { width: number; height: number; words: Word[] }[] {
  const html = spawnSync("pdftotext", ["-bbox-layout", pdf, "-"], { encoding: "utf8" }).stdout;
  return html
    .split(/<page\b/)
    .slice(1)
    .map((page) => ({
      width: Number(/width="([\d.]+)"/.exec(page)?.[1]),
      height: Number(/height="([\d.]+)"/.exec(page)?.[1]),
      words: [
        ...page.matchAll(
          /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g
        ),
      ].map((m) => ({
        text: m[5],
        xMin: Number(m[1]),
        yMin: Number(m[2]),
        xMax: Number(m[3]),
        yMax: Number(m[4]),
      })),
    }));
}

/**
 * LibreOffice (SOFFICE or `soffice`) and poppler (pdfinfo, pdftotext) on this machine: whether both
 * are present, and `describe` to run the checks with: they always run (a green run means every
 * check ran), and fail with a notice naming `what` and the packages to install when absent.
 */
export function printTools(what: string): { soffice: string; present: boolean; maybe: jest.Describe } {
  const soffice = process.env.SOFFICE ?? "soffice";
  const has = (cmd: string, arg: string) => spawnSync(cmd, [arg], { encoding: "utf8" }).status === 0;
  const present = has(soffice, "--version") && has("pdfinfo", "-v") && has("pdftotext", "-v");
  if (!present)
    console.log(
      `NOTICE: LibreOffice (soffice) or poppler-utils (pdfinfo, pdftotext) not found — ${what} FAILS (install them: apt-get install libreoffice-calc poppler-utils).`
    );
  return { soffice, present, maybe: describe };
}
