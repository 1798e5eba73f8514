/** The vLLM Deployment of one model. Pure: returns the object as it will be applied. */
import type * as k8s from "@pulumi/kubernetes";
import { acceleratorProfileLabel } from "../stacks/nodePoolPlan";
import { startupBudgets } from "../stacks/servingProfile";
import type { ModelSpec } from "../stacks/stackConfig";
import { ports } from "../stacks/versions";
import { modelServerLabels } from "./labels";

export const hfTokenSecretKey = "token";
const cacheMount = "/data";

export interface ModelServerContext {
  namespace: string;
  /** Replicas to run now (0 when parked). */
  replicas: number;
  /** Name of the Secret holding the Hugging Face token, when one is configured. */
  hfTokenSecretName: string | undefined;
}

export function modelServerName(model: ModelSpec): string {
  return `vllm-${model.slug}`;
}

/** vLLM args: the model, what clients call it, and what the hardware needs. */
export function vllmArgs(model: ModelSpec): string[] {
  const { profile } = model;
  return [
    model.name,
    "--served-model-name", model.name,
    "--port", String(ports.vllm),
    "--tensor-parallel-size", String(profile.acceleratorsPerNode),
    "--max-model-len", String(model.maxModelLen),
    "--enable-prefix-caching",
    ...(model.gpuMemoryUtilization !== undefined ? ["--gpu-memory-utilization", String(model.gpuMemoryUtilization)] : []),
    ...profile.requiredArgs,
    ...model.extraArgs,
  ];
}

export function modelServerDeployment(model: ModelSpec, context: ModelServerContext): k8s.types.input.apps.v1.Deployment {
  const { profile } = model;
  const labels = modelServerLabels(model.slug);
  const healthProbe = { httpGet: { path: "/health", port: ports.vllm } };
  const startup = startupBudgets[profile.family];
  const env: k8s.types.input.core.v1.EnvVar[] = [{ name: "HF_HOME", value: `${cacheMount}/huggingface` }];
  if (profile.family === "tpu") env.push({ name: "VLLM_XLA_CACHE_PATH", value: `${cacheMount}/xla-cache` });
  if (context.hfTokenSecretName) {
    env.push({ name: "HF_TOKEN", valueFrom: { secretKeyRef: { name: context.hfTokenSecretName, key: hfTokenSecretKey } } });
  }
  return {
    apiVersion: "apps/v1",
    kind: "Deployment",
    metadata: { name: modelServerName(model), namespace: context.namespace, labels },
    spec: {
      replicas: context.replicas,
      selector: { matchLabels: labels },
      template: {
        metadata: { labels },
        spec: {
          nodeSelector: { ...profile.nodeLabels, [acceleratorProfileLabel]: model.acceleratorName },
          tolerations: [{ key: profile.taintKey, operator: "Exists", effect: "NoSchedule" }],
          containers: [
            {
              name: "vllm",
              image: profile.image,
              command: ["vllm", "serve"],
              args: vllmArgs(model),
              ports: [{ name: "http", containerPort: ports.vllm }],
              env,
              resources: {
                requests: { cpu: profile.podRequests.cpu, memory: profile.podRequests.memory, [profile.resourceName]: String(profile.acceleratorsPerNode) },
                limits: { [profile.resourceName]: String(profile.acceleratorsPerNode) },
              },
              startupProbe: { ...healthProbe, ...startup },
              readinessProbe: { ...healthProbe, periodSeconds: 5, failureThreshold: 3 },
              livenessProbe: { ...healthProbe, periodSeconds: 15, failureThreshold: 4 },
              volumeMounts: [
                { name: "dshm", mountPath: "/dev/shm" },
                { name: "model-cache", mountPath: cacheMount },
              ],
            },
          ],
          volumes: [
            { name: "dshm", emptyDir: { medium: "Memory" } },
            { name: "model-cache", emptyDir: {} },
          ],
        },
      },
    },
  };
}
