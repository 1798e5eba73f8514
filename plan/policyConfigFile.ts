/** Reads the policy pack config that `pulumi preview --policy-pack-config <file>` takes, for the offline plan. */
import * as fs from "node:fs";
import type { PolicyConfig } from "../policies/llmdPolicy";
import { PlanInputError } from "./planInputError";

/** `{"<policy name>": {"costCeilingUsdPerHour": 30, ...}, ...}` -> the settings the policies read. */
export function readPolicyConfig(file: string): PolicyConfig {
  let json: unknown;
  try {
    json = JSON.parse(fs.readFileSync(file, "utf8"));
  } catch (error) {
    throw new PlanInputError([`--policy-config: cannot read ${file} as JSON (${(error as Error).message.split("\n")[0]})`]);
  }
  if (typeof json !== "object" || json === null || Array.isArray(json)) {
    throw new PlanInputError([`--policy-config: ${file} must be an object keyed by policy name`]);
  }
  const config: PolicyConfig = {};
  const problems: string[] = [];
  for (const [policy, settings] of Object.entries(json)) {
    const ceiling = (settings as { costCeilingUsdPerHour?: unknown })?.costCeilingUsdPerHour;
    if (ceiling === undefined) continue;
    if (typeof ceiling !== "number" || !(ceiling > 0)) {
      problems.push(`--policy-config: ${policy}.costCeilingUsdPerHour must be a positive number of US dollars`);
    } else config.costCeilingUsdPerHour = ceiling;
  }
  if (problems.length) throw new PlanInputError(problems);
  return config;
}
