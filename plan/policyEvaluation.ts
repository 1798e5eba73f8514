/** Runs the policy pack's checks over an offline plan: one verdict per policy, as CrossGuard would report it. */
import { llmdPolicies } from "../policies/llmdPolicies";
import { runPolicy, type EnforcementLevel, type PolicyConfig } from "../policies/llmdPolicy";
import type { PlannedResource } from "./plannedResource";

export interface PolicyVerdict {
  policy: string;
  enforcementLevel: EnforcementLevel;
  passed: boolean;
  /** `resource` is "<type> <name>", or "stack" for a finding about the stack as a whole. */
  violations: Array<{ resource: string; message: string }>;
}

export function evaluatePolicies(resources: readonly PlannedResource[], config: PolicyConfig = {}): PolicyVerdict[] {
  const subjects = resources.map((resource) => ({ type: resource.type, name: resource.name, urn: resource.urn, props: resource.inputs }));
  return llmdPolicies.map((policy) => {
    const violations = runPolicy(policy, subjects, config).map((violation) => ({
      resource: violation.resource ? `${violation.resource.type} ${violation.resource.name}` : "stack",
      message: violation.message,
    }));
    return { policy: policy.name, enforcementLevel: policy.enforcementLevel, passed: violations.length === 0, violations };
  });
}

function status(verdict: PolicyVerdict): "PASS" | "FAIL" | "WARN" {
  if (verdict.passed) return "PASS";
  return verdict.enforcementLevel === "mandatory" ? "FAIL" : "WARN";
}

export function renderPolicyVerdicts(verdicts: readonly PolicyVerdict[]): string[] {
  return verdicts.flatMap((verdict) => [
    `${status(verdict)}  ${verdict.policy} (${verdict.enforcementLevel})`,
    ...verdict.violations.map((violation) => `      ${violation.resource}: ${violation.message}`),
  ]);
}

export function mandatoryFailures(verdicts: readonly PolicyVerdict[]): PolicyVerdict[] {
  return verdicts.filter((verdict) => verdict.enforcementLevel === "mandatory" && !verdict.passed);
}
