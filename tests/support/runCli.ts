/** Runs a project command the way a user does (`npm run <script> -- ...`), without a shell. */
import { spawnSync } from "node:child_process";
import { projectDir } from "./planFixture";

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function runPlanCli(args: string[]): CliResult {
  const result = spawnSync(process.execPath, ["-r", "./cli/registerTypeScript.js", "cli/plan.ts", ...args], {
    cwd: projectDir,
    encoding: "utf8",
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
