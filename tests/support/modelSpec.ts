/** A resolved model on a profile, for pure tests of the derived plans. */
import { acceleratorProfiles, type AcceleratorProfileName } from "../../stacks/hardware";
import type { ModelSpec } from "../../stacks/stackConfig";

export function modelSpec(slug: string, acceleratorName: AcceleratorProfileName, replicas: number): ModelSpec {
  return { name: `org/${slug}`, slug, acceleratorName, profile: acceleratorProfiles[acceleratorName], replicas, maxModelLen: 2048, extraArgs: [] };
}
