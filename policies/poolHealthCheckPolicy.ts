import { objectsOfKind } from "../plan/kubernetesObjects";
import { targets } from "../plan/gatewayReferences";
import type { Finding, LlmdPolicy } from "./llmdPolicy";

/** vLLM's health endpoint; GKE's default probe (`GET /`) gets a 404 from vLLM. */
const healthPath = "/health";

export const poolHealthCheckPolicy: LlmdPolicy = {
  name: "inference-pool-health-check",
  description: `Every InferencePool has a HealthCheckPolicy probing HTTP ${healthPath} on the pool's target port; without it GKE probes GET /, vLLM answers 404 and the gateway reports "no healthy upstream".`,
  enforcementLevel: "mandatory",
  check(resources) {
    const healthChecks = objectsOfKind(resources, "HealthCheckPolicy");
    return objectsOfKind(resources, "InferencePool").flatMap((pool): Finding[] => {
      const targetPorts: number[] = (pool.spec.targetPorts ?? []).map((port: { number: number }) => port.number);
      const wanted = `HTTP ${healthPath} on port ${targetPorts.join(" or ") || "(none: the pool has no targetPorts)"}`;
      const own = healthChecks.filter((policy) => targets(policy, pool));
      if (own.length === 0) {
        return [{ resource: pool.resource, message: `no HealthCheckPolicy targets InferencePool ${pool.name}; add one probing ${wanted}` }];
      }
      return own.flatMap((policy): Finding[] => {
        const config = policy.spec.default?.config ?? {};
        const probe = config.httpHealthCheck ?? {};
        if (config.type === "HTTP" && probe.requestPath === healthPath && targetPorts.includes(probe.port)) return [];
        return [{
          resource: policy.resource,
          message: `HealthCheckPolicy ${policy.name} probes ${config.type ?? "(no type)"} ${probe.requestPath ?? "(no path)"} on port ${probe.port ?? "(none)"}; InferencePool ${pool.name} needs ${wanted}`,
        }];
      });
    });
  },
};
