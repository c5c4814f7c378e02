import { ExcelHost } from "../src/hosts/office/excel-host";
import { REQUEST_LIMIT_BYTES } from "../src/hosts/office/write-plan";
import { rankBuild } from "../src/taskpane/controller";
import { PaneHost } from "../src/hosts/port";
import { createMockExcel, MockSheetInput } from "../test/office/excel-mock";
import { generatedWorkbook, sampleWorkbook } from "../test/office/fixtures";

/**
 * The Office.js host against the office-addin-mock Excel of test/office: how many context.sync()
 * calls a whole rank build takes (read + write) for the sample's 12 communities and for 2,000,
 * the largest request, and the time the build takes against the mock (the engine, the pipeline
 * and the host's batching; no real Excel, so no network).
 */
async function build(label: string, sheets: MockSheetInput[]): Promise<string> {
  const mock = createMockExcel(sheets);
  mock.install();
  const host: PaneHost = new ExcelHost();
  const now = new Date(2025, 0, 15);
  const started = process.hrtime.bigint();
  const { report } = await rankBuild(host, { now });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (!report) throw new Error(`${label}: the rank build wrote nothing`);
  const cold = mock.syncs;
  const maxMb = Math.max(...mock.requestBytes) / 1024 / 1024;
  // The usual second pass: validate, then rank again (replacing the sheets just made).
  await host.read();
  mock.resetCounters();
  const second = await rankBuild(host, { now, confirm: async () => true });
  const warm = mock.syncs;
  const warmWrite = second.report?.syncs ?? 0;
  const limitMb = REQUEST_LIMIT_BYTES / 1024 / 1024;
  return (
    `  ${label.padEnd(18)} rank build: ${cold} context.sync() calls (read ${cold - report.syncs} + write ${report.syncs}); ` +
    `after a validation ${warm} (read ${warm - warmWrite} + write ${warmWrite}); largest request ${maxMb.toFixed(2)} MB ` +
    `(limit ${limitMb} MB); ${ms.toFixed(0)} ms against the mock`
  );
}

export async function benchOffice(): Promise<string[]> {
  return [
    await build("12 communities", sampleWorkbook()),
    await build("2,000 communities", generatedWorkbook(2000)),
  ];
}
