/**
 * The llm-d policies, as plain checks (for the offline plan) and as CrossGuard stack policies
 * (for `pulumi preview --policy-pack ./policies`). Only index.ts builds the PolicyPack from them.
 */
import type { StackValidationPolicy } from "@pulumi/policy";
import { acceleratorFitPolicy } from "./acceleratorFitPolicy";
import { bodyRouterServicePolicy } from "./bodyRouterServicePolicy";
import { costCeilingPolicy } from "./costCeilingPolicy";
import { externalGatewayPolicy } from "./externalGatewayPolicy";
import { labelValuesPolicy } from "./labelValuesPolicy";
import { literalSecretsPolicy } from "./literalSecretsPolicy";
import { runPolicy, type LlmdPolicy, type PolicyConfig } from "./llmdPolicy";
import { mixedPoolPolicy } from "./mixedPoolPolicy";
import { modelRoutesPolicy } from "./modelRoutesPolicy";
import { poolHealthCheckPolicy } from "./poolHealthCheckPolicy";
import { routeBackendsPolicy } from "./routeBackendsPolicy";
import { routeTimeoutsPolicy } from "./routeTimeoutsPolicy";

export const llmdPolicies: readonly LlmdPolicy[] = [
  poolHealthCheckPolicy,
  routeBackendsPolicy,
  labelValuesPolicy,
  bodyRouterServicePolicy,
  routeTimeoutsPolicy,
  literalSecretsPolicy,
  acceleratorFitPolicy,
  modelRoutesPolicy,
  mixedPoolPolicy,
  externalGatewayPolicy,
  costCeilingPolicy,
];

/** Stack policies, not resource policies: most checks follow references between resources. */
export function crossGuardPolicy(policy: LlmdPolicy): StackValidationPolicy {
  return {
    name: policy.name,
    description: policy.description,
    enforcementLevel: policy.enforcementLevel,
    ...(policy.configSchema ? { configSchema: policy.configSchema } : {}),
    validateStack: (args, reportViolation) => {
      for (const violation of runPolicy(policy, args.resources, args.getConfig<PolicyConfig>())) {
        reportViolation(violation.message, violation.resource?.urn);
      }
    },
  };
}

export const llmdStackPolicies: StackValidationPolicy[] = llmdPolicies.map(crossGuardPolicy);
