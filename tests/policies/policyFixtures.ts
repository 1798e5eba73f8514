/** Helpers for breaking one thing in a copy of a real plan and reading the verdict of one policy. */
import { evaluatePolicies } from "../../plan/policyEvaluation";
import type { PlanDocument } from "../../plan/planDocument";
import type { PlannedResource } from "../../plan/plannedResource";
import type { PolicyConfig } from "../../policies/llmdPolicy";

export const pulumiTypes = {
  cluster: "gcp:container/cluster:Cluster",
  nodePool: "gcp:container/nodePool:NodePool",
  configMap: "kubernetes:core/v1:ConfigMap",
  deployment: "kubernetes:apps/v1:Deployment",
  service: "kubernetes:core/v1:Service",
  gateway: "kubernetes:gateway.networking.k8s.io/v1:Gateway",
  httpRoute: "kubernetes:gateway.networking.k8s.io/v1:HTTPRoute",
  inferencePool: "kubernetes:inference.networking.k8s.io/v1:InferencePool",
  healthCheckPolicy: "kubernetes:networking.gke.io/v1:HealthCheckPolicy",
} as const;

/** A deep copy of the plan's resources, so each test breaks its own. */
export function copyResources(plan: PlanDocument): PlannedResource[] {
  return structuredClone(plan.resources);
}

export function resourceNamed(resources: readonly PlannedResource[], type: string, name: string): PlannedResource {
  const found = resources.find((resource) => resource.type === type && resource.name === name);
  if (!found) throw new Error(`no ${type} ${name} in the plan`);
  return found;
}

/** The inputs of one resource, loosely typed for editing. */
export function inputsOf(resources: readonly PlannedResource[], type: string, name: string): any {
  return resourceNamed(resources, type, name).inputs;
}

export function without(resources: readonly PlannedResource[], type: string, name: string): PlannedResource[] {
  resourceNamed(resources, type, name);
  return resources.filter((resource) => !(resource.type === type && resource.name === name));
}

/** A copy of a resource under another name, as a second registration of the same thing would be. */
export function duplicateOf(resource: PlannedResource, name: string): PlannedResource {
  const copy = structuredClone(resource);
  copy.name = name;
  copy.urn = resource.urn.replace(/::[^:]+$/, `::${name}`);
  (copy.inputs as any).metadata.name = name;
  return copy;
}

export function violationsOf(resources: readonly PlannedResource[], policy: string, config?: PolicyConfig) {
  const verdict = evaluatePolicies(resources, config).find((candidate) => candidate.policy === policy);
  if (!verdict) throw new Error(`no policy ${policy}`);
  return verdict.violations;
}

/** "<type> <name>", how a verdict names a resource. */
export function named(type: string, name: string): string {
  return `${type} ${name}`;
}
