/** The offline plan of one stack: what `plan.json` holds and every report is rendered from. */
import type { CostEstimate } from "../stacks/cost";
import type { PlannedResource } from "./plannedResource";
import type { PolicyConfig } from "../policies/llmdPolicy";
import { evaluatePolicies, mandatoryFailures, type PolicyVerdict } from "./policyEvaluation";
import { routingTable, type RoutingRow } from "./routingTable";

export interface PlanDocument {
  stack: string;
  project: string;
  resources: PlannedResource[];
  /** Stack outputs as `pulumi up` would export them, secrets redacted. */
  outputs: Record<string, unknown>;
  warnings: string[];
  /** Where a request for each model goes, resolved from the planned objects. */
  routing: RoutingRow[];
  /** Estimated cost, running and parked, as the program exports it. */
  cost: CostEstimate | undefined;
  /** One verdict per policy of the pack, evaluated over the planned resources. */
  policies: PolicyVerdict[];
  /** Problems that would make a real `pulumi up` fail (e.g. duplicate URNs). */
  errors: string[];
}

/** Two registrations with one URN: the mock runtime accepts them, the real engine does not. */
export function duplicateUrnErrors(resources: readonly PlannedResource[]): string[] {
  const seen = new Set<string>();
  const errors: string[] = [];
  for (const resource of resources) {
    if (seen.has(resource.urn)) errors.push(`duplicate resource: ${resource.type} "${resource.name}" is registered twice (${resource.urn})`);
    seen.add(resource.urn);
  }
  return errors;
}

export function buildPlanDocument(
  stack: string,
  project: string,
  resources: PlannedResource[],
  outputs: Record<string, unknown>,
  policyConfig: PolicyConfig = {},
): PlanDocument {
  const warnings = Array.isArray(outputs.warnings) ? outputs.warnings.map(String) : [];
  return {
    stack,
    project,
    resources,
    outputs,
    warnings,
    routing: routingTable(resources),
    cost: outputs.cost as CostEstimate | undefined,
    policies: evaluatePolicies(resources, policyConfig),
    errors: duplicateUrnErrors(resources),
  };
}

/** Resources of one type, in registration order. */
export function resourcesOfType(plan: Pick<PlanDocument, "resources">, type: string): PlannedResource[] {
  return plan.resources.filter((resource) => resource.type === type);
}

/** Whether a real `pulumi up` (with the policy pack) would fail: a duplicate name or a mandatory policy. */
export function planFails(plan: Pick<PlanDocument, "errors" | "policies">): boolean {
  return plan.errors.length > 0 || mandatoryFailures(plan.policies).length > 0;
}
