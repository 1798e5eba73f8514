/** Plans a stack in-process under the mock runtime, re-importing the program fresh each time. */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import * as yaml from "js-yaml";
import { vi } from "vitest";
import { planStack } from "../../plan/planStack";
import { readStackFiles } from "../../plan/stackFiles";
import type { PlanDocument } from "../../plan/planDocument";
import type { PlannedResource } from "../../plan/plannedResource";

export const projectDir = path.resolve(__dirname, "../..");

const plans = new Map<string, Promise<PlanDocument>>();

/** Plans a stack once per worker and config; each caller gets its own copy to edit freely. */
export function planShippedStack(stack: string, configFile?: string): Promise<PlanDocument> {
  const key = `${stack}\0${configFile ?? ""}`;
  if (!plans.has(key)) {
    const files = readStackFiles(projectDir, stack, configFile);
    const plan = planStack(files, async () => {
      vi.resetModules();
      return import("../../index");
    });
    // A failed plan is not cached, so a test expecting the failure sees it every time.
    plan.catch(() => plans.delete(key));
    plans.set(key, plan);
  }
  return (plans.get(key) as Promise<PlanDocument>).then((plan) => structuredClone(plan));
}

/** The shipped stack file as an object, for tests that write variants of it. */
export function readStackConfig(stack: string): { config: Record<string, unknown> } {
  return yaml.load(fs.readFileSync(path.join(projectDir, `Pulumi.${stack}.yaml`), "utf8")) as { config: Record<string, unknown> };
}

/** Writes a stack config variant to a temporary file and returns its path. */
export function writeStackConfig(config: Record<string, unknown>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "llmd-stack-"));
  const file = path.join(dir, "Pulumi.variant.yaml");
  fs.writeFileSync(file, yaml.dump({ config }));
  return file;
}

export function only(plan: PlanDocument, type: string, name?: string): PlannedResource {
  const matches = plan.resources.filter((resource) => resource.type === type && (name === undefined || resource.name === name));
  if (matches.length !== 1) throw new Error(`expected one ${type} ${name ?? ""}, found ${matches.length}`);
  return matches[0];
}

export function ofType(plan: PlanDocument, type: string): PlannedResource[] {
  return plan.resources.filter((resource) => resource.type === type);
}
