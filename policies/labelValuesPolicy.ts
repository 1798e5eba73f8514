import { objectView } from "../plan/kubernetesObjects";
import type { PlannedResource } from "../plan/plannedResource";
import type { Finding, LlmdPolicy } from "./llmdPolicy";

const maxLabelValueLength = 63;
/** Kubernetes label value syntax (apimachinery validation.IsValidLabelValue). */
const labelValuePattern = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;

/** Why a value cannot be a Kubernetes label value, or undefined when it can. */
export function labelValueProblem(value: unknown): string | undefined {
  if (typeof value !== "string") return "is not a string";
  if (value.length > maxLabelValueLength) return `is ${value.length} characters long; at most ${maxLabelValueLength} are allowed`;
  if (value.includes("/")) return "contains '/' (model names do; use the model's slug)";
  if (!labelValuePattern.test(value)) return "must be empty or begin and end with a letter or digit, with only letters, digits, '-', '_' and '.' between";
  return undefined;
}

/** Every label map a resource carries, by the path a user would look for it at. */
function labelMaps(resource: PlannedResource): Array<[string, Record<string, unknown> | undefined]> {
  if (resource.type === "gcp:container/nodePool:NodePool") {
    return [["nodeConfig.labels", (resource.inputs as any).nodeConfig?.labels]];
  }
  const view = objectView(resource);
  if (!view) return [];
  const template = view.spec.template ?? {};
  return [
    ["metadata.labels", view.labels],
    // A Service's selector is a plain map; workloads and InferencePools nest it under matchLabels.
    view.kind === "Service" ? ["spec.selector", view.spec.selector] : ["spec.selector.matchLabels", view.spec.selector?.matchLabels],
    ["spec.template.metadata.labels", template.metadata?.labels],
    ["spec.template.spec.nodeSelector", template.spec?.nodeSelector],
  ];
}

export const labelValuesPolicy: LlmdPolicy = {
  name: "valid-label-values",
  description: `Every label value (metadata, pod template, selectors, nodeSelectors, node pool labels) is a valid Kubernetes label value: at most ${maxLabelValueLength} characters, no '/', alphanumeric at both ends.`,
  enforcementLevel: "mandatory",
  check(resources) {
    return resources.flatMap((resource) =>
      labelMaps(resource).flatMap(([path, labels]) =>
        Object.entries(labels ?? {}).flatMap(([key, value]): Finding[] => {
          const problem = labelValueProblem(value);
          return problem ? [{ resource, message: `${path}["${key}"] = ${JSON.stringify(value)} ${problem}` }] : [];
        }),
      ),
    );
  },
};
