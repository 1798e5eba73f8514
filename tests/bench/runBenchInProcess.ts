import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { runBenchCommand } from "../../bench/benchCommand";
import type { BenchReport } from "../../bench/report";
import type { CommandRunner } from "../../bench/stackOutputs";

export interface BenchRun {
  exitCode: number;
  stdout: string;
  stderr: string;
  /** The --out report, null when the command stopped before writing one. */
  report: BenchReport | null;
}

const noPulumi: CommandRunner = async () => ({ kind: "not-found" });

/** Runs `npm run bench -- <args> --out <tmp>` in this process and captures its output and report. */
export async function runBench(args: string[], runCommand: CommandRunner = noPulumi): Promise<BenchRun> {
  const directory = mkdtempSync(path.join(tmpdir(), "bench-test-"));
  const outPath = path.join(directory, "report.json");
  let stdout = "";
  let stderr = "";
  try {
    const exitCode = await runBenchCommand([...args, "--out", outPath], {
      runCommand,
      stdout: { write: (text: string) => (stdout += text) },
      stderr: { write: (text: string) => (stderr += text) },
    });
    const report = existsSync(outPath) ? (JSON.parse(readFileSync(outPath, "utf8")) as BenchReport) : null;
    return { exitCode, stdout, stderr, report };
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}
