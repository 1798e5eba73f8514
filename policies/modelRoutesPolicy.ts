import { objectsOfKind, servedModelName } from "../plan/kubernetesObjects";
import { routingTable } from "../plan/routingTable";
import { baseModelHeader, bbrManagedLabel } from "../manifests/labels";
import { routeRules } from "../plan/gatewayReferences";
import type { Finding, LlmdPolicy } from "./llmdPolicy";

function matchesBaseModel(header: { type?: string; name: string; value: string }, model: string): boolean {
  return (header.type ?? "Exact") === "Exact" && header.name.toLowerCase() === baseModelHeader.toLowerCase() && header.value === model;
}

export const modelRoutesPolicy: LlmdPolicy = {
  name: "one-route-per-model",
  description: `With the body-based router (a GCPRoutingExtension exists), every served model has a BBR ConfigMap naming it and exactly one HTTPRoute matching ${baseModelHeader} equal to its served model name.`,
  enforcementLevel: "mandatory",
  check(resources) {
    const routes = objectsOfKind(resources, "HTTPRoute");
    const servers = objectsOfKind(resources, "Deployment").filter((deployment) => servedModelName(deployment) !== undefined);
    // routingTable gives header null without a router and "" when no ConfigMap names the model.
    return routingTable(resources)
      .filter((row) => row.header !== null)
      .flatMap((row): Finding[] => {
        const server = servers.find((deployment) => servedModelName(deployment) === row.model)?.resource;
        const naming = routes.filter((route) =>
          routeRules(route).some((rule) => (rule.matches ?? []).some((match) => (match.headers ?? []).some((header) => matchesBaseModel(header, row.model)))),
        );
        const findings: Finding[] = [];
        if (row.header === "") {
          findings.push({
            resource: server,
            message: `no ConfigMap labelled ${bbrManagedLabel}: "true" has baseModel ${row.model}, so the router sends it with an empty ${baseModelHeader} and no route matches (404)`,
          });
        }
        if (naming.length === 0) {
          findings.push({ resource: server, message: `no HTTPRoute matches ${baseModelHeader}: ${row.model}, so requests for it reach no server` });
        }
        if (naming.length > 1) {
          const names = naming.map((route) => route.name).join(", ");
          findings.push(
            ...naming.map((route) => ({ resource: route.resource, message: `${row.model} is matched by ${naming.length} HTTPRoutes (${names}); exactly one must match ${baseModelHeader}: ${row.model}` })),
          );
        }
        return findings;
      });
  },
};
