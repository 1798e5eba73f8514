/**
 * The one table of pinned versions, images and ports. Nothing else in the project names an image
 * tag or a port number; sources are in ../shared/facts.md ("Versions to pin", EPP, BBR, vLLM).
 */

/** Gateway API Inference Extension release: the last one that ships both EPP and BBR (GAIE@v1.5.0). */
export const gaieRelease = "v1.5.0";

export const images = {
  /** GAIE@v1.5.0 endpoint picker. */
  endpointPicker: `registry.k8s.io/gateway-api-inference-extension/epp:${gaieRelease}`,
  /** GAIE@v1.5.0 body-based router. */
  bodyBasedRouter: `registry.k8s.io/gateway-api-inference-extension/bbr:${gaieRelease}`,
  /** vLLM for TPU; the llm-d guides ran v0.11.1. */
  vllmTpu: "vllm/vllm-tpu:v0.11.1",
  /** vLLM for NVIDIA GPUs, same release as the TPU image. */
  vllmGpu: "vllm/vllm-openai:v0.11.1",
} as const;

/** InferencePool v1 and the experimental kinds, from the pinned GAIE release. */
export const inferenceCrdsUrl =
  `https://github.com/kubernetes-sigs/gateway-api-inference-extension/releases/download/${gaieRelease}/manifests.yaml`;

export const ports = {
  /** Gateway listener (HTTP; put TLS in front with a certificate of your own). */
  gatewayHttp: 80,
  /** vLLM OpenAI server: /v1/*, /health, /metrics. */
  vllm: 8000,
  /** EPP ext-proc (gRPC); the InferencePool's endpointPickerRef port. */
  endpointPickerGrpc: 9002,
  /** EPP gRPC health service. */
  endpointPickerHealth: 9003,
  /** EPP Prometheus metrics. */
  endpointPickerMetrics: 9090,
  /** BBR ext-proc (gRPC over self-signed TLS). */
  bodyBasedRouterGrpc: 9004,
  /** BBR gRPC health service. */
  bodyBasedRouterHealth: 9005,
} as const;

/** API groups and versions of the custom kinds the program emits. */
export const apiVersions = {
  inferencePool: "inference.networking.k8s.io/v1",
  gateway: "gateway.networking.k8s.io/v1",
  gkeNetworking: "networking.gke.io/v1",
  endpointPickerConfig: "inference.networking.x-k8s.io/v1alpha1",
} as const;
