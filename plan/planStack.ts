/** Plans one stack offline: config files -> the program under mocks -> a PlanDocument. */
import { buildPlanDocument, type PlanDocument } from "./planDocument";
import { runProgramUnderMocks } from "./mockRuntime";
import { PlanInputError } from "./planInputError";
import { type StackFiles } from "./stackFiles";
import type { PolicyConfig } from "../policies/llmdPolicy";

/** The program's StackConfigError, recognised by shape so a second copy of the module still matches. */
function configProblems(error: unknown): string[] | undefined {
  const problems = (error as { problems?: unknown })?.problems;
  return Array.isArray(problems) && problems.every((line) => typeof line === "string") ? problems : undefined;
}

export async function planStack(
  files: StackFiles,
  loadProgram: () => Promise<Record<string, unknown>>,
  policyConfig: PolicyConfig = {},
): Promise<PlanDocument> {
  try {
    const { resources, outputs } = await runProgramUnderMocks({ ...files, loadProgram });
    return buildPlanDocument(files.stack, files.project, resources, outputs, policyConfig);
  } catch (error) {
    const problems = configProblems(error);
    if (problems) throw new PlanInputError(problems);
    throw error;
  }
}
