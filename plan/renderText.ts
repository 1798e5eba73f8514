/** The plan as text for a terminal: resource tree, counts by type, warnings and errors. */
import type { PlanDocument } from "./planDocument";
import { renderRoutingTable } from "./routingTable";

export function renderResourceTree(plan: PlanDocument): string[] {
  const children = new Map<string | null, PlanDocument["resources"]>();
  for (const resource of plan.resources) {
    const siblings = children.get(resource.parentUrn) ?? [];
    siblings.push(resource);
    children.set(resource.parentUrn, siblings);
  }
  const lines: string[] = [];
  const walk = (parent: string | null, depth: number) => {
    for (const resource of children.get(parent) ?? []) {
      lines.push(`${"  ".repeat(depth)}${resource.component ? "+" : "-"} ${resource.name}  (${resource.type})`);
      if (resource.component) walk(resource.urn, depth + 1);
    }
  };
  walk(null, 0);
  return lines;
}

export function renderCounts(plan: PlanDocument): string[] {
  const counts = new Map<string, number>();
  for (const resource of plan.resources) counts.set(resource.type, (counts.get(resource.type) ?? 0) + 1);
  const width = Math.max(...[...counts.values()].map((count) => String(count).length));
  return [...counts.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([type, count]) => `${String(count).padStart(width)}  ${type}`);
}

export function renderPlanText(plan: PlanDocument, extraSections: Array<[string, string[]]> = []): string {
  const sections: Array<[string, string[]]> = [
    [`Resources (${plan.resources.length})`, renderResourceTree(plan)],
    ["Counts by type", renderCounts(plan)],
    ["Routing table (model -> header -> HTTPRoute -> InferencePool -> EPP -> Deployments -> node pool)", renderRoutingTable(plan.routing)],
    ...extraSections,
    ["Warnings", plan.warnings.length ? plan.warnings.map((warning) => `! ${warning}`) : ["none"]],
  ];
  if (plan.errors.length) sections.push(["Errors", plan.errors.map((error) => `x ${error}`)]);
  return [`Plan of stack ${plan.stack} (project ${plan.project}), offline under the mock runtime`, ""]
    .concat(sections.flatMap(([title, lines]) => [`== ${title}`, ...lines, ""]))
    .join("\n");
}
