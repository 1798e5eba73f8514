/** An InferencePool and the GKE policies on it. Pure. */
import { createHash } from "node:crypto";
import type * as pulumi from "@pulumi/pulumi";
import { apiVersions, ports } from "../stacks/versions";
import { endpointPickerName } from "./endpointPicker";
import { poolSelector } from "./labels";
import type { CustomObject } from "./objectMeta";

/** Annotation holding a digest of the pool's health check, so a changed check recreates the pool. */
export const healthCheckDigestAnnotation = "llm-d.ai/health-check-digest";

const poolTargetRef = (poolName: string) => ({ group: "inference.networking.k8s.io", kind: "InferencePool", name: poolName });

/** GKE probes `GET /` without this; vLLM answers 404 and the gateway reports "no healthy upstream". */
export function poolHealthCheckPolicy(poolName: string, namespace: string): CustomObject {
  return {
    apiVersion: apiVersions.gkeNetworking,
    kind: "HealthCheckPolicy",
    metadata: { name: `${poolName}-health`, namespace },
    spec: {
      targetRef: poolTargetRef(poolName),
      default: {
        checkIntervalSec: 15,
        timeoutSec: 5,
        healthyThreshold: 1,
        unhealthyThreshold: 3,
        logConfig: { enabled: true },
        config: {
          type: "HTTP",
          httpHealthCheck: { portSpecification: "USE_FIXED_PORT", port: ports.vllm, requestPath: "/health" },
        },
      },
    },
  };
}

/** GKE's 30 s default backend timeout cuts long generations off. */
export function poolBackendPolicy(poolName: string, namespace: string, securityPolicy?: pulumi.Input<string>): CustomObject {
  return {
    apiVersion: apiVersions.gkeNetworking,
    kind: "GCPBackendPolicy",
    metadata: { name: `${poolName}-backend`, namespace },
    spec: {
      targetRef: poolTargetRef(poolName),
      default: { timeoutSec: 300, logging: { enabled: true }, ...(securityPolicy ? { securityPolicy } : {}) },
    },
  };
}

export function inferencePool(poolName: string, namespace: string, selectorSlug: string | undefined): CustomObject {
  const healthCheck = poolHealthCheckPolicy(poolName, namespace).spec;
  const digest = createHash("sha256").update(JSON.stringify(healthCheck)).digest("hex").slice(0, 16);
  return {
    apiVersion: apiVersions.inferencePool,
    kind: "InferencePool",
    metadata: { name: poolName, namespace, annotations: { [healthCheckDigestAnnotation]: digest } },
    spec: {
      selector: { matchLabels: poolSelector(selectorSlug) },
      targetPorts: [{ number: ports.vllm }],
      endpointPickerRef: {
        kind: "Service",
        name: endpointPickerName(poolName),
        port: { number: ports.endpointPickerGrpc },
        // The v1.5 chart's choice: if the picker is down, requests still reach a server of the pool.
        failureMode: "FailOpen",
      },
    },
  };
}
