// End-to-end test of the browser preview in a real browser: Debian's Chromium driven by
// playwright-core against the built pages (dist/) served on localhost. Never downloads a browser.
//
//   npm run test:e2e        (builds dist/ first when it is missing)
//
// Prints one line per scenario and ends with "N passed, M failed"; exit code 1 on any failure.
// Screenshots of the pane (zh-CN and en-US) go to test-output/screenshots/.
import { spawnSync } from "node:child_process";
import { createReadStream, existsSync, mkdirSync, mkdtempSync, rmSync, statSync } from "node:fs";
import { createServer } from "node:http";
import { tmpdir } from "node:os";
import { dirname, extname, join, normalize, resolve, sep } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import ExcelJS from "exceljs";
import { chromium } from "playwright-core";
import labels from "./english-labels.cjs";
import STRINGS from "../../src/taskpane/strings.json" with { type: "json" };

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");
const DIST = join(ROOT, "dist");
const SHOTS = join(ROOT, "test-output", "screenshots");
const CHROMIUM = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
const TIMEOUT = 30_000;

// ---------------------------------------------------------------------------------------------
// Build and serve

function ensureBuilt() {
  const built = ["taskpane.html", "taskpane.js", join("standalone", "社区考核助手.html")];
  if (built.every((f) => existsSync(join(DIST, f)))) return;
  console.log("dist/ is missing: building it (webpack --mode production)…");
  const r = spawnSync("npx", ["webpack", "--mode", "production"], { cwd: ROOT, stdio: "inherit" });
  if (r.status !== 0) throw new Error("the build failed");
}

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".png": "image/png",
  ".css": "text/css; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
  ".map": "application/json; charset=utf-8",
};

/** A tiny static server for dist/ on a free port of 127.0.0.1. */
function serve(root) {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    let path = decodeURIComponent(url.pathname);
    if (path === "/") path = "/taskpane.html";
    const file = normalize(join(root, path));
    if (!file.startsWith(root + sep) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404, { "Content-Type": "text/plain" });
      res.end("not found");
      return;
    }
    res.writeHead(200, { "Content-Type": TYPES[extname(file)] ?? "application/octet-stream" });
    createReadStream(file).pipe(res);
  });
  return new Promise((ok) => server.listen(0, "127.0.0.1", () => ok(server)));
}

// ---------------------------------------------------------------------------------------------
// Fixtures

/** The engine's own ranking of the sample, computed outside the browser. */
function expectedSampleRanking() {
  const r = spawnSync("npx", ["tsx", join(ROOT, "test", "e2e", "expected.ts")], {
    cwd: ROOT,
    encoding: "utf8",
  });
  if (r.status !== 0) throw new Error(`expected.ts failed: ${r.stderr}`);
  return JSON.parse(r.stdout);
}

/** A small workbook with located mistakes: an unknown level, a score above its maximum, an unknown community. */
async function workbookWithErrors(path) {
  const wb = new ExcelJS.Workbook();
  const add = (name, rows) => {
    const ws = wb.addWorksheet(name);
    for (const row of rows) ws.addRow(row);
  };
  add("社区", [
    ["社区", "类型"],
    ["东门社区", "社区"],
    ["西城社区", "社区"],
  ]);
  add("目标管理", [
    ["社区", "社区基础", "社区服务", "社区文化", "社区环境卫生", "一居一品", "行政事务"],
    ["东门社区", 18, 18, 13, 13, 14, 13],
    ["西城社区", 25, 17, 12, 12, 12, 12],
  ]);
  add("荣誉", [
    ["社区", "荣誉名称", "荣誉类别", "级别", "条线表彰", "发文单位", "文号", "考核组认可"],
    ["东门社区", "文明社区", "", "国际级", "否", "市文明办", "市文明〔2024〕1号", "是"],
    ["北山社区", "平安社区", "", "市级", "否", "市政法委", "市政法〔2024〕2号", "是"],
  ]);
  await wb.xlsx.writeFile(path);
}

// ---------------------------------------------------------------------------------------------
// Helpers

function check(condition, message) {
  if (!condition) throw new Error(message);
}

async function openPane(context, base, lang) {
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e && e.message ? e.message : e)));
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(`console: ${m.text()}`);
  });
  await page.goto(`${base}/taskpane.html${lang ? `?lang=${lang}` : ""}`);
  await page.getByTestId("pane").waitFor({ timeout: TIMEOUT });
  return { page, errors };
}

async function rankedRows(page) {
  await page.getByTestId("ranking-table").waitFor({ timeout: TIMEOUT });
  const rows = page.getByTestId("ranking-row");
  const count = await rows.count();
  const out = [];
  for (let i = 0; i < count; i++) {
    const row = rows.nth(i);
    const cells = await row.locator("td").allInnerTexts();
    out.push({
      rank: Number(cells[0].trim()),
      name: (await row.getByTestId("ranking-name").innerText()).trim(),
      total: Number((await row.getByTestId("ranking-total").innerText()).trim()),
      advanced: await row.getAttribute("data-advanced"),
    });
  }
  return out;
}

async function idle(page) {
  await page.waitForFunction(
    () => document.querySelector('[data-testid="pane"]')?.getAttribute("data-busy") === "false",
    null,
    {
      timeout: TIMEOUT,
    }
  );
}

/** Presses 下载结果 and reads the file saved as `name` back with an independent reader (ExcelJS). */
async function downloadedBook(page, temp, name) {
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByTestId("preview-download").click(),
  ]);
  const path = join(temp, name);
  await download.saveAs(path);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  return wb;
}

/** No focus ring or tooltip left over from the last click (a tooltip covers the buttons under it). */
async function clearHover(page) {
  await page.mouse.move(0, 0);
  await page.evaluate(() => document.activeElement instanceof HTMLElement && document.activeElement.blur());
  await page.waitForTimeout(300);
}

/** A clean pane for a screenshot: no focus ring or tooltip left over from the last click. */
async function screenshot(page, file) {
  await clearHover(page);
  await page.screenshot({ path: join(SHOTS, file), fullPage: true });
}

async function activeTestId(page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    const owner = el && el.closest("[data-testid]");
    return owner ? owner.getAttribute("data-testid") : null;
  });
}

/** Presses Tab (or Shift+Tab) until the focused element is inside [data-testid=id]. */
async function tabTo(page, id, { back = false, max = 60 } = {}) {
  for (let i = 0; i < max; i++) {
    if ((await activeTestId(page)) === id) return;
    await page.keyboard.press(back ? "Shift+Tab" : "Tab");
  }
  throw new Error(`could not reach ${id} with the keyboard`);
}

/** Every text, title and aria-label the page shows, and whether it is the user's data (english-labels.cjs). */
async function shownTexts(page) {
  return page.evaluate((languageSwitch) => {
    const out = [];
    const isData = (el) => !!el?.closest(`[translate="no"], [data-testid="${languageSwitch}"]`);
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      if (!el || el.closest("style, script, noscript")) continue;
      out.push({ text: n.nodeValue ?? "", data: isData(el), attribute: false });
    }
    for (const el of document.body.querySelectorAll("[title], [aria-label], [placeholder]"))
      for (const name of ["title", "aria-label", "placeholder"]) {
        const value = el.getAttribute(name);
        if (value !== null) out.push({ text: value, data: isData(el), attribute: true });
      }
    return out;
  }, labels.LANGUAGE_SWITCH);
}

/** Fails on any label of the page that is an identifier or untranslated Chinese (issue 22 §12). */
async function checkEnglish(page, where, names) {
  // The sample's file name was given when the page opened in Chinese: the file's name now.
  const bad = labels.untranslatedLabels(await shownTexts(page), [...names, STRINGS.sampleName.zh]);
  check(bad.length === 0, `${where}: ${bad.map((b) => `${b.why}: ${b.text}`).join(" | ")}`);
}

/** Whether two boxes overlap. */
const overlaps = (a, b) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

// ---------------------------------------------------------------------------------------------
// Scenarios

async function main() {
  ensureBuilt();
  mkdirSync(SHOTS, { recursive: true });
  const temp = mkdtempSync(join(tmpdir(), "kh-e2e-"));
  const server = await serve(DIST);
  const base = `http://127.0.0.1:${server.address().port}`;
  const offsite = [];
  const expected = expectedSampleRanking();

  const context = await chromium.launchPersistentContext(join(temp, "profile"), {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
    viewport: { width: 420, height: 900 },
    acceptDownloads: true,
    locale: "zh-CN",
  });
  const isLocal = (raw) => {
    const u = new URL(raw);
    if (u.protocol === "data:" || u.protocol === "blob:" || u.protocol === "about:") return true;
    return (
      (u.protocol === "http:" || u.protocol === "ws:") &&
      (u.hostname === "127.0.0.1" || u.hostname === "localhost")
    );
  };
  // Record every request; anything bound outside localhost is recorded and never sent.
  context.on("request", (req) => {
    if (!isLocal(req.url())) offsite.push(req.url());
  });
  await context.route("**/*", (route) => (isLocal(route.request().url()) ? route.continue() : route.abort()));

  const results = [];
  const scenario = async (name, fn) => {
    // E2E_ONLY=words: run only the scenarios whose name holds them (while working on one).
    if (process.env.E2E_ONLY && !name.includes(process.env.E2E_ONLY)) return;
    const started = Date.now();
    try {
      await fn();
      results.push(true);
      console.log(`PASS  ${name} (${Date.now() - started} ms)`);
    } catch (e) {
      results.push(false);
      console.log(
        `FAIL  ${name}: ${
          e && e.message
            ? (process.env.E2E_VERBOSE ? e.stack : e.message)
                .split("\n")
                .slice(0, process.env.E2E_VERBOSE ? 12 : 1)
                .join("\n")
            : e
        }`
      );
    }
  };

  await scenario("the preview loads on the built-in sample with no request leaving localhost", async () => {
    const before = offsite.length;
    const { page, errors } = await openPane(context, base);
    const mode = await page.getByTestId("mode").innerText();
    check(mode.includes("浏览器预览"), `mode badge says "${mode}"`);
    check((await page.getByTestId("preview-file").innerText()).includes("示例"), "the sample is not loaded");
    await page.waitForLoadState("networkidle");
    // office.js schedules its telemetry frame 3 s after loading: wait past that before judging.
    await page.waitForTimeout(4000);
    check(offsite.length === before, `requests left localhost: ${offsite.slice(before).join(", ")}`);
    check(errors.length === 0, `page errors: ${errors.join(" | ")}`);
    await page.close();
  });

  await scenario(
    "Rank on the sample shows the 12 communities in the right order with the advanced marked (zh-CN)",
    async () => {
      const { page } = await openPane(context, base);
      await page.getByTestId("action-rank").click();
      await idle(page);
      const rows = await rankedRows(page);
      check(rows.length === 12, `${rows.length} rows shown`);
      const names = rows.map((r) => r.name);
      const want = expected.communities.map((c) => c.name);
      check(JSON.stringify(names) === JSON.stringify(want), `order ${names.join(",")} ≠ ${want.join(",")}`);
      check(
        JSON.stringify(rows.map((r) => r.rank)) === JSON.stringify(expected.communities.map((c) => c.rank)),
        "ranks differ"
      );
      for (let i = 1; i < rows.length; i++)
        check(rows[i - 1].total >= rows[i].total, "totals are not descending");
      const wantMarks = expected.communities.map((c) =>
        c.advanced === true ? "advanced" : c.advanced === "tie" ? "tie" : c.eligible ? "no" : "not-eligible"
      );
      check(
        JSON.stringify(rows.map((r) => r.advanced)) === JSON.stringify(wantMarks),
        "advanced marks differ"
      );
      check(rows.filter((r) => r.advanced === "advanced").length === 8, "not 8 advanced communities");
      const note = await page.getByTestId("note").innerText();
      check(note.includes("排名") && note.includes("计分明细"), `note: ${note}`);
      await screenshot(page, "pane-zh-CN.png");
      await page.close();
    }
  );

  await scenario("the pane in English (?lang=en-US) ranks the sample", async () => {
    const { page, errors } = await openPane(context, base, "en-US");
    check(
      (await page.getByTestId("action-rank").innerText()).trim() === "Rank",
      "the Rank button is not in English"
    );
    check(
      (await page.getByTestId("mode").innerText()).includes("Browser preview"),
      "mode badge not in English"
    );
    await page.getByTestId("action-rank").click();
    await idle(page);
    const rows = await rankedRows(page);
    check(rows.length === 12, `${rows.length} rows shown`);
    check(
      (await page.getByTestId("ranking-table").innerText()).includes("Advanced"),
      "no English advanced badge"
    );
    await screenshot(page, "pane-en-US.png");
    // The language switch, both ways, after office.js has set history.replaceState to null.
    for (const [lang, rank] of [
      ["zh-CN", "一键排名"],
      ["en-US", "Rank"],
    ]) {
      await page.getByTestId("preview-language").click();
      await page.waitForFunction((want) => document.documentElement.lang === want, lang, {
        timeout: TIMEOUT,
      });
      const shown = (await page.getByTestId("action-rank").innerText()).trim();
      check(shown === rank, `after the language switch the Rank button says "${shown}", not "${rank}"`);
      check(
        new URL(page.url()).searchParams.get("lang") === lang,
        `the URL says ${page.url()}, not lang=${lang}`
      );
    }
    check(errors.length === 0, `page errors: ${errors.join(" | ")}`);
    await page.close();
  });

  await scenario(
    "switched to English at 360 px with a note on screen, every tab reads in English; the ranking scrolls; hints do not cover Download",
    async () => {
      const { page, errors } = await openPane(context, base);
      await page.setViewportSize({ width: 360, height: 800 });
      // A hint below its button, gone once pressed: never over 下载结果 above, the next click after 校验.
      await page.getByTestId("action-validate").hover();
      await page.getByRole("tooltip").waitFor({ timeout: TIMEOUT });
      const download = await page.getByTestId("preview-download").boundingBox();
      check(
        !overlaps(await page.getByRole("tooltip").boundingBox(), download),
        "the hint of 校验 covers 下载结果"
      );
      await page.getByTestId("action-validate").click();
      await idle(page);
      await page.waitForTimeout(300);
      // The pointer still on 校验: its hint is gone (it would cover the buttons and the note below).
      const tips = page.getByRole("tooltip");
      for (let i = 0; i < (await tips.count()); i++)
        check(!(await tips.nth(i).isVisible()), "after 校验 its hint still shows over the pane");
      await page.screenshot({ path: join(SHOTS, "pane-after-validate-360-zh-CN.png") });
      await page.getByTestId("action-rank").click();
      await idle(page);
      await rankedRows(page);
      // The ranking's last column is reachable at 360 px: the table scrolls sideways, the page does not.
      const reach = await page.getByTestId("ranking-scroll").evaluate((el) => {
        el.scrollLeft = el.scrollWidth;
        const cells = el.querySelectorAll("th");
        const last = cells[cells.length - 1].getBoundingClientRect();
        return { right: last.right, page: document.documentElement.scrollWidth };
      });
      check(reach.right <= 360 && reach.page <= 360, `at 360 px: ${JSON.stringify(reach)}`);
      await page.getByTestId("ranking-scroll").evaluate((el) => (el.scrollLeft = 0));
      await screenshot(page, "pane-360-zh-CN.png");

      // The note of 一键排名 is on screen when the language changes: it follows the language.
      await page.getByTestId("preview-language").click();
      await page.waitForFunction(() => document.documentElement.lang === "en-US", null, { timeout: TIMEOUT });
      check((await page.getByTestId("note").innerText()).includes("Ranked"), "the note stayed in Chinese");
      await checkEnglish(page, "ranking", expected.names);
      await screenshot(page, "pane-360-en-US.png");
      await page
        .getByTestId("ranking-row")
        .filter({ hasText: "春晖社区" })
        .getByTestId("ranking-name")
        .click();
      await page.getByTestId("community-card").waitFor({ timeout: TIMEOUT });
      await checkEnglish(page, "community card", expected.names);
      await screenshot(page, "pane-card-360-en-US.png");
      for (const tab of ["issues", "workplan", "share", "settings"]) {
        await page.getByTestId(`tab-${tab}`).click();
        await idle(page);
        await checkEnglish(page, `${tab} tab`, expected.names);
      }
      await page.getByTestId("whatif-key").selectOption("advancedCommunities");
      await page.getByTestId("whatif-value").fill("9");
      await page.getByTestId("whatif-try").click();
      await page.getByTestId("whatif-moves").waitFor({ timeout: TIMEOUT });
      await page.getByTestId("interpretations-run").click();
      await page.getByTestId("interpretation").first().waitFor({ timeout: TIMEOUT });
      await checkEnglish(page, "试算 and the [I] readings", expected.names);
      await screenshot(page, "pane-settings-360-en-US.png");
      // 应用 writes 设置, then asks before rebuilding: the question says so, and what the preview does.
      await page.getByTestId("whatif-apply").click();
      const dialog = page.getByTestId("confirm-dialog");
      await dialog.waitFor({ timeout: TIMEOUT });
      const asked = await dialog.innerText();
      check(
        asked.includes("only 设置 is changed") && asked.includes("the file on disk never changes"),
        `the question says "${asked}"`
      );
      check(!asked.includes("Excel cannot undo"), `the preview's question speaks of Excel: "${asked}"`);
      await checkEnglish(page, "the question", expected.names);
      await page.getByTestId("confirm-no").click();
      await idle(page);
      check(
        (await page.getByTestId("note").innerText()).includes("no other sheet was changed"),
        "cancelling after 应用 does not say that 设置 was written"
      );
      check(errors.length === 0, `page errors: ${errors.join(" | ")}`);
      await page.close();
    }
  );

  await scenario("an uploaded workbook with errors shows located issues, and Rank refuses", async () => {
    const file = join(temp, "有错误的工作簿.xlsx");
    await workbookWithErrors(file);
    const { page } = await openPane(context, base);
    await page.getByTestId("file-input").setInputFiles(file);
    await idle(page);
    check(
      (await page.getByTestId("preview-file").innerText()).includes("有错误的工作簿.xlsx"),
      "file not opened"
    );
    await page.getByTestId("action-validate").click();
    await idle(page);
    const items = page.getByTestId("issue-item");
    const found = [];
    for (let i = 0; i < (await items.count()); i++) {
      const item = items.nth(i);
      found.push({
        severity: await item.getAttribute("data-severity"),
        cell: await item.getAttribute("data-cell"),
        sheet: await item.evaluate((el) =>
          el.closest('[data-testid="issue-group"]')?.getAttribute("aria-label")
        ),
        text: await item.innerText(),
      });
    }
    const has = (sheet, cell, word) =>
      found.some(
        (f) => f.severity === "error" && f.sheet === sheet && f.cell === cell && f.text.includes(word)
      );
    check(has("荣誉", "D2", "国际级"), `no located error for the level at 荣誉!D2: ${JSON.stringify(found)}`);
    check(has("目标管理", "B3", "25"), "no located error for the score above its maximum at 目标管理!B3");
    check(has("荣誉", "A3", "北山社区"), "no located error for the unknown community at 荣誉!A3");
    // Clicking an issue shows where it is (the preview has no grid to select in).
    await items.filter({ hasText: "国际级" }).first().click();
    await page.getByTestId("cell-peek").waitFor({ timeout: TIMEOUT });
    check(
      (await page.getByTestId("cell-peek").innerText()).includes("国际级"),
      "the cell window does not show the cell"
    );
    // Rank refuses with the list; nothing is generated.
    await page.getByTestId("action-rank").click();
    await idle(page);
    check((await page.getByTestId("note").getAttribute("data-intent")) === "error", "Rank did not refuse");
    check(
      (await page.getByTestId("note").innerText()).includes("国际级"),
      "the refusal does not list the errors"
    );
    await page.close();
  });

  await scenario(
    "a community's card: categories, records with points and reasons, 距先进线; a record shows its row",
    async () => {
      const { page, errors } = await openPane(context, base);
      await page.getByTestId("action-rank").click();
      await idle(page);
      await rankedRows(page);
      const row = page.getByTestId("ranking-row").filter({ hasText: "春晖社区" });
      check(
        (await row.getByTestId("ranking-gap").innerText()).trim() === "2.50",
        "春晖社区's 距先进线 is not 2.50"
      );
      await row.getByTestId("ranking-name").click();
      const card = page.getByTestId("community-card");
      await card.waitFor({ timeout: TIMEOUT });
      const text = await card.innerText();
      check((await card.getAttribute("data-community")) === "春晖社区", "the card is not 春晖社区's");
      for (const words of [
        "第 10 名（共 12 个社区）",
        "距先进线",
        "2.50",
        "社区基础",
        "业绩优秀奖",
        "对外宣传",
      ])
        check(text.includes(words), `the card lacks ${words}`);
      const records = card.getByTestId("card-record");
      check((await records.count()) >= 3, `only ${await records.count()} records on the card`);
      await records.nth(1).click();
      await card.getByTestId("cell-peek").waitFor({ timeout: TIMEOUT });
      check(
        (await card.getByTestId("cell-peek").innerText()).includes("春晖社区"),
        "the peek does not show the record"
      );
      await screenshot(page, "pane-community-card.png");
      check(errors.length === 0, `page errors: ${errors.join(" | ")}`);
      await page.close();
    }
  );

  await scenario(
    "试算 on 设置: one more advanced place moves 春晖 and 梅园 to 并列待定; 应用 writes and ranks",
    async () => {
      const { page, errors } = await openPane(context, base);
      await page.getByTestId("action-rank").click();
      await idle(page);
      await page.getByTestId("tab-settings").click();
      await page.getByTestId("whatif-panel").waitFor({ timeout: TIMEOUT });
      await page.getByTestId("whatif-key").selectOption("advancedCommunities");
      await page.getByTestId("whatif-value").fill("9");
      await page.getByTestId("whatif-try").click();
      await page.getByTestId("whatif-moves").waitFor({ timeout: TIMEOUT });
      const moves = await page.getByTestId("whatif-move").allInnerTexts();
      check(moves.length === 2, `${moves.length} communities moved`);
      check(
        moves.every((m) => m.includes("→ 并列待定")) && moves.some((m) => m.includes("春晖社区")),
        `moves: ${moves.join(" | ")}`
      );
      await page.getByTestId("interpretations-run").click();
      await page.getByTestId("interpretation").first().waitFor({ timeout: TIMEOUT });
      check((await page.getByTestId("interpretation").count()) === 7, "not 7 [I] readings");
      check(
        (await page.getByTestId("interpretations-panel").innerText()).includes(
          "在 1–5 之间每 0.5 分重算一次"
        ),
        "the honor interval is not reported"
      );
      await screenshot(page, "pane-whatif.png");
      await page.getByTestId("whatif-apply").click();
      await page.getByTestId("confirm-yes").click({ timeout: TIMEOUT });
      await idle(page);
      const rows = await rankedRows(page);
      const marks = Object.fromEntries(rows.map((r) => [r.name, r.advanced]));
      check(
        marks["春晖社区"] === "tie" && marks["梅园社区"] === "tie",
        `after 应用: ${JSON.stringify(marks)}`
      );
      // Issue 22 §0: the download holds 应用's 设置 (9), not the file as opened (8).
      const book = await downloadedBook(page, temp, "applied.xlsx");
      let quota = null;
      book.getWorksheet("设置")?.eachRow((row) => {
        if (row.getCell(1).value === "先进社区名额") quota = row.getCell(2).value;
      });
      check(quota === 9, `the downloaded 设置 says 先进社区名额 = ${quota}`);
      check(errors.length === 0, `page errors: ${errors.join(" | ")}`);
      await page.close();
    }
  );

  await scenario(
    "新建空白: an empty template in the page, downloaded with every input sheet and its table",
    async () => {
      const { page, errors } = await openPane(context, base);
      await page.getByTestId("preview-blank").click();
      await idle(page);
      const wb = await downloadedBook(page, temp, "blank.xlsx");
      const names = wb.worksheets.map((ws) => ws.name);
      for (const n of ["社区", "目标管理", "荣誉", "人员", "设置"])
        check(names.includes(n), `sheet ${n} missing: ${names.join(",")}`);
      check(wb.getWorksheet("荣誉")?.getCell("A1").value === "社区", "荣誉 lacks its header");
      check((wb.getWorksheet("荣誉")?.getTables() ?? []).length === 1, "荣誉 is not a table");
      check(errors.length === 0, `page errors: ${errors.join(" | ")}`);
      await page.close();
    }
  );

  await scenario("the downloaded workbook contains the generated sheets", async () => {
    const { page } = await openPane(context, base);
    await page.getByTestId("action-rank").click();
    await idle(page);
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByTestId("preview-download").click(),
    ]);
    const path = join(temp, "download.xlsx");
    await download.saveAs(path);
    check(download.suggestedFilename().endsWith(".xlsx"), `file name ${download.suggestedFilename()}`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path);
    const names = wb.worksheets.map((ws) => ws.name);
    for (const n of ["社区", "目标管理", "排名", "先进个人", "计分明细", "校验结果"])
      check(names.includes(n), `sheet ${n} missing: ${names.join(",")}`);
    const ranking = wb.getWorksheet("排名");
    check(
      String(ranking.getCell(1, 1).value).startsWith("【社区考核助手生成】"),
      "排名!A1 lacks the generated marker"
    );
    let rows = 0;
    let firstName = null;
    ranking.eachRow((row) => {
      const rank = row.getCell(1).value;
      if (typeof rank === "number") {
        rows++;
        firstName ??= row.getCell(2).value;
      }
    });
    check(rows === 12, `排名 has ${rows} ranked rows`);
    check(firstName === expected.communities[0].name, `first place is ${firstName}`);
    await page.close();
  });

  await scenario(
    "an input changed after ranking: the pane names the stale 排名 on opening, in 校验 and before 共享准备; ranking again clears it",
    async () => {
      const { page, errors } = await openPane(context, base);
      await page.getByTestId("action-rank").click();
      await idle(page);
      await rankedRows(page);
      const [download] = await Promise.all([
        page.waitForEvent("download"),
        page.getByTestId("preview-download").click(),
      ]);
      const ranked = join(temp, "ranked.xlsx");
      await download.saveAs(ranked);
      // 规则 §8's words (src/workbook/stale.ts) and the pane's (src/taskpane/i18n.ts).
      const staleWords = "“排名”等结果已过期：输入在生成后有改动，请重新排名";
      const opened = async (file, name) => {
        await page.getByTestId("file-input").setInputFiles(file);
        await idle(page);
        const note = page.getByTestId("note");
        return { intent: await note.getAttribute("data-intent"), text: await note.innerText(), name };
      };

      // The same file saved again by another program, no input changed: nothing is stale.
      const same = new ExcelJS.Workbook();
      await same.xlsx.readFile(ranked);
      const unchanged = join(temp, "未改动.xlsx");
      await same.xlsx.writeFile(unchanged);
      const calm = await opened(unchanged, "未改动.xlsx");
      check(calm.text.includes("已打开 未改动.xlsx"), `the note says "${calm.text}"`);
      check(
        calm.intent === "info" && !calm.text.includes("过期"),
        `an unchanged file is called stale: ${calm.text}`
      );

      // One input cell changed after ranking (目标管理!B2, 社区基础 of the first community).
      const edited = new ExcelJS.Workbook();
      await edited.xlsx.readFile(ranked);
      const cell = edited.getWorksheet("目标管理").getCell("B2");
      check(typeof cell.value === "number" && cell.value >= 1, `目标管理!B2 holds ${cell.value}`);
      cell.value = cell.value - 1;
      const changed = join(temp, "排名后改了输入.xlsx");
      await edited.xlsx.writeFile(changed);
      const warned = await opened(changed, "排名后改了输入.xlsx");
      check(warned.intent === "warning", `on opening the note is "${warned.intent}", not a warning`);
      check(
        warned.text.includes("已打开 排名后改了输入.xlsx") && warned.text.includes(staleWords),
        `on opening the note says "${warned.text}"`
      );

      // 校验 lists it on the stale sheet, as a warning.
      await page.getByTestId("action-validate").click();
      await idle(page);
      const onRanking = page
        .locator('[data-testid="issue-group"][aria-label="排名"]')
        .getByTestId("issue-item")
        .filter({ hasText: staleWords });
      check((await onRanking.count()) === 1, "校验 does not list the stale 排名 under 排名");
      check(
        (await onRanking.first().getAttribute("data-severity")) === "warning",
        "the stale 排名 is not a warning"
      );

      // 共享准备 asks first, naming the stale sheet; "no" changes nothing.
      await page.getByTestId("tab-share").click();
      await idle(page);
      await page.getByTestId("share-prepare").click();
      const dialog = page.getByTestId("confirm-dialog");
      await dialog.waitFor({ timeout: TIMEOUT });
      const asked = await dialog.innerText();
      check(asked.includes("结果已过期，仍要共享准备？"), `the question says "${asked}"`);
      check(
        asked.includes(staleWords) && asked.includes("建议先点“一键排名”重新生成，再共享"),
        `the question does not name the stale sheet: "${asked}"`
      );
      await page.getByTestId("confirm-no").click();
      await idle(page);
      check(
        (await page.getByTestId("note").innerText()).includes("已取消，没有改动工作簿"),
        "declining did not say it was cancelled"
      );

      // Ranking again rebuilds the sheets (after asking to replace them) with the new fingerprint.
      await page.getByTestId("action-rank").click();
      await dialog.waitFor({ timeout: TIMEOUT });
      check(
        (await dialog.innerText()).includes("替换已生成的工作表？"),
        `ranking again asks "${await dialog.innerText()}"`
      );
      await page.getByTestId("confirm-yes").click();
      await idle(page);
      await rankedRows(page);
      await page.getByTestId("action-validate").click();
      await idle(page);
      const left = await page.getByTestId("issue-item").allInnerTexts();
      check(
        !left.some((t) => t.includes("结果已过期")),
        `still stale after ranking again: ${left.join(" | ")}`
      );
      await page.getByTestId("tab-share").click();
      await idle(page);
      await page.getByTestId("share-prepare").click();
      await idle(page);
      check((await dialog.count()) === 0, "共享准备 still asks about stale results after ranking again");
      check(
        (await page.getByTestId("note").innerText()).includes("只能在 Excel 中设置"),
        "共享准备 did not go ahead after ranking again"
      );
      check(errors.length === 0, `page errors: ${errors.join(" | ")}`);
      await page.close();
    }
  );

  await scenario("the main buttons and the issues work from the keyboard", async () => {
    const { page } = await openPane(context, base);
    await page.locator("body").focus();
    await tabTo(page, "action-validate");
    await page.keyboard.press("Enter");
    await idle(page);
    await page.getByTestId("issues-summary").waitFor({ timeout: TIMEOUT });
    await tabTo(page, "issue-item");
    await page.keyboard.press("Enter");
    await page.getByTestId("cell-peek").waitFor({ timeout: TIMEOUT });
    await tabTo(page, "action-rank", { back: true });
    await page.keyboard.press("Space");
    await idle(page);
    check((await rankedRows(page)).length === 12, "Rank from the keyboard did not rank");
    // The tab list is one tab stop (the selected tab); arrow keys move between tabs.
    await tabTo(page, "tab-ranking");
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("ArrowRight");
    check((await activeTestId(page)) === "tab-workplan", "ArrowRight did not reach the work-plan tab");
    await page.keyboard.press("Enter");
    await idle(page);
    await page.getByTestId("workplan-panel").waitFor({ timeout: TIMEOUT });
    check(
      (await page.getByTestId("workplan-panel").innerText()).includes("21"),
      "the work plan does not show 21 points"
    );
    await page.close();
  });

  await scenario(
    "the settings, work-plan and share tabs explain the rules, the plan and what recipients see",
    async () => {
      const { page, errors } = await openPane(context, base);
      await page.getByTestId("tab-settings").click();
      await idle(page);
      const settings = page.getByTestId("setting-row");
      check((await settings.count()) > 20, "fewer than 20 settings shown");
      check(
        (await page.locator('[data-testid="setting-row"][data-source="sheet"]').count()) > 0,
        "no rule from the 设置 sheet"
      );
      check(
        (await page.getByTestId("settings-panel").innerText()).includes("奖金总额"),
        "the bonus pool is not shown"
      );

      await page.getByTestId("tab-workplan").click();
      await idle(page);
      const plan = await page.getByTestId("workplan-panel").innerText();
      check(plan.includes("共 21 项要点"), "the work plan does not count 21 points");
      check(
        (await page.locator('[data-testid="workplan-panel"] [role="progressbar"]').count()) >= 7,
        "no progress bar per section"
      );
      await page.getByTestId("workplan-generate").click();
      await idle(page);
      check(
        (await page.getByTestId("note").innerText()).includes("工作要点汇总"),
        "the summary sheet was not written"
      );
      await screenshot(page, "pane-workplan-zh-CN.png");

      await page.getByTestId("tab-share").click();
      await idle(page);
      const share = await page.getByTestId("share-panel").innerText();
      check(share.includes("#NAME?"), "the pane does not say what a recipient without the add-in sees");
      await page.getByTestId("share-prepare").click();
      await idle(page);
      check(
        (await page.getByTestId("note").innerText()).includes("只能在 Excel 中设置"),
        "the preview does not explain auto-open"
      );
      check(errors.length === 0, `page errors: ${errors.join(" | ")}`);
      await page.close();
    }
  );

  await scenario(
    "the single-file page opens from file:// with the network blocked: opens an .xlsx, validates, ranks, shows the work plan, downloads",
    async () => {
      const standalone = join(DIST, "standalone", "社区考核助手.html");
      check(existsSync(standalone), "dist/standalone/社区考核助手.html was not built");
      // A context of its own: offline, and every request that is not the file itself (or data:/blob:) refused.
      const offline = await chromium.launch({
        executablePath: CHROMIUM,
        headless: true,
        args: ["--no-sandbox", "--disable-gpu"],
      });
      const ctx = await offline.newContext({
        offline: true,
        acceptDownloads: true,
        locale: "zh-CN",
        viewport: { width: 420, height: 900 },
      });
      const asked = [];
      const allowed = (raw) => /^(file|data|blob|about):/.test(raw);
      ctx.on("request", (req) => asked.push(req.url()));
      await ctx.route("**/*", (route) => (allowed(route.request().url()) ? route.continue() : route.abort()));
      try {
        const page = await ctx.newPage();
        const errors = [];
        page.on("pageerror", (e) => errors.push(String(e && e.message ? e.message : e)));
        await page.goto(pathToFileURL(standalone).href);
        await page.getByTestId("pane").waitFor({ timeout: TIMEOUT });
        check((await page.getByTestId("mode").innerText()).includes("浏览器预览"), "not the preview");
        // Open an .xlsx from disk and validate it.
        const file = join(temp, "离线有错误.xlsx");
        await workbookWithErrors(file);
        await page.getByTestId("file-input").setInputFiles(file);
        await idle(page);
        await page.getByTestId("action-validate").click();
        await idle(page);
        const texts = await page.getByTestId("issue-item").allInnerTexts();
        check(
          texts.some((t) => t.includes("国际级")),
          `no located error for the level: ${texts.join(" | ")}`
        );
        // Back to the sample: rank, work plan, download.
        await clearHover(page);
        await page.getByTestId("preview-sample").click();
        await idle(page);
        await page.getByTestId("action-rank").click();
        await idle(page);
        const rows = await rankedRows(page);
        check(rows.length === 12, `${rows.length} rows ranked`);
        check(rows[0].name === expected.communities[0].name, `first place ${rows[0].name}`);
        await page.getByTestId("tab-workplan").click();
        await idle(page);
        check(
          (await page.getByTestId("workplan-panel").innerText()).includes("共 21 项要点"),
          "no work plan"
        );
        const [download] = await Promise.all([
          page.waitForEvent("download"),
          page.getByTestId("preview-download").click(),
        ]);
        const path = join(temp, "offline-download.xlsx");
        await download.saveAs(path);
        const wb = new ExcelJS.Workbook();
        await wb.xlsx.readFile(path);
        const names = wb.worksheets.map((ws) => ws.name);
        for (const n of ["社区", "排名", "计分明细"])
          check(names.includes(n), `sheet ${n} missing: ${names.join(",")}`);
        await screenshot(page, "standalone-file-zh-CN.png");
        const outside = asked.filter((u) => !allowed(u));
        check(outside.length === 0, `the page asked the network for ${outside.join(", ")}`);
        check(errors.length === 0, `page errors: ${errors.join(" | ")}`);
      } finally {
        await ctx.close();
        await offline.close();
      }
    }
  );

  await scenario("no request left localhost during the whole run", async () => {
    check(offsite.length === 0, `requests left localhost: ${[...new Set(offsite)].join(", ")}`);
  });

  await context.close();
  server.close();
  rmSync(temp, { recursive: true, force: true });
  const passed = results.filter(Boolean).length;
  const failed = results.length - passed;
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed > 0 ? 1 : 0);
}

main().catch((e) => {
  console.error(e);
  console.log("0 passed, 1 failed");
  process.exit(1);
});
