/** Warnings every plan and `pulumi preview`/`up` prints for a stack. Pure. */
import { isGatedModel } from "./gatedModels";
import { baseModelsOf, expectedMisrouteShare, routingPlan } from "./routingPlan";
import type { StackConfig } from "./stackConfig";

export function mixedPoolWarnings(config: Pick<StackConfig, "routing" | "models">): string[] {
  return routingPlan(config)
    .pools.filter((pool) => baseModelsOf(pool).length > 1)
    .map((pool) => {
      const models = baseModelsOf(pool);
      const share = Math.round(expectedMisrouteShare(pool) * 100);
      return (
        `routing unified: pool ${pool.name} mixes ${models.length} base models (${models.join(", ")}); its endpoint picker ` +
        `treats them as one, so about ${share}% of first attempts reach a server of another model and get 404 ` +
        `"model does not exist". Route by model instead: pulumi config set routing bbr`
      );
    });
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
