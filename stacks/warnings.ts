/** Warnings every plan and `pulumi preview`/`up` prints for a stack. Pure. */
import { isGatedModel } from "./gatedModels";
import { baseModelsOf, mixedPoolMessage, routingPlan } from "./routingPlan";
import type { StackConfig } from "./stackConfig";

export function mixedPoolWarnings(config: Pick<StackConfig, "routing" | "models">): string[] {
  return routingPlan(config)
    .pools.filter((pool) => baseModelsOf(pool).length > 1)
    .map((pool) => `routing unified: ${mixedPoolMessage(pool.name, baseModelsOf(pool))}`);
}

export function stackWarnings(config: StackConfig, hasHfToken: boolean): string[] {
  const warnings = mixedPoolWarnings(config);
  const gated = config.models.filter((model) => isGatedModel(model.name)).map((model) => model.name);
  if (gated.length > 0 && !hasHfToken) {
    warnings.push(`${gated.join(", ")} ${gated.length > 1 ? "are" : "is"} gated on Hugging Face; without a token the server cannot download it: pulumi config set --secret hfToken <token>`);
  }
  if (!config.deletionProtection) {
    warnings.push("deletionProtection is off: `pulumi destroy` will delete the cluster without asking GKE twice.");
  }
  return warnings;
}
