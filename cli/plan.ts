/**
 * `npm run plan -- --stack <name> [--config <file>] [--out <dir>] [--format text|mermaid] [--policy-config <file>]`:
 * what a stack would create, offline. `npm run plan -- --check <plan.json>`: the policy pack over
 * a saved plan. Exit 0 ok; 1 the stack would fail (a mandatory policy or a duplicate name);
 * 2 bad config, arguments or saved plan (one line per problem on stderr).
 */
import * as path from "node:path";
import { parseArgs } from "node:util";
import { readPolicyConfig } from "../plan/policyConfigFile";
import { evaluatePolicies, mandatoryFailures, renderPolicyVerdicts } from "../plan/policyEvaluation";
import { readSavedPlan } from "../plan/savedPlan";
import { PlanInputError } from "../plan/planInputError";
import { readStackFiles } from "../plan/stackFiles";

const projectDir = path.resolve(__dirname, "..");
const usage =
  "usage: npm run plan -- --stack <name> [--config <file>] [--out <dir>] [--format text|mermaid] [--policy-config <file>]\n" +
  "       npm run plan -- --check <plan.json> [--policy-config <file>]";
const formats = ["text", "mermaid"];

function parseCommandLine(argv: string[]) {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      options: {
        stack: { type: "string" },
        config: { type: "string" },
        out: { type: "string" },
        format: { type: "string", default: "text" },
        check: { type: "string" },
        "policy-config": { type: "string" },
        help: { type: "boolean", short: "h" },
      },
      strict: true,
      allowPositionals: false,
    });
  } catch (error) {
    throw new PlanInputError([`${(error as Error).message.split("\n")[0]}; see --help`]);
  }
  const { values } = parsed;
  const problems: string[] = [];
  if (values.check !== undefined) {
    for (const flag of ["stack", "config", "out"] as const) {
      if (values[flag] !== undefined) problems.push(`--${flag}: not with --check, which reads a saved plan instead of running the program`);
    }
  } else if (!values.help && !values.stack) problems.push("--stack: required (or --check <plan.json>); see --help");
  if (!formats.includes(values.format as string)) problems.push(`--format: "${values.format}" is not one of: ${formats.join(", ")}`);
  if (problems.length) throw new PlanInputError(problems);
  return values;
}

async function main(argv: string[]): Promise<number> {
  const args = parseCommandLine(argv);
  if (args.help) {
    process.stdout.write(`${usage}\n`);
    return 0;
  }
  const policyConfig = args["policy-config"] ? readPolicyConfig(args["policy-config"]) : {};
  if (args.check) {
    const saved = readSavedPlan(args.check);
    const verdicts = evaluatePolicies(saved.resources, policyConfig);
    process.stdout.write(`Policy verdicts for ${args.check} (stack ${saved.stack})\n${renderPolicyVerdicts(verdicts).join("\n")}\n`);
    return mandatoryFailures(verdicts).length > 0 ? 1 : 0;
  }
  // Loaded only when the program runs: `--check` needs no Pulumi runtime and starts in a fraction of the time.
  const [{ planStack }, { planFails }, { renderPlanText }, { renderMermaid }, { writePlanFiles }] = await Promise.all([
    import("../plan/planStack"),
    import("../plan/planDocument"),
    import("../plan/renderText"),
    import("../plan/mermaid"),
    import("../plan/writeManifests"),
  ]);
  const files = readStackFiles(projectDir, args.stack as string, args.config);
  const plan = await planStack(files, async () => require(path.join(projectDir, "index.ts")), policyConfig);
  process.stdout.write(args.format === "mermaid" ? renderMermaid(plan.routing) : renderPlanText(plan));
  if (args.out) {
    writePlanFiles(plan, args.out);
    process.stdout.write(`Wrote ${path.join(args.out, "plan.json")} and ${path.join(args.out, "manifests")}/\n`);
  }
  return planFails(plan) ? 1 : 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof PlanInputError) {
      for (const problem of error.problems) process.stderr.write(`${problem}\n`);
      process.exit(2);
    }
    process.stderr.write(`plan failed: ${(error as Error)?.stack ?? String(error)}\n`);
    process.exit(1);
  },
);
