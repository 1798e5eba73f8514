import { existsSync, writeFileSync } from "node:fs";
import path from "node:path";
import { type BenchOptions, helpText, parseBenchArgs } from "./args";
import { renderHtmlReport } from "./htmlReport";
import { createProgressLine, type ProgressStream } from "./progress";
import { buildReport } from "./report";
import { endpointUrl } from "./requestBody";
import { runBenchmark } from "./runner";
import { type CommandRunner, readStackTarget, StackOutputError, type StackTarget } from "./stackOutputs";
import { renderSummaryTable } from "./summaryTable";

export interface BenchIo {
  runCommand: CommandRunner;
  stdout: { write(text: string): unknown };
  /** Problems, file notices and, on a terminal, the progress line. */
  stderr: ProgressStream;
}

const EXIT = { passed: 0, targetMissed: 1, badInput: 2 } as const;

// Checked before the run so a typo in a path does not throw away a long benchmark.
function outputPathProblems(options: BenchOptions): string[] {
  const problems: string[] = [];
  for (const [flag, file] of [["--out", options.outPath], ["--html", options.htmlPath]] as const) {
    if (file !== null && !existsSync(path.dirname(path.resolve(file)))) {
      problems.push(`${flag}: the directory of '${file}' does not exist`);
    }
  }
  return problems;
}

async function resolveTarget(options: BenchOptions, runCommand: CommandRunner): Promise<StackTarget> {
  if (options.target.kind === "url") return { gatewayUrl: options.target.url, models: options.models };
  const fromStack = await readStackTarget(options.target.stack, runCommand);
  return { gatewayUrl: fromStack.gatewayUrl, models: options.models.length > 0 ? options.models : fromStack.models };
}

/** Parse, run, write the reports, print the summary; resolves to the process exit code. */
export async function runBenchCommand(argv: string[], io: BenchIo): Promise<number> {
  const printProblems = (problems: string[]): number => {
    for (const problem of problems) io.stderr.write(`${problem}\n`);
    return EXIT.badInput;
  };
  const parsed = parseBenchArgs(argv);
  if (parsed.kind === "help") {
    io.stdout.write(`${helpText()}\n`);
    return EXIT.passed;
  }
  if (parsed.kind === "problems") return printProblems(parsed.problems);
  const options = parsed.options;
  const pathProblems = outputPathProblems(options);
  if (pathProblems.length > 0) return printProblems(pathProblems);

  let target: StackTarget;
  try {
    target = await resolveTarget(options, io.runCommand);
  } catch (error) {
    if (error instanceof StackOutputError) return printProblems([error.message]);
    throw error;
  }

  const api = options.chat ? "chat" : "completions";
  const startedAt = new Date().toISOString();
  const progress = createProgressLine(io.stderr);
  const levels = await runBenchmark(
    {
      endpoint: endpointUrl(target.gatewayUrl, api),
      api,
      models: target.models,
      requestsPerModel: options.requestsPerModel,
      concurrencyLevels: options.concurrencyLevels,
      maxTokens: options.maxTokens,
      prompt: options.prompt,
      retry: { retries: options.retries, backoffBaseMs: options.retryBackoffMs },
      timeoutMs: options.timeoutMs,
    },
    (update) => progress.update(update),
  );
  progress.finish();

  const report = buildReport({
    target: target.gatewayUrl,
    stack: options.target.kind === "stack" ? options.target.stack : null,
    scenario: options.scenario,
    startedAt,
    finishedAt: new Date().toISOString(),
    settings: {
      api,
      requestsPerModel: options.requestsPerModel,
      concurrencyLevels: options.concurrencyLevels,
      maxTokens: options.maxTokens,
      prompt: options.prompt ?? "built-in mix",
      retries: options.retries,
      retryBackoffMs: options.retryBackoffMs,
      timeoutMs: options.timeoutMs,
    },
    targets: { ttftP95Ms: options.ttftP95Ms, tpotP95Ms: options.tpotP95Ms, minRoutingAccuracy: options.minRoutingAccuracy },
    models: target.models,
    levels,
  });

  io.stdout.write(renderSummaryTable(report));
  const writeProblems: string[] = [];
  for (const [flag, file, content] of [
    ["--out", options.outPath, `${JSON.stringify(report, null, 2)}\n`],
    ["--html", options.htmlPath, renderHtmlReport(report)],
  ] as const) {
    if (file === null) continue;
    try {
      writeFileSync(file, content);
      io.stderr.write(`Wrote ${file}\n`);
    } catch (error) {
      writeProblems.push(`${flag}: could not write '${file}': ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  if (writeProblems.length > 0) return printProblems(writeProblems);
  return report.passed ? EXIT.passed : EXIT.targetMissed;
}
