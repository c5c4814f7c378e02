import { ExcelHost } from "../src/hosts/office/excel-host";
import { REQUEST_LIMIT_BYTES } from "../src/hosts/office/write-plan";
import { PaneHost } from "../src/hosts/port";
import { rankBuild, validate } from "../src/taskpane/controller";
import { createMockExcel, MockExcel, MockSheetInput } from "../test/office/excel-mock";
import { generatedWorkbook, sampleWorkbook } from "../test/office/fixtures";

/**
 * The Office.js host against the strict fake Excel of test/office (no real Excel, so no network):
 * per workbook size, the round trips of a rank build (≤ 6 is the goal), and the largest request
 * and the largest answer of validate, rank and 共享准备 — each must stay under Excel on the web's
 * 5 MB, which the fake enforces.
 */
const MB = 1024 * 1024;
const mb = (bytes: number) => `${(bytes / MB).toFixed(2)} MB`;
const largest = (m: MockExcel) => ({
  request: Math.max(0, ...m.requestBytes),
  response: Math.max(0, ...m.responseBytes),
});

async function measure(label: string, sheets: MockSheetInput[]): Promise<string[]> {
  const mock = createMockExcel(sheets);
  mock.install();
  const host: PaneHost = new ExcelHost();
  const now = new Date(2025, 0, 15);

  await validate(host);
  const validated = { ...largest(mock), syncs: mock.syncs };

  mock.resetCounters();
  const started = process.hrtime.bigint();
  const { report } = await rankBuild(host, { now });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (!report) throw new Error(`${label}: the rank build wrote nothing`);
  const ranked = { ...largest(mock), syncs: mock.syncs };

  // A cold build on a fresh host (nothing remembered): the most round trips a build takes.
  const coldMock = createMockExcel(sheets);
  coldMock.install();
  await rankBuild(new ExcelHost(), { now });
  const cold = coldMock.syncs;

  // 共享准备 on the ranked workbook: formulas of every sheet, generated ones included.
  mock.install();
  mock.resetCounters();
  await host.countFunctionCells();
  await host.convertFunctionCells();
  const shared = { ...largest(mock), syncs: mock.syncs };

  const limit = REQUEST_LIMIT_BYTES;
  const ok = [validated, ranked, shared].every((r) => r.request < limit && r.response < limit)
    ? "all < 5 MB"
    : "OVER 5 MB";
  return [
    `  ${label.padEnd(18)} rank build: ${cold} context.sync() calls cold, ${ranked.syncs} after a validation (read ${ranked.syncs - report.syncs} + write ${report.syncs}); ${ms.toFixed(0)} ms against the fake`,
    `  ${"".padEnd(18)} largest request / answer: validate ${mb(validated.request)} / ${mb(validated.response)}; ` +
      `rank ${mb(ranked.request)} / ${mb(ranked.response)}; 共享准备 ${mb(shared.request)} / ${mb(shared.response)} (${shared.syncs} syncs) — ${ok}`,
  ];
}

export async function benchOffice(): Promise<string[]> {
  return [
    ...(await measure("12 communities", sampleWorkbook())),
    ...(await measure("2,000 communities", generatedWorkbook(2000))),
    ...(await measure("5,000 communities", generatedWorkbook(5000))),
  ];
}
