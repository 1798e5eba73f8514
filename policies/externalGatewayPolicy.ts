import { objectsOfKind } from "../plan/kubernetesObjects";
import { findNamed, inferencePoolBackends, parentGateways, targets } from "../plan/gatewayReferences";
import type { Finding, LlmdPolicy } from "./llmdPolicy";

/** The GKE class whose load balancer takes traffic from the internet. */
const externalGatewayClass = "gke-l7-regional-external-managed";

export const externalGatewayPolicy: LlmdPolicy = {
  name: "external-gateway-source-restriction",
  description: `A Gateway of class ${externalGatewayClass} admits only chosen sources: every pool it routes to has a GCPBackendPolicy naming a Cloud Armor securityPolicy.`,
  enforcementLevel: "advisory",
  check(resources) {
    const routes = objectsOfKind(resources, "HTTPRoute");
    const pools = objectsOfKind(resources, "InferencePool");
    const backendPolicies = objectsOfKind(resources, "GCPBackendPolicy");
    const restricted = (poolName: string, namespace: string | undefined) => {
      const pool = findNamed(pools, poolName, namespace);
      // `in`, not a read: the Cloud Armor policy's name stays unknown during a first preview.
      return !!pool && backendPolicies.some((policy) => targets(policy, pool) && "securityPolicy" in (policy.spec.default ?? {}));
    };
    return objectsOfKind(resources, "Gateway")
      .filter((gateway) => gateway.spec.gatewayClassName === externalGatewayClass)
      .flatMap((gateway): Finding[] => {
        const poolNames = routes
          .filter((route) => route.namespace === gateway.namespace && parentGateways(route).includes(gateway.name))
          .flatMap(inferencePoolBackends);
        const open = [...new Set(poolNames)].filter((poolName) => !restricted(poolName, gateway.namespace));
        if (open.length === 0) return [];
        return [{
          resource: gateway.resource,
          message:
            `Gateway ${gateway.name} (${externalGatewayClass}) takes requests from anywhere on the internet for InferencePool ${open.join(", ")}: ` +
            `no GCPBackendPolicy on them names a securityPolicy. Admit only your clients: pulumi config set --path 'gateway.sourceRanges[0]' <cidr>, ` +
            `or keep the gateway inside the VPC: pulumi config set --path gateway.internal true`,
        }];
      });
  },
};
