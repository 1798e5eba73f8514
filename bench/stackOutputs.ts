import { execFile } from "node:child_process";

export type CommandResult =
  | { kind: "exited"; exitCode: number; stdout: string; stderr: string }
  | { kind: "not-found" }
  | { kind: "failed-to-start"; message: string };

/** Runs a program without a shell; injectable so tests feed fake `pulumi` output. */
export type CommandRunner = (command: string, args: string[]) => Promise<CommandResult>;

export const runCommand: CommandRunner = (command, args) =>
  new Promise((resolve) => {
    execFile(command, args, { maxBuffer: 64 * 1024 * 1024, timeout: 120_000 }, (error, stdout, stderr) => {
      if (error === null) resolve({ kind: "exited", exitCode: 0, stdout, stderr });
      else if (error.code === "ENOENT") resolve({ kind: "not-found" });
      else if (typeof error.code === "number") resolve({ kind: "exited", exitCode: error.code, stdout, stderr });
      else resolve({ kind: "failed-to-start", message: error.message.split("\n")[0] });
    });
  });

/** What the benchmark needs from the stack: where the gateway is and which models it serves. */
export interface StackTarget {
  gatewayUrl: string;
  models: string[];
}

/** A one-line, user-facing reason why the stack outputs could not be used. */
export class StackOutputError extends Error {}

const SECRET_PLACEHOLDER = "[secret]";

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Parses `pulumi stack output --json`; only the non-secret `gatewayUrl` and `models[].name` are read. */
export function parseStackOutputs(stack: string, json: string): StackTarget {
  const fail = (problem: string): never => {
    throw new StackOutputError(`--stack ${stack}: ${problem}; or pass the gateway with --url <gateway URL> --model <name>`);
  };
  let outputs: unknown;
  try {
    outputs = JSON.parse(json);
  } catch {
    return fail("`pulumi stack output --json` did not print JSON");
  }
  if (!isRecord(outputs)) return fail("the stack outputs are not a JSON object");

  const gatewayUrl = outputs.gatewayUrl;
  if (gatewayUrl === SECRET_PLACEHOLDER) return fail("output gatewayUrl is a secret; it must be a plain output");
  if (typeof gatewayUrl !== "string" || gatewayUrl === "") return fail("output gatewayUrl is missing (has the stack been deployed?)");
  if (!/^https?:\/\//.test(gatewayUrl)) return fail(`output gatewayUrl is not an http(s) URL: '${gatewayUrl}'`);

  const models = outputs.models;
  if (!Array.isArray(models)) return fail("output models is missing or not a list");
  const names = models.map((model) => (isRecord(model) ? model.name : undefined));
  if (names.some((name) => typeof name !== "string" || name === "" || name === SECRET_PLACEHOLDER)) {
    return fail("every entry of output models needs a plain string name");
  }
  if (names.length === 0) return fail("output models is empty");
  return { gatewayUrl, models: names as string[] };
}

export async function readStackTarget(stack: string, run: CommandRunner): Promise<StackTarget> {
  const args = ["stack", "output", "--json", "--stack", stack];
  const suggestion = "pass the gateway with --url <gateway URL> --model <name> instead";
  const result = await run("pulumi", args);
  if (result.kind === "not-found") {
    throw new StackOutputError(`--stack ${stack}: the pulumi CLI is not on PATH; install it, or ${suggestion}`);
  }
  if (result.kind === "failed-to-start") {
    throw new StackOutputError(`--stack ${stack}: could not run pulumi (${result.message}); ${suggestion}`);
  }
  if (result.exitCode !== 0) {
    const reason = result.stderr.split("\n").find((line) => line.trim() !== "")?.trim() ?? "no error message";
    throw new StackOutputError(
      `--stack ${stack}: \`pulumi ${args.join(" ")}\` exited ${result.exitCode} (${reason}); check the stack name, or ${suggestion}`,
    );
  }
  return parseStackOutputs(stack, result.stdout);
}
