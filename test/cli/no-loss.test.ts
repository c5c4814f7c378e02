import { ChildProcess, spawn, spawnSync } from "node:child_process";
import {
  closeSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readFileSync,
  readlinkSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { cli } from "./run-cli";

/**
 * Issue 22 "nothing lost, nothing silent" — the rules in docs/ on files the command line writes:
 * no command overwrites an existing file unless --force is given; a writing option needs an input
 * file; relative paths are the user's folder's; every failure is one line and exit 2.
 */

const ROOT = path.resolve(__dirname, "../..");
const LAUNCHER = path.join(ROOT, "scripts/scorecard.js");

let dir = "";
let input = "";
const file = (name: string) => path.join(dir, name);
const OLD = "a filled workbook: must not be lost";

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "scorecard-no-loss-"));
  input = file("input.xlsx");
  expect((await cli("sample", input)).code).toBe(0);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A file that is already there, holding text that must survive. */
function existing(name: string): string {
  const f = file(name);
  writeFileSync(f, OLD);
  return f;
}

function oneLine(r: { stderr: string }): string {
  const lines = r.stderr.trim().split("\n");
  expect(lines).toHaveLength(1);
  return lines[0];
}

interface Ran {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** `npm run scorecard` as npm starts it: node on the launcher, in the project folder. */
function launcher(
  args: string[],
  env: NodeJS.ProcessEnv,
  stdout?: number,
  started?: (child: ChildProcess) => void
): Promise<Ran> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [LAUNCHER, ...args], {
      cwd: ROOT,
      env: { ...process.env, ...env },
      stdio: ["ignore", stdout ?? "pipe", "pipe"],
    });
    let out = "";
    let err = "";
    child.stdout?.on("data", (c: Buffer) => (out += c.toString()));
    child.stderr?.on("data", (c: Buffer) => (err += c.toString()));
    child.on("close", (code) => resolve({ code, stdout: out, stderr: err }));
    started?.(child);
  });
}

describe("§8 no command overwrites an existing file without --force", () => {
  test.each([
    ["template X", (out: string) => ["template", out]],
    ["sample X", (out: string) => ["sample", out]],
    ["rank --out Y", (out: string) => ["rank", input, "--out", out]],
    ["workplan --out Y", (out: string) => ["workplan", input, "--out", out]],
    ["statement --out Y", (out: string) => ["statement", input, "--out", out]],
  ])("%s onto an existing file: exit 2, one line naming it, the file as it was", async (name, argv) => {
    const out = existing(`${name.split(" ")[0]}-exists.xlsx`);
    const r = await cli(...argv(out));
    expect(r.code).toBe(2);
    expect(oneLine(r)).toBe(`${out} 已存在，不会被覆盖：请另取一个文件名，或加 --force 替换它`);
    expect(r.stdout).toBe("");
    expect(readFileSync(out, "utf8")).toBe(OLD);
  });

  test("statement --pdf onto an existing PDF is refused before LibreOffice is looked for", async () => {
    const pdf = existing("exists.pdf");
    const r = await cli("statement", input, "--pdf", pdf, "--lang", "en");
    expect(r.code).toBe(2);
    expect(oneLine(r)).toContain(`${pdf} already exists and is not overwritten`);
    expect(readFileSync(pdf, "utf8")).toBe(OLD);
  });

  test("with --force the file is replaced (template, sample, rank --out); --force where nothing is written is refused", async () => {
    for (const argv of [
      (out: string) => ["template", out, "--force"],
      (out: string) => ["sample", "--force", out],
      (out: string) => ["rank", input, "--out", out, "--force"],
    ]) {
      const out = existing("forced.xlsx");
      const r = await cli(...argv(out));
      expect(r.code).toBe(0);
      expect(readFileSync(out).subarray(0, 2).toString()).toBe("PK");
    }
    expect((await cli("validate", input, "--force")).code).toBe(2);
  });
});

describe("§8 relative paths are the user's working directory's (under npm run, INIT_CWD)", () => {
  test("sample rel.xlsx typed in a sub-folder: written there, the full path printed; validate rel.xlsx reads it", async () => {
    const sub = path.join(dir, "sub-folder");
    mkdirSync(sub);
    const name = `rel-${process.pid}.xlsx`;
    try {
      const r = await launcher(["sample", name], { INIT_CWD: sub });
      expect(r).toMatchObject({ code: 0, stderr: "" });
      expect(existsSync(path.join(sub, name))).toBe(true);
      expect(r.stdout.trim()).toBe(`已写出示例：${path.join(sub, name)}`);
      const v = await launcher(["validate", name], { INIT_CWD: sub });
      expect(v.code).toBe(0);
    } finally {
      // Not written into the project folder npm runs scripts in (removed first if it was).
      const inProject = existsSync(path.join(ROOT, name));
      rmSync(path.join(ROOT, name), { force: true });
      expect(inProject).toBe(false);
    }
  }, 60_000);
});

describe("§8 a writing option needs an input file (no silent use of the sample)", () => {
  test.each([
    ["rank", "--out", "结果.xlsx"],
    ["workplan", "--out", "汇总.xlsx"],
    ["statement", "--out", "成绩单.xlsx"],
    ["statement", "--pdf", "成绩单.pdf"],
  ])("%s %s without an input: exit 2, one line, nothing written", async (command, option, name) => {
    const out = file(name);
    const r = await cli(command, option, out);
    expect(r.code).toBe(2);
    expect(oneLine(r)).toContain(`${option} 需要输入文件`);
    expect(r.stdout).toBe("");
    expect(existsSync(out)).toBe(false);
  });
});

describe("§7.2 every failure is one line and exit 2 — never a stack trace", () => {
  (existsSync("/dev/full") ? test : test.skip)(
    "rank --json > /dev/full: exit 2 (not 1), one line on stderr",
    async () => {
      const full = openSync("/dev/full", "w");
      try {
        const r = await launcher(["rank", input, "--json"], {}, full);
        expect(r.code).toBe(2);
        expect(oneLine(r)).toBe("无法写出 stdout：磁盘空间不足");
      } finally {
        closeSync(full);
      }
    },
    60_000
  );

  /** Gone, or a zombie nobody has reaped yet (it runs no more). */
  const gone = (pid: number) => {
    try {
      return /^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, "utf8"));
    } catch {
      return true;
    }
  };

  /**
   * A soffice that never returns: like the real one, a script that starts the work in another
   * process. `pids()`: the script's and the worker's, once both run (else []).
   */
  function hungSoffice(name: string): { soffice: string; pids: () => number[] } {
    const list = file(`${name}.pids`);
    const soffice = file(name);
    writeFileSync(soffice, `#!/bin/sh\nsleep 60 &\necho "$$ $!" > "${list}"\nwait\n`, { mode: 0o755 });
    const pids = () => {
      const found = existsSync(list) ? readFileSync(list, "utf8").trim().split(" ").map(Number) : [];
      return found.length === 2 ? found : [];
    };
    return { soffice, pids };
  }

  (existsSync("/proc/self/stat") ? test : test.skip)(
    "a LibreOffice that never returns: stopped after SOFFICE_TIMEOUT, the message says it timed out, no process left",
    async () => {
      const { soffice, pids } = hungSoffice("slow-soffice");
      const before = { SOFFICE: process.env.SOFFICE, SOFFICE_TIMEOUT: process.env.SOFFICE_TIMEOUT };
      process.env.SOFFICE = soffice;
      process.env.SOFFICE_TIMEOUT = "1.5";
      const pdf = file("slow.pdf");
      try {
        const started = Date.now();
        const r = await cli("statement", input, "--pdf", pdf);
        expect(Date.now() - started).toBeLessThan(15_000);
        expect(r.code).toBe(2);
        expect(oneLine(r)).toBe(
          "LibreOffice 在 1.5 秒内未完成转换，已停止（可用环境变量 SOFFICE_TIMEOUT 设更长的秒数）"
        );
        expect(existsSync(pdf)).toBe(false);
        expect(pids()).toHaveLength(2);
        expect(pids().filter((pid) => !gone(pid))).toEqual([]);
        process.env.SOFFICE_TIMEOUT = "soon";
        expect(oneLine(await cli("statement", input, "--pdf", pdf))).toContain("SOFFICE_TIMEOUT=soon");
      } finally {
        for (const [k, v] of Object.entries(before))
          if (v === undefined) delete process.env[k];
          else process.env[k] = v;
      }
    },
    30_000
  );

  (existsSync("/proc/self/stat") ? test : test.skip)(
    "interrupted (Ctrl-C) while LibreOffice converts: it is stopped too, one line, exit 2, no PDF",
    async () => {
      const { soffice, pids } = hungSoffice("hung-soffice");
      const pdf = file("interrupted.pdf");
      const r = await launcher(
        ["statement", input, "--pdf", pdf],
        { SOFFICE: soffice, SOFFICE_TIMEOUT: "60" },
        undefined,
        (child) => {
          // A terminal's Ctrl-C reaches the command's process group, which LibreOffice is not in.
          const poll = setInterval(() => {
            if (pids().length === 0) return;
            clearInterval(poll);
            child.kill("SIGINT");
          }, 50);
        }
      );
      expect(r.code).toBe(2);
      expect(oneLine(r)).toBe("已中断：LibreOffice 已停止，未写出 PDF");
      expect(pids().filter((pid) => !gone(pid))).toEqual([]);
      expect(existsSync(pdf)).toBe(false);
    },
    60_000
  );

  test("temporary files a killed run left beside the target are removed by the next run; a running one's stay", async () => {
    const out = file("after-kill.xlsx");
    const dead = spawnSync("true").pid;
    const running = spawn("sleep", ["30"]);
    const left = file(`.after-kill.xlsx.${dead}.tmp`);
    const live = file(`.after-kill.xlsx.${running.pid}.tmp`);
    const other = file(`.other.xlsx.${dead}.tmp`);
    for (const f of [left, live, other]) writeFileSync(f, "half a file");
    try {
      expect((await cli("rank", input, "--out", out)).code).toBe(0);
      expect(existsSync(left)).toBe(false);
      expect(existsSync(live)).toBe(true);
      expect(existsSync(other)).toBe(true);
    } finally {
      running.kill();
    }
  });

  test("--out onto a symbolic link is refused, even with --force: the link and the file it points to stay", async () => {
    const target = existing("linked-target.xlsx");
    const link = file("link.xlsx");
    symlinkSync(target, link);
    const dangling = file("dangling.xlsx");
    symlinkSync(file("nowhere.xlsx"), dangling);
    for (const out of [link, dangling]) {
      const r = await cli("rank", input, "--out", out, "--force");
      expect(r.code).toBe(2);
      expect(oneLine(r)).toContain(`${out} 是符号链接（指向 ${readlinkSync(out)}）`);
    }
    expect(readlinkSync(link)).toBe(target);
    expect(readFileSync(target, "utf8")).toBe(OLD);
    expect(existsSync(file("nowhere.xlsx"))).toBe(false);
  });

  test("a workbook named .pdf, a PDF named .xlsx, and an option given twice are refused in one line", async () => {
    for (const argv of [
      ["rank", input, "--out", file("result.pdf")],
      ["template", file("template.PDF")],
      ["statement", input, "--pdf", file("statements.xlsx")],
      ["rank", input, "--out", file("a.xlsx"), "--out", file("b.xlsx")],
      ["rank", input, "--json", "--json"],
      ["validate", input, "--lang", "en", "--lang=zh"],
    ]) {
      const r = await cli(...argv);
      expect(r.code).toBe(2);
      oneLine(r);
      expect(r.stdout).toBe("");
    }
    expect(existsSync(file("result.pdf")) || existsSync(file("a.xlsx")) || existsSync(file("b.xlsx"))).toBe(
      false
    );
    // --set is the one option given as often as needed.
    expect((await cli("whatif", input, "--set", "先进社区名额=9", "--set", "先进个人名额=9")).code).toBe(0);
  });
});
