/** The plan as text for a terminal: resource tree, counts by type, warnings and errors. */
import type { CostBreakdown, CostEstimate } from "../stacks/cost";
import type { PlanDocument } from "./planDocument";
import { renderPolicyVerdicts } from "./policyEvaluation";
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

function renderBreakdown(title: string, cost: CostBreakdown): string[] {
  return [
    `${title}: $${cost.usdPerHour.toFixed(2)}/hour (~$${cost.usdPerMonth}/month)`,
    ...cost.pools.map(
      (pool) => `    ${pool.pool}: ${pool.nodes} x ${pool.machineType} @ $${pool.usdPerNodeHour.toFixed(3)} = $${pool.usdPerHour.toFixed(2)}/hour`,
    ),
    `    GKE management fee: $${cost.gkeManagementUsdPerHour.toFixed(2)}/hour`,
  ];
}

export function renderCost(cost: CostEstimate | undefined): string[] {
  if (!cost) return ["(the program exported no cost)"];
  return [
    ...renderBreakdown(`running${cost.current === "running" ? " (now)" : ""}`, cost.running),
    ...renderBreakdown(`parked${cost.current === "parked" ? " (now)" : ""}`, cost.parked),
    "List-price estimates (sources in stacks/hardware.ts); no discounts, Spot, egress or load balancer charges.",
  ];
}

export function renderPlanText(plan: PlanDocument): string {
  const sections: Array<[string, string[]]> = [
    [`Resources (${plan.resources.length})`, renderResourceTree(plan)],
    ["Counts by type", renderCounts(plan)],
    ["Routing table (model -> header -> HTTPRoute -> InferencePool -> EPP -> Deployments -> node pool)", renderRoutingTable(plan.routing)],
    ["Estimated cost (USD, on-demand list prices)", renderCost(plan.cost)],
    ["Warnings", plan.warnings.length ? plan.warnings.map((warning) => `! ${warning}`) : ["none"]],
    ["Policy verdicts (the pack in policies/, as `pulumi preview --policy-pack ./policies` runs it)", renderPolicyVerdicts(plan.policies)],
  ];
  if (plan.errors.length) sections.push(["Errors", plan.errors.map((error) => `x ${error}`)]);
  return [`Plan of stack ${plan.stack} (project ${plan.project}), offline under the mock runtime`, ""]
    .concat(sections.flatMap(([title, lines]) => [`== ${title}`, ...lines, ""]))
    .join("\n");
}
