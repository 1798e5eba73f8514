/**
 * Resolves, from the planned objects alone, where a request for each model goes: body model ->
 * BBR header -> HTTPRoute -> InferencePool -> endpoint picker -> Deployments -> node pool. The
 * plan prints it; tests and policies use it to prove every model reaches only its own servers.
 */
import { baseModelHeader, bbrManagedLabel } from "../manifests/labels";
import { acceleratorProfileLabel } from "../stacks/nodePoolPlan";
import { routeRules, type RouteMatch } from "./gatewayReferences";
import { argValue, containersOf, labelsMatch, objectsOfKind, servedModelName, type ObjectView } from "./kubernetesObjects";
import type { PlannedResource } from "./plannedResource";

export interface RoutingRow {
  model: string;
  /** `X-Gateway-Base-Model-Name` the body-based router sets, "" when it knows no base model, null without a router. */
  header: string | null;
  /** HTTPRoutes whose matches the request satisfies, most specific first. */
  routes: string[];
  pool: string | null;
  /** Whether the route's backend names an InferencePool that exists. */
  poolExists: boolean;
  endpointPicker: string | null;
  deployments: string[];
  /** Models served by the Deployments the pool selects; more than the one asked for means misroutes. */
  servedModels: string[];
  nodePools: string[];
  accelerators: string[];
}

/** A route match the request satisfies: every header match equal (Exact is the default). */
function matchesRequest(match: RouteMatch, headers: Record<string, string>): boolean {
  return (match.headers ?? []).every(
    (header) => (header.type ?? "Exact") === "Exact" && headers[header.name.toLowerCase()] === header.value,
  );
}

function nodePoolFor(deployment: ObjectView, nodePools: PlannedResource[]): PlannedResource | undefined {
  const profile = deployment.spec.template?.spec?.nodeSelector?.[acceleratorProfileLabel];
  return nodePools.find((pool) => (pool.inputs as any).nodeConfig?.labels?.[acceleratorProfileLabel] === profile);
}

function acceleratorOf(nodePool: PlannedResource): string {
  const nodeConfig = (nodePool.inputs as any).nodeConfig ?? {};
  const gpus = (nodeConfig.guestAccelerators ?? []).map((gpu: { type: string; count: number }) => `${gpu.count}x ${gpu.type}`);
  return [nodeConfig.machineType, ...gpus].join(" + ");
}

export function routingTable(resources: readonly PlannedResource[]): RoutingRow[] {
  const deployments = objectsOfKind(resources, "Deployment");
  const modelServers = deployments.filter((deployment) => servedModelName(deployment) !== undefined);
  const routes = objectsOfKind(resources, "HTTPRoute");
  const pools = objectsOfKind(resources, "InferencePool");
  const baseModelMaps = objectsOfKind(resources, "ConfigMap").filter((map) => map.labels[bbrManagedLabel] === "true");
  const hasRouter = objectsOfKind(resources, "GCPRoutingExtension").length > 0;
  const nodePools = resources.filter((resource) => resource.type === "gcp:container/nodePool:NodePool");

  const models = [...new Set(modelServers.map((deployment) => servedModelName(deployment) as string))];
  return models.map((model): RoutingRow => {
    const header = hasRouter ? (baseModelMaps.find((map) => map.data.baseModel === model)?.data.baseModel ?? "") : null;
    const requestHeaders: Record<string, string> = header === null ? {} : { [baseModelHeader.toLowerCase()]: header };
    const candidates = routes
      .map((route) => {
        const rule = routeRules(route).find((candidate) => (candidate.matches ?? [{}]).some((match) => matchesRequest(match, requestHeaders)));
        const specificity = Math.max(0, ...(rule?.matches ?? []).map((match) => match.headers?.length ?? 0));
        return { route, rule, specificity };
      })
      .filter((candidate) => candidate.rule !== undefined)
      .sort((a, b) => b.specificity - a.specificity);
    const chosen = candidates[0];
    const poolName = chosen?.rule?.backendRefs?.find((ref) => ref.kind === "InferencePool")?.name ?? null;
    const pool = pools.find((candidate) => candidate.name === poolName);
    const selected = pool ? modelServers.filter((deployment) => labelsMatch(pool.spec.selector?.matchLabels ?? {}, deployment.spec.template?.metadata?.labels ?? {})) : [];
    const picker = deployments.find((deployment) => containersOf(deployment).some((container) => argValue(container.args, "--pool-name") === poolName));
    const selectedNodePools = selected.map((deployment) => nodePoolFor(deployment, nodePools)).filter((found): found is PlannedResource => !!found);
    return {
      model,
      header,
      routes: candidates.map((candidate) => candidate.route.name),
      pool: poolName,
      poolExists: pool !== undefined,
      endpointPicker: picker?.name ?? null,
      deployments: selected.map((deployment) => deployment.name),
      servedModels: [...new Set(selected.map((deployment) => servedModelName(deployment) as string))],
      nodePools: [...new Set(selectedNodePools.map((nodePool) => nodePool.name))],
      accelerators: [...new Set(selectedNodePools.map(acceleratorOf))],
    };
  });
}

/** A row whose request can reach a server of another model (or none at all). */
export function misroutes(row: RoutingRow): boolean {
  return row.servedModels.length !== 1 || row.servedModels[0] !== row.model;
}

export function renderRoutingTable(rows: readonly RoutingRow[]): string[] {
  return rows.map((row) => {
    const header = row.header === null ? "(no header)" : `${baseModelHeader}: ${row.header || '""'}`;
    const flag = misroutes(row) ? `  ! reaches ${row.servedModels.join(" + ") || "no server"}` : "";
    return (
      `${row.model}\n    -> ${header} -> HTTPRoute ${row.routes[0] ?? "(none)"} -> InferencePool ${row.pool ?? "(none)"}` +
      `${row.poolExists ? "" : " (missing)"} -> EPP ${row.endpointPicker ?? "(none)"}\n` +
      `    -> Deployments ${row.deployments.join(", ") || "(none)"} -> node pool ${row.nodePools.join(", ") || "(none)"} (${row.accelerators.join(", ")})${flag}`
    );
  });
}
