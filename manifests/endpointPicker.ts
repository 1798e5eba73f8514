/** The endpoint picker (EPP) of one InferencePool, after GAIE@v1.5.0's inferencepool chart. Pure. */
import type * as k8s from "@pulumi/kubernetes";
import * as yaml from "js-yaml";
import { apiVersions, images, ports } from "../stacks/versions";

const configFileName = "default-plugins.yaml";
const configMountPath = "/config";

export function endpointPickerName(poolName: string): string {
  return `${poolName}-epp`;
}

export interface EndpointPickerContext {
  poolName: string;
  namespace: string;
  /** Replicas to run now (0 when parked). */
  replicas: number;
}

/** Scorers the v1.5 chart enables: queue depth, KV-cache use and prefix-cache hits (facts.md, EPP). */
export function endpointPickerConfig(): string {
  return yaml.dump({
    apiVersion: apiVersions.endpointPickerConfig,
    kind: "EndpointPickerConfig",
    plugins: [
      { type: "metrics-data-source" },
      { type: "core-metrics-extractor" },
      { type: "queue-scorer" },
      { type: "kv-cache-utilization-scorer" },
      { type: "prefix-cache-scorer" },
    ],
    schedulingProfiles: [
      {
        name: "default",
        plugins: [
          { pluginRef: "queue-scorer", weight: 2 },
          { pluginRef: "kv-cache-utilization-scorer", weight: 2 },
          { pluginRef: "prefix-cache-scorer", weight: 3 },
        ],
      },
    ],
  });
}

const labelsOf = (context: EndpointPickerContext) => ({ "app.kubernetes.io/name": endpointPickerName(context.poolName) });
const metadataOf = (context: EndpointPickerContext) => ({
  name: endpointPickerName(context.poolName),
  namespace: context.namespace,
  labels: labelsOf(context),
});

export function endpointPickerServiceAccount(context: EndpointPickerContext): k8s.types.input.core.v1.ServiceAccount {
  return { apiVersion: "v1", kind: "ServiceAccount", metadata: metadataOf(context) };
}

/** Least privilege: read pods and the pool (and the experimental objective kinds) in its own namespace. */
export function endpointPickerRole(context: EndpointPickerContext): k8s.types.input.rbac.v1.Role {
  const read = ["get", "watch", "list"];
  return {
    apiVersion: "rbac.authorization.k8s.io/v1",
    kind: "Role",
    metadata: metadataOf(context),
    rules: [
      { apiGroups: [""], resources: ["pods"], verbs: read },
      { apiGroups: ["inference.networking.k8s.io"], resources: ["inferencepools"], verbs: read },
      { apiGroups: ["inference.networking.x-k8s.io"], resources: ["inferenceobjectives", "inferencemodelrewrites"], verbs: read },
    ],
  };
}

export function endpointPickerRoleBinding(context: EndpointPickerContext): k8s.types.input.rbac.v1.RoleBinding {
  const name = endpointPickerName(context.poolName);
  return {
    apiVersion: "rbac.authorization.k8s.io/v1",
    kind: "RoleBinding",
    metadata: metadataOf(context),
    roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "Role", name },
    subjects: [{ kind: "ServiceAccount", name, namespace: context.namespace }],
  };
}

export function endpointPickerConfigMap(context: EndpointPickerContext): k8s.types.input.core.v1.ConfigMap {
  return { apiVersion: "v1", kind: "ConfigMap", metadata: metadataOf(context), data: { [configFileName]: endpointPickerConfig() } };
}

export function endpointPickerDeployment(context: EndpointPickerContext): k8s.types.input.apps.v1.Deployment {
  const name = endpointPickerName(context.poolName);
  const grpcProbe = { grpc: { port: ports.endpointPickerHealth, service: "inference-extension" } };
  return {
    apiVersion: "apps/v1",
    kind: "Deployment",
    metadata: metadataOf(context),
    spec: {
      replicas: context.replicas,
      selector: { matchLabels: labelsOf(context) },
      template: {
        metadata: { labels: labelsOf(context) },
        spec: {
          serviceAccountName: name,
          containers: [
            {
              name: "epp",
              image: images.endpointPicker,
              args: [
                "--pool-name", context.poolName,
                "--pool-namespace", context.namespace,
                "--pool-group", "inference.networking.k8s.io",
                "--zap-encoder", "json",
                "--config-file", `${configMountPath}/${configFileName}`,
                "--v", "1",
                // Metrics auth would need a ClusterRole for token reviews; the metrics port stays in-cluster.
                "--metrics-endpoint-auth=false",
              ],
              ports: [
                { name: "grpc", containerPort: ports.endpointPickerGrpc },
                { name: "grpc-health", containerPort: ports.endpointPickerHealth },
                { name: "metrics", containerPort: ports.endpointPickerMetrics },
              ],
              // The chart's 4 CPU / 8Gi is sized for high QPS; a few models need far less.
              resources: { requests: { cpu: "500m", memory: "1Gi" }, limits: { memory: "2Gi" } },
              readinessProbe: { ...grpcProbe, periodSeconds: 5 },
              livenessProbe: { ...grpcProbe, initialDelaySeconds: 5, periodSeconds: 10 },
              volumeMounts: [{ name: "config", mountPath: configMountPath }],
            },
          ],
          volumes: [{ name: "config", configMap: { name } }],
        },
      },
    },
  };
}

export function endpointPickerService(context: EndpointPickerContext): k8s.types.input.core.v1.Service {
  return {
    apiVersion: "v1",
    kind: "Service",
    metadata: metadataOf(context),
    spec: {
      type: "ClusterIP",
      selector: labelsOf(context),
      ports: [
        { name: "grpc-ext-proc", port: ports.endpointPickerGrpc, targetPort: ports.endpointPickerGrpc, protocol: "TCP", appProtocol: "http2" },
        { name: "http-metrics", port: ports.endpointPickerMetrics, targetPort: ports.endpointPickerMetrics, protocol: "TCP" },
      ],
    },
  };
}
