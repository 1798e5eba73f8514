/**
 * What every llm-d policy is: one check over all of a stack's resources, written once and run
 * alike by the CrossGuard pack (`pulumi preview --policy-pack ./policies`) and the offline plan.
 */
import type { PolicyConfigSchema } from "@pulumi/policy";
import type { PlannedResource } from "../plan/plannedResource";

/** One resource as a policy sees it; CrossGuard's `args.resources` entries and planned resources both fit. */
export interface PolicySubject {
  type: string;
  name: string;
  urn?: string;
  props: Record<string, unknown>;
}

export interface ResourceRef {
  type: string;
  name: string;
  urn?: string;
}

export interface PolicyViolation {
  policy: string;
  /** Absent when the finding concerns the stack as a whole. */
  resource?: ResourceRef;
  message: string;
}

/** Pack configuration the policies read (`--policy-pack-config`, keyed by policy name). */
export interface PolicyConfig {
  costCeilingUsdPerHour?: number;
}

export interface Finding {
  resource?: PlannedResource;
  message: string;
}

export type EnforcementLevel = "mandatory" | "advisory";

export interface LlmdPolicy {
  /** Stable: pack configs, CI logs and tests name policies by it. */
  name: string;
  description: string;
  enforcementLevel: EnforcementLevel;
  configSchema?: PolicyConfigSchema;
  check(resources: readonly PlannedResource[], config: PolicyConfig): Finding[];
}

/** The plan helpers (objectView, routingTable) read only a resource's type, name and inputs. */
function asPlannedResource(subject: PolicySubject): PlannedResource {
  return {
    type: subject.type,
    name: subject.name,
    urn: subject.urn ?? "",
    parent: null,
    parentUrn: null,
    inputs: subject.props,
    dependsOn: [],
    options: {},
    component: false,
  };
}

function refOf(resource: PlannedResource): ResourceRef {
  return { type: resource.type, name: resource.name, ...(resource.urn ? { urn: resource.urn } : {}) };
}

export function runPolicy(policy: LlmdPolicy, subjects: readonly PolicySubject[], config: PolicyConfig): PolicyViolation[] {
  return policy.check(subjects.map(asPlannedResource), config).map((finding) => ({
    policy: policy.name,
    ...(finding.resource ? { resource: refOf(finding.resource) } : {}),
    message: finding.message,
  }));
}
