/** The Gateway and its HTTPRoutes. Pure. */
import type * as pulumi from "@pulumi/pulumi";
import type { RoutePlan } from "../stacks/routingPlan";
import { apiVersions, ports } from "../stacks/versions";
import { baseModelHeader } from "./labels";
import type { CustomObject } from "./objectMeta";

export const gatewayName = "inference-gateway";

/** The Gateway takes the reserved regional address by name, so the endpoint survives redeploys. */
export function gateway(namespace: string, className: string, addressName: pulumi.Input<string>): CustomObject {
  return {
    apiVersion: apiVersions.gateway,
    kind: "Gateway",
    metadata: { name: gatewayName, namespace },
    spec: {
      gatewayClassName: className,
      listeners: [{ name: "http", protocol: "HTTP", port: ports.gatewayHttp, allowedRoutes: { namespaces: { from: "Same" } } }],
      addresses: [{ type: "NamedAddress", value: addressName }],
    },
  };
}

/** No `timeouts`: GKE rejects them (UnsupportedValue); the pool's GCPBackendPolicy sets the timeout. */
export function httpRoute(route: RoutePlan, namespace: string): CustomObject {
  const headers = route.baseModelHeader === undefined ? undefined : [{ type: "Exact", name: baseModelHeader, value: route.baseModelHeader }];
  return {
    apiVersion: apiVersions.gateway,
    kind: "HTTPRoute",
    metadata: { name: route.name, namespace },
    spec: {
      parentRefs: [{ group: "gateway.networking.k8s.io", kind: "Gateway", name: gatewayName }],
      rules: [
        {
          matches: [{ path: { type: "PathPrefix", value: "/" }, ...(headers ? { headers } : {}) }],
          backendRefs: [{ group: "inference.networking.k8s.io", kind: "InferencePool", name: route.pool.name }],
        },
      ],
    },
  };
}
