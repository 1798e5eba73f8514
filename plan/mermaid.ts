/** The routing graph as a Mermaid flowchart (`npm run plan -- --format mermaid`). */
import type { RoutingRow } from "./routingTable";

const id = (kind: string, name: string) => `${kind}_${name.replace(/[^A-Za-z0-9]/g, "_")}`;
const label = (text: string) => text.replace(/"/g, "'");

export function renderMermaid(rows: readonly RoutingRow[]): string {
  const lines = ["flowchart LR", '  client(["client: POST /v1/completions"]) --> gateway["Gateway"]'];
  const declared = new Set<string>();
  const node = (kind: string, name: string, text: string) => {
    const nodeId = id(kind, name);
    if (!declared.has(nodeId)) {
      declared.add(nodeId);
      lines.push(`  ${nodeId}["${label(text)}"]`);
    }
    return nodeId;
  };
  const edges = new Set<string>();
  const edge = (from: string, to: string, text?: string) => {
    const line = text ? `  ${from} -- "${label(text)}" --> ${to}` : `  ${from} --> ${to}`;
    if (!edges.has(line)) {
      edges.add(line);
      lines.push(line);
    }
  };
  const usesRouter = rows.some((row) => row.header !== null);
  if (usesRouter) edge("gateway", node("bbr", "router", "body-based router"));
  for (const row of rows) {
    const entry = usesRouter ? id("bbr", "router") : "gateway";
    const route = row.routes[0] ? node("route", row.routes[0], `HTTPRoute ${row.routes[0]}`) : node("none", row.model, "no route");
    edge(entry, route, `model: ${row.model}`);
    if (!row.pool) continue;
    const pool = node("pool", row.pool, `InferencePool ${row.pool}`);
    edge(route, pool);
    if (row.endpointPicker) edge(pool, node("epp", row.endpointPicker, `EPP ${row.endpointPicker}`), "picks");
    row.deployments.forEach((deployment) => {
      const server = node("deploy", deployment, `Deployment ${deployment}`);
      edge(pool, server);
      row.nodePools.forEach((nodePool) => edge(server, node("nodepool", nodePool, `node pool ${nodePool}`)));
    });
  }
  return `${lines.join("\n")}\n`;
}
