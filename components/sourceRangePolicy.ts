import * as gcp from "@pulumi/gcp";
import * as pulumi from "@pulumi/pulumi";
import { childOptions } from "./childOptions";

/** Cloud Armor takes at most 10 source ranges per rule. */
const rangesPerRule = 10;
/** Lowest priority: the rule every unmatched request falls to. */
const defaultRulePriority = 2147483647;

export interface SourceRangePolicyArgs {
  region: string;
  /** IPv4 CIDRs allowed through; everything else gets 403. */
  sourceRanges: string[];
}

/** A regional Cloud Armor policy that admits only the listed ranges; pools' GCPBackendPolicies name it. */
export class SourceRangePolicy extends pulumi.ComponentResource {
  readonly policyName: pulumi.Output<string>;

  constructor(name: string, args: SourceRangePolicyArgs, opts?: pulumi.ComponentResourceOptions) {
    super("llmd:routing:SourceRangePolicy", name, {}, opts);
    const children = childOptions(this, opts);
    const allowRules = [];
    for (let start = 0; start < args.sourceRanges.length; start += rangesPerRule) {
      allowRules.push({
        action: "allow",
        priority: 1000 + start / rangesPerRule,
        match: { versionedExpr: "SRC_IPS_V1", config: { srcIpRanges: args.sourceRanges.slice(start, start + rangesPerRule) } },
      });
    }
    const policy = new gcp.compute.RegionSecurityPolicy(
      name,
      {
        region: args.region,
        type: "CLOUD_ARMOR",
        description: "Admits only the stack's gateway.sourceRanges",
        rules: [
          ...allowRules,
          { action: "deny(403)", priority: defaultRulePriority, match: { versionedExpr: "SRC_IPS_V1", config: { srcIpRanges: ["*"] } } },
        ],
      },
      children,
    );
    this.policyName = policy.name;
    this.registerOutputs({ policyName: this.policyName });
  }
}
