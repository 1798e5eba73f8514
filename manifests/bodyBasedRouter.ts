/** The body-based router (BBR) and its GKE hook-up, after GAIE@v1.5.0's body-based-routing chart. Pure. */
import type * as k8s from "@pulumi/kubernetes";
import { apiVersions, images, ports } from "../stacks/versions";
import { bbrManagedLabel } from "./labels";
import type { CustomObject } from "./objectMeta";

export const bodyBasedRouterName = "body-based-router";
const labels = { "app.kubernetes.io/name": bodyBasedRouterName };
const metadataIn = (namespace: string) => ({ name: bodyBasedRouterName, namespace, labels });

export function bodyBasedRouterServiceAccount(namespace: string): k8s.types.input.core.v1.ServiceAccount {
  return { apiVersion: "v1", kind: "ServiceAccount", metadata: metadataIn(namespace) };
}

/** BBR reads the base-model ConfigMaps of its namespace, nothing else. */
export function bodyBasedRouterRole(namespace: string): k8s.types.input.rbac.v1.Role {
  return {
    apiVersion: "rbac.authorization.k8s.io/v1",
    kind: "Role",
    metadata: metadataIn(namespace),
    rules: [{ apiGroups: [""], resources: ["configmaps"], verbs: ["get", "list", "watch"] }],
  };
}

export function bodyBasedRouterRoleBinding(namespace: string): k8s.types.input.rbac.v1.RoleBinding {
  return {
    apiVersion: "rbac.authorization.k8s.io/v1",
    kind: "RoleBinding",
    metadata: metadataIn(namespace),
    roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "Role", name: bodyBasedRouterName },
    subjects: [{ kind: "ServiceAccount", name: bodyBasedRouterName, namespace }],
  };
}

export function bodyBasedRouterDeployment(namespace: string, replicas: number): k8s.types.input.apps.v1.Deployment {
  const grpcProbe = { grpc: { port: ports.bodyBasedRouterHealth } };
  return {
    apiVersion: "apps/v1",
    kind: "Deployment",
    metadata: metadataIn(namespace),
    spec: {
      replicas,
      selector: { matchLabels: labels },
      template: {
        metadata: { labels },
        spec: {
          serviceAccountName: bodyBasedRouterName,
          containers: [
            {
              name: "bbr",
              image: images.bodyBasedRouter,
              args: ["--streaming", "--v", "3"],
              ports: [
                { name: "grpc", containerPort: ports.bodyBasedRouterGrpc },
                { name: "grpc-health", containerPort: ports.bodyBasedRouterHealth },
              ],
              resources: { requests: { cpu: "250m", memory: "256Mi" }, limits: { memory: "1Gi" } },
              readinessProbe: { ...grpcProbe, periodSeconds: 5 },
              livenessProbe: { ...grpcProbe, initialDelaySeconds: 5, periodSeconds: 10 },
            },
          ],
        },
      },
    },
  };
}

/** appProtocol HTTP2 is what lets the Gateway program the ext-proc backend; without it it stays PROGRAMMED=False. */
export function bodyBasedRouterService(namespace: string): k8s.types.input.core.v1.Service {
  return {
    apiVersion: "v1",
    kind: "Service",
    metadata: metadataIn(namespace),
    spec: {
      type: "ClusterIP",
      selector: labels,
      ports: [
        { name: "grpc-ext-proc", port: ports.bodyBasedRouterGrpc, targetPort: ports.bodyBasedRouterGrpc, protocol: "TCP", appProtocol: "HTTP2" },
      ],
    },
  };
}

/** Hooks BBR into the Gateway: every request's headers and body pass through it before routing. */
export function bodyBasedRouterRoutingExtension(namespace: string, gatewayName: string): CustomObject {
  return {
    apiVersion: apiVersions.gkeNetworking,
    kind: "GCPRoutingExtension",
    metadata: { name: bodyBasedRouterName, namespace },
    spec: {
      targetRefs: [{ group: "gateway.networking.k8s.io", kind: "Gateway", name: gatewayName }],
      extensionChains: [
        {
          name: "body-based-routing",
          matchCondition: { celExpressions: [{ celMatcher: 'request.path.startsWith("/")' }] },
          extensions: [
            {
              name: bodyBasedRouterName,
              authority: `${bodyBasedRouterName}.${namespace}.svc`,
              timeout: "1s",
              // false: a request that cannot be routed by its body fails with 500 rather than reaching a wrong model.
              failOpen: false,
              supportedEvents: ["RequestHeaders", "RequestBody", "RequestTrailers"],
              requestBodySendMode: "FullDuplexStreamed",
              backendRef: { group: "", kind: "Service", name: bodyBasedRouterName, port: ports.bodyBasedRouterGrpc },
            },
          ],
        },
      ],
    },
  };
}

/** GKE health-checks BBR over gRPC on its health port, not the serving port. */
export function bodyBasedRouterHealthCheckPolicy(namespace: string): CustomObject {
  return {
    apiVersion: apiVersions.gkeNetworking,
    kind: "HealthCheckPolicy",
    metadata: { name: `${bodyBasedRouterName}-health`, namespace },
    spec: {
      targetRef: { group: "", kind: "Service", name: bodyBasedRouterName },
      default: {
        config: { type: "GRPC", grpcHealthCheck: { portSpecification: "USE_FIXED_PORT", port: ports.bodyBasedRouterHealth } },
      },
    },
  };
}

/** Tells BBR a served model's base model; a model without one gets an empty header and matches no route. */
export function baseModelConfigMap(slug: string, modelName: string, namespace: string): k8s.types.input.core.v1.ConfigMap {
  return {
    apiVersion: "v1",
    kind: "ConfigMap",
    metadata: { name: `bbr-model-${slug}`, namespace, labels: { [bbrManagedLabel]: "true" } },
    data: { baseModel: modelName },
  };
}
