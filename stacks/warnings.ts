/** Warnings every plan and `pulumi preview`/`up` prints for a stack. Pure. */
import type { StackConfig } from "./stackConfig";

export function stackWarnings(config: StackConfig): string[] {
  const warnings: string[] = [];
  if (!config.deletionProtection) {
    warnings.push("deletionProtection is off: `pulumi destroy` will delete the cluster without asking GKE twice.");
  }
  return warnings;
}
