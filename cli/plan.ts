/**
 * `npm run plan -- --stack <name> [--config <file>] [--out <dir>] [--format text|mermaid]`: what a stack would create,
 * offline. Exit 0 ok; 1 the stack would fail (a mandatory policy or a duplicate name); 2 bad
 * config or arguments (one line per problem on stderr).
 */
import * as path from "node:path";
import { parseArgs } from "node:util";
import { planStack } from "../plan/planStack";
import { renderMermaid } from "../plan/mermaid";
import { renderPlanText } from "../plan/renderText";
import { PlanInputError, readStackFiles } from "../plan/stackFiles";
import { writePlanFiles } from "../plan/writeManifests";

const projectDir = path.resolve(__dirname, "..");
const usage = "usage: npm run plan -- --stack <name> [--config <file>] [--out <dir>] [--format text|mermaid]";
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
        help: { type: "boolean", short: "h" },
      },
      strict: true,
      allowPositionals: false,
    });
  } catch (error) {
    throw new PlanInputError([`${(error as Error).message.split("\n")[0]}; ${usage}`]);
  }
  const { values } = parsed;
  const problems: string[] = [];
  if (!values.help && !values.stack) problems.push(`--stack: required; ${usage}`);
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
  const files = readStackFiles(projectDir, args.stack as string, args.config);
  const plan = await planStack(files, async () => require(path.join(projectDir, "index.ts")));
  process.stdout.write(args.format === "mermaid" ? renderMermaid(plan.routing) : renderPlanText(plan));
  if (args.out) {
    writePlanFiles(plan, args.out);
    process.stdout.write(`Wrote ${path.join(args.out, "plan.json")} and ${path.join(args.out, "manifests")}/\n`);
  }
  return plan.errors.length > 0 ? 1 : 0;
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
