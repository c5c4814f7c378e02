import { run } from "../../src/cli/main";
import { Io } from "../../src/cli/output";

/** Runs `scorecard` in-process with these arguments: its exit code and what it printed, line by line. */
export async function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const io: Io = { out: (t) => (stdout += t + "\n"), err: (t) => (stderr += t + "\n") };
  const code = await run(args, io);
  return { code, stdout, stderr };
}
