/** The composition: a validated stack config in, components wired together, stack outputs out. */
import * as pulumi from "@pulumi/pulumi";
import { AcceleratorNodePool } from "../components/acceleratorNodePool";
import { GkeCluster } from "../components/gkeCluster";
import { Network } from "../components/network";
import { ProjectApis } from "../components/projectApis";
import type { LoadedStack } from "./loadConfig";
import { acceleratorPoolPlans, systemPoolPlan } from "./nodePoolPlan";
import { stackWarnings } from "./warnings";

export interface LlmdStackOutputs {
  clusterName: pulumi.Output<string>;
  zone: string;
  routing: string;
  acceleratorNodePools: Record<string, pulumi.Output<string>>;
  warnings: string[];
}

export function buildLlmdStack({ config }: LoadedStack): LlmdStackOutputs {
  const warnings = stackWarnings(config);
  warnings.forEach((warning) => pulumi.log.warn(warning));

  const apis = new ProjectApis("apis", { project: config.project });
  const network = new Network("vpc", { region: config.region }, { dependsOn: apis.services });
  const cluster = new GkeCluster(
    "gke",
    {
      project: config.project,
      zone: config.zone,
      networkId: network.networkId,
      subnetId: network.subnetId,
      releaseChannel: config.releaseChannel,
      deletionProtection: config.deletionProtection,
      systemPool: systemPoolPlan(config),
    },
    { dependsOn: [...apis.services, network] },
  );
  const acceleratorNodePools: Record<string, pulumi.Output<string>> = {};
  for (const plan of acceleratorPoolPlans(config)) {
    const pool = new AcceleratorNodePool(plan.profileName, {
      clusterName: cluster.clusterName,
      zone: config.zone,
      plan,
      spot: config.spot,
    });
    acceleratorNodePools[plan.profileName] = pool.nodePoolName;
  }

  return { clusterName: cluster.clusterName, zone: config.zone, routing: config.routing, acceleratorNodePools, warnings };
}
