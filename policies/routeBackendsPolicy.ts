import { objectsOfKind } from "../plan/kubernetesObjects";
import { findNamed, inferencePoolBackends } from "../plan/gatewayReferences";
import type { Finding, LlmdPolicy } from "./llmdPolicy";

export const routeBackendsPolicy: LlmdPolicy = {
  name: "route-backends-exist",
  description: "Every HTTPRoute backend InferencePool exists, and so do its endpoint picker Service and port; a dangling reference leaves the route without a backend (500s).",
  enforcementLevel: "mandatory",
  check(resources) {
    const pools = objectsOfKind(resources, "InferencePool");
    const services = objectsOfKind(resources, "Service");
    const missingPools = objectsOfKind(resources, "HTTPRoute").flatMap((route) =>
      inferencePoolBackends(route)
        .filter((poolName) => !findNamed(pools, poolName, route.namespace))
        .map((poolName): Finding => ({ resource: route.resource, message: `HTTPRoute ${route.name} sends traffic to InferencePool ${poolName}, which does not exist` })),
    );
    const missingPickers = pools.flatMap((pool): Finding[] => {
      const ref = pool.spec.endpointPickerRef ?? {};
      const service = findNamed(services, ref.name, pool.namespace);
      if (!service) {
        return [{ resource: pool.resource, message: `InferencePool ${pool.name} names endpoint picker Service ${ref.name ?? "(none)"}, which does not exist` }];
      }
      const servicePorts: number[] = (service.spec.ports ?? []).map((port: { port: number }) => port.port);
      if (servicePorts.includes(ref.port?.number)) return [];
      return [{
        resource: pool.resource,
        message: `InferencePool ${pool.name} names port ${ref.port?.number ?? "(none)"} of endpoint picker Service ${service.name}, which exposes only ${servicePorts.join(", ") || "no ports"}`,
      }];
    });
    return [...missingPools, ...missingPickers];
  },
};
