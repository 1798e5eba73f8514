/** The validated stack config: what every later step (plan, components, cost) reads. */
import type { AcceleratorProfile, AcceleratorProfileName } from "./hardware";
import type { RoutingMode } from "./configSchema";

export interface ModelSpec {
  /** Hugging Face id; also the served model name clients send as `model`. */
  name: string;
  /** Stable per-model identity for Kubernetes names and label values. */
  slug: string;
  acceleratorName: AcceleratorProfileName;
  profile: AcceleratorProfile;
  /** Replicas while serving (before scale-to-zero is applied). */
  replicas: number;
  maxModelLen: number;
  /** GPU profiles only. */
  gpuMemoryUtilization?: number;
  /** Extra vLLM args from the config, after the derived ones. */
  extraArgs: string[];
}

export interface GatewaySpec {
  className: string;
  internal: boolean;
  /** CIDRs allowed to reach the gateway; empty means anyone who can route to it. */
  sourceRanges: string[];
}

export interface StackConfig {
  project: string;
  region: string;
  zone: string;
  routing: RoutingMode;
  namespace: string;
  scaleToZero: boolean;
  spot: boolean;
  deletionProtection: boolean;
  installInferenceCrds: boolean;
  releaseChannel: string;
  gateway: GatewaySpec;
  models: ModelSpec[];
}
