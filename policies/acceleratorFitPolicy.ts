import { containersOf, labelsMatch, type ObjectView } from "../plan/kubernetesObjects";
import type { PlannedResource } from "../plan/plannedResource";
import { acceleratorProfiles, type AcceleratorProfile } from "../stacks/hardware";
import type { Finding, LlmdPolicy } from "./llmdPolicy";
import { workloadsOf } from "./workloads";

const acceleratorResources = [...new Set(Object.values(acceleratorProfiles).map((profile) => profile.resourceName))];

interface NodePoolOffer {
  pool: PlannedResource;
  /** Labels its nodes carry: the pool's own plus those GKE derives from the machine and accelerator. */
  labels: Record<string, string>;
  resourceName?: string;
  perNode: number;
}

/** Machines outside the hardware table offer no accelerator here: the table is the one place hardware facts live. */
function offerOf(pool: PlannedResource): NodePoolOffer {
  const nodeConfig = (pool.inputs as any).nodeConfig ?? {};
  const gpu: { type: string; count: number } | undefined = nodeConfig.guestAccelerators?.[0];
  const profiles: AcceleratorProfile[] = Object.values(acceleratorProfiles);
  const profile = gpu
    ? profiles.find((candidate) => candidate.gpuType === gpu.type)
    : profiles.find((candidate) => candidate.family === "tpu" && candidate.machineType === nodeConfig.machineType);
  return {
    pool,
    labels: { "node.kubernetes.io/instance-type": nodeConfig.machineType, ...profile?.nodeLabels, ...nodeConfig.labels },
    resourceName: profile?.resourceName,
    perNode: gpu ? gpu.count : (profile?.acceleratorsPerNode ?? 0),
  };
}

/** Accelerators one pod asks for, per resource name (a request, or the limit when only that is set). */
function podAcceleratorRequests(workload: ObjectView): Map<string, number> {
  const requests = new Map<string, number>();
  for (const container of containersOf(workload)) {
    for (const resourceName of acceleratorResources) {
      const quantity = container.resources?.requests?.[resourceName] ?? container.resources?.limits?.[resourceName];
      if (quantity !== undefined) requests.set(resourceName, (requests.get(resourceName) ?? 0) + Number(quantity));
    }
  }
  return requests;
}

export const acceleratorFitPolicy: LlmdPolicy = {
  name: "accelerator-fits-node-pool",
  description: "Every pod that requests TPU chips or GPUs selects (nodeSelector) a node pool of that accelerator with at least that many per node; otherwise it stays Pending forever.",
  enforcementLevel: "mandatory",
  check(resources) {
    const offers = resources.filter((resource) => resource.type === "gcp:container/nodePool:NodePool").map(offerOf);
    return workloadsOf(resources).flatMap((workload) => {
      const nodeSelector: Record<string, string> = workload.spec.template.spec.nodeSelector ?? {};
      const selected = offers.filter((offer) => labelsMatch(nodeSelector, offer.labels));
      return [...podAcceleratorRequests(workload)].flatMap(([resourceName, count]): Finding[] => {
        if (selected.some((offer) => offer.resourceName === resourceName && offer.perNode >= count)) return [];
        const selectedText = selected.length
          ? `the node pools it selects offer ${selected.map((offer) => `${offer.pool.name}: ${offer.perNode} ${offer.resourceName ?? "accelerators"} per node`).join("; ")}`
          : `no node pool matches its nodeSelector ${JSON.stringify(nodeSelector)}`;
        return [{ resource: workload.resource, message: `${workload.kind} ${workload.name} requests ${count} ${resourceName} per pod, but ${selectedText}` }];
      });
    });
  },
};
