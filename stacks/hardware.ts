/**
 * The one table of hardware facts: every machine type, accelerator, node label, taint, zone and
 * price the program uses. Sources are in ../shared/facts.md (TPU v6e, NVIDIA T4, Costs) unless a
 * comment names another. Prices are on-demand list-price estimates for cost outputs, not quotes.
 */
import { images } from "./versions";

export type AcceleratorFamily = "tpu" | "gpu";

export interface AcceleratorProfile {
  /** `tpu` profiles get TPU topology labels and XLA caching; `gpu` profiles get guest accelerators. */
  family: AcceleratorFamily;
  /** GCE machine type of one node. */
  machineType: string;
  /** Accelerator chips (TPU) or GPUs per node; one model replica uses all of them. */
  acceleratorsPerNode: number;
  /** GKE guest accelerator type, GPU profiles only. */
  gpuType?: string;
  /** Node labels GKE puts on these nodes; model servers select on exactly these. */
  nodeLabels: Record<string, string>;
  /** Taint key GKE puts on these nodes (NoSchedule); model servers tolerate it. */
  taintKey: string;
  /** Extended resource a model server requests, `acceleratorsPerNode` of it. */
  resourceName: "google.com/tpu" | "nvidia.com/gpu";
  /** CPU and memory a model server requests, leaving room for system daemons on the node. */
  podRequests: { cpu: string; memory: string };
  /** vLLM image (from the versions table). */
  image: string;
  /** vLLM args this hardware always needs. */
  requiredArgs: string[];
  /** `--max-model-len` when a model does not set `maxModelLen`. */
  defaultMaxModelLen: number;
  /** `--gpu-memory-utilization` when a GPU model does not set it; absent for TPUs. */
  defaultGpuMemoryUtilization?: number;
  /** Zones where GKE offers this machine; the config check rejects others. */
  zones: string[];
  /** Estimated on-demand USD per node-hour. */
  usdPerNodeHour: number;
}

/** Zones with TPU v6e (cloud.google.com/tpu/docs/regions-zones, via facts.md). */
const tpuV6eZones = ["us-central1-b", "us-east1-d", "us-east5-a", "us-east5-b", "europe-west4-a"];

/** TPU v6e on-demand list price per chip-hour (cloud.google.com/tpu/pricing, third-party figure in facts.md). */
const tpuV6eUsdPerChipHour = 2.7;

export const acceleratorProfiles = {
  "tpu-v6e-1": {
    family: "tpu",
    machineType: "ct6e-standard-1t",
    acceleratorsPerNode: 1,
    nodeLabels: {
      "cloud.google.com/gke-tpu-accelerator": "tpu-v6e-slice",
      "cloud.google.com/gke-tpu-topology": "1x1",
    },
    taintKey: "google.com/tpu",
    resourceName: "google.com/tpu",
    // ct6e-standard-1t: 44 vCPU, 176 GB (cloud.google.com/tpu/docs/v6e).
    podRequests: { cpu: "8", memory: "64Gi" },
    image: images.vllmTpu,
    requiredArgs: [],
    defaultMaxModelLen: 2048,
    zones: tpuV6eZones,
    usdPerNodeHour: 1 * tpuV6eUsdPerChipHour,
  },
  "tpu-v6e-4": {
    family: "tpu",
    machineType: "ct6e-standard-4t",
    acceleratorsPerNode: 4,
    nodeLabels: {
      "cloud.google.com/gke-tpu-accelerator": "tpu-v6e-slice",
      "cloud.google.com/gke-tpu-topology": "2x2",
    },
    taintKey: "google.com/tpu",
    resourceName: "google.com/tpu",
    // ct6e-standard-4t: 180 vCPU, 720 GB (cloud.google.com/tpu/docs/v6e).
    podRequests: { cpu: "32", memory: "256Gi" },
    image: images.vllmTpu,
    requiredArgs: [],
    defaultMaxModelLen: 4096,
    zones: tpuV6eZones,
    usdPerNodeHour: 4 * tpuV6eUsdPerChipHour,
  },
  "nvidia-t4": {
    family: "gpu",
    machineType: "n1-standard-4",
    acceleratorsPerNode: 1,
    gpuType: "nvidia-tesla-t4",
    nodeLabels: { "cloud.google.com/gke-accelerator": "nvidia-tesla-t4" },
    taintKey: "nvidia.com/gpu",
    resourceName: "nvidia.com/gpu",
    // n1-standard-4: 4 vCPU, 15 GB; GKE reserves about 0.1 vCPU and 2.6 GB of it.
    podRequests: { cpu: "3", memory: "10Gi" },
    image: images.vllmGpu,
    // Compute capability 7.5 has no bfloat16.
    requiredArgs: ["--dtype=half"],
    defaultMaxModelLen: 2048,
    defaultGpuMemoryUtilization: 0.85,
    // cloud.google.com/compute/docs/gpus/gpu-regions-zones
    zones: [
      "us-central1-a", "us-central1-b", "us-central1-c", "us-central1-f",
      "us-east1-c", "us-east1-d", "us-east4-a", "us-east4-b", "us-east4-c",
      "us-west1-a", "us-west1-b", "europe-west1-b", "europe-west1-d",
      "europe-west4-a", "europe-west4-b", "europe-west4-c", "asia-east1-a", "asia-east1-c",
    ],
    // ~$0.35 per T4-hour + ~$0.19 per n1-standard-4 hour (third-party figures in facts.md).
    usdPerNodeHour: 0.35 + 0.19,
  },
  "nvidia-l4": {
    family: "gpu",
    machineType: "g2-standard-8",
    acceleratorsPerNode: 1,
    gpuType: "nvidia-l4",
    nodeLabels: { "cloud.google.com/gke-accelerator": "nvidia-l4" },
    taintKey: "nvidia.com/gpu",
    resourceName: "nvidia.com/gpu",
    // g2-standard-8: 8 vCPU, 32 GB (cloud.google.com/compute/docs/accelerator-optimized-machines).
    podRequests: { cpu: "6", memory: "24Gi" },
    image: images.vllmGpu,
    requiredArgs: [],
    defaultMaxModelLen: 4096,
    defaultGpuMemoryUtilization: 0.9,
    // cloud.google.com/compute/docs/gpus/gpu-regions-zones
    zones: [
      "us-central1-a", "us-central1-b", "us-central1-c", "us-east1-b", "us-east1-c", "us-east1-d",
      "us-east4-a", "us-east4-c", "us-west1-a", "us-west1-b", "us-west1-c",
      "europe-west1-b", "europe-west1-c", "europe-west4-a", "europe-west4-b", "europe-west4-c",
      "asia-east1-a", "asia-east1-c",
    ],
    // g2-standard-8 with its L4, us-central1 on demand (cloud.google.com/compute/vm-instance-pricing).
    usdPerNodeHour: 0.85,
  },
} as const satisfies Record<string, AcceleratorProfile>;

export type AcceleratorProfileName = keyof typeof acceleratorProfiles;

export const acceleratorProfileNames = Object.keys(acceleratorProfiles) as AcceleratorProfileName[];

export function isAcceleratorProfileName(name: string): name is AcceleratorProfileName {
  return Object.prototype.hasOwnProperty.call(acceleratorProfiles, name);
}

/**
 * The CPU pool for the endpoint pickers, the body-based router and kube-system: accelerator
 * nodes are tainted, so these pods need somewhere else to run.
 */
export const systemNodePool = {
  machineType: "e2-standard-4",
  /** Nodes when parked: enough for kube-system and the gateway's controllers. */
  minNodes: 1,
  /** Nodes while serving: room for one EPP per pool and the BBR. */
  runningNodes: 2,
  maxNodes: 4,
  // e2-standard-4 us-central1 on demand (cloud.google.com/compute/vm-instance-pricing).
  usdPerNodeHour: 0.134,
} as const;

/** GKE cluster management fee per cluster-hour (cloud.google.com/kubernetes-engine/pricing). */
export const gkeManagementUsdPerHour = 0.1;
