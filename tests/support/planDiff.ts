/** Differences between two plans, by URN: what a `pulumi up` from one to the other would touch. */
import type { PlanDocument } from "../../plan/planDocument";

export interface PlanDiff {
  added: string[];
  removed: string[];
  /** URN -> the input paths whose values differ. */
  changed: Map<string, string[]>;
}

function changedPaths(before: unknown, after: unknown, path: string, into: string[]): void {
  if (JSON.stringify(before) === JSON.stringify(after)) return;
  const isObject = (value: unknown) => value !== null && typeof value === "object";
  if (isObject(before) && isObject(after) && Array.isArray(before) === Array.isArray(after)) {
    const keys = new Set([...Object.keys(before as object), ...Object.keys(after as object)]);
    for (const key of keys) {
      changedPaths((before as Record<string, unknown>)[key], (after as Record<string, unknown>)[key], path ? `${path}.${key}` : key, into);
    }
  } else into.push(path);
}

export function diffPlans(before: PlanDocument, after: PlanDocument): PlanDiff {
  const beforeByUrn = new Map(before.resources.map((resource) => [resource.urn, resource]));
  const afterByUrn = new Map(after.resources.map((resource) => [resource.urn, resource]));
  const changed = new Map<string, string[]>();
  for (const [urn, resource] of afterByUrn) {
    const previous = beforeByUrn.get(urn);
    if (!previous) continue;
    const paths: string[] = [];
    // Dependencies are an unordered set; a changed set is still a change worth seeing.
    const view = (planned: typeof resource) => ({ inputs: planned.inputs, options: planned.options, dependsOn: [...planned.dependsOn].sort() });
    changedPaths(view(previous), view(resource), "", paths);
    if (paths.length) changed.set(urn, paths);
  }
  return {
    added: [...afterByUrn.keys()].filter((urn) => !beforeByUrn.has(urn)),
    removed: [...beforeByUrn.keys()].filter((urn) => !afterByUrn.has(urn)),
    changed,
  };
}
