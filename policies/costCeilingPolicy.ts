import { gkeManagementUsdPerHour } from "../stacks/hardware";
import { hoursPerMonth, usdPerNodeHourOfMachine } from "../stacks/cost";
import type { LlmdPolicy } from "./llmdPolicy";

export const defaultCostCeilingUsdPerHour = 25;

export const costCeilingPolicy: LlmdPolicy = {
  name: "cost-ceiling",
  description: `The estimated running cost (node pools' nodeCount x on-demand price per node-hour, plus the GKE management fee) stays under costCeilingUsdPerHour (default $${defaultCostCeilingUsdPerHour}).`,
  enforcementLevel: "advisory",
  configSchema: {
    properties: {
      costCeilingUsdPerHour: {
        type: "number",
        minimum: 0,
        default: defaultCostCeilingUsdPerHour,
        description: "Estimated USD per hour above which the policy reports the stack.",
      },
    },
  },
  check(resources, config) {
    const ceiling = config.costCeilingUsdPerHour ?? defaultCostCeilingUsdPerHour;
    const clusters = resources.filter((resource) => resource.type === "gcp:container/cluster:Cluster");
    const pools = resources
      .filter((resource) => resource.type === "gcp:container/nodePool:NodePool")
      .map((pool) => {
        const inputs = pool.inputs as { nodeCount?: number; initialNodeCount?: number; nodeConfig?: { machineType?: string } };
        const machineType = inputs.nodeConfig?.machineType ?? "(no machine type)";
        const nodes = inputs.nodeCount ?? inputs.initialNodeCount ?? 0;
        // Machines outside the hardware table have no price; they count as free rather than guessed.
        return { name: pool.name, machineType, nodes, usdPerHour: nodes * (usdPerNodeHourOfMachine(machineType) ?? 0) };
      });
    const feeUsdPerHour = clusters.length * gkeManagementUsdPerHour;
    const usdPerHour = pools.reduce((sum, pool) => sum + pool.usdPerHour, feeUsdPerHour);
    if (usdPerHour <= ceiling) return [];
    const breakdown = [
      ...pools.map((pool) => `${pool.name} ${pool.nodes} x ${pool.machineType} = $${pool.usdPerHour.toFixed(2)}`),
      `GKE management fee $${feeUsdPerHour.toFixed(2)}`,
    ].join(", ");
    return [{
      resource: clusters[0],
      message:
        `estimated running cost $${usdPerHour.toFixed(2)}/hour (~$${Math.round(usdPerHour * hoursPerMonth)}/month) is above the ceiling of $${ceiling.toFixed(2)}/hour (${breakdown}). ` +
        `Park the accelerators (pulumi config set scaleToZero true), lower replicas, or raise costCeilingUsdPerHour in the policy pack config`,
    }];
  },
};
