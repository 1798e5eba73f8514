/** The composition: a validated stack config in, components wired together, stack outputs out. */
import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import { AcceleratorNodePool } from "../components/acceleratorNodePool";
import { BodyBasedRouter } from "../components/bodyBasedRouter";
import { GkeCluster } from "../components/gkeCluster";
import { InferenceGateway } from "../components/inferenceGateway";
import { InferencePool } from "../components/inferencePool";
import { ModelServer } from "../components/modelServer";
import { Network } from "../components/network";
import { ProjectApis } from "../components/projectApis";
import { ServingNamespace } from "../components/servingNamespace";
import { SourceRangePolicy } from "../components/sourceRangePolicy";
import { gatewayName } from "../manifests/gateway";
import type { LoadedStack } from "./loadConfig";
import { modelOutputs, type ModelOutput } from "./modelOutputs";
import { acceleratorPoolPlans, servingReplicas, systemPoolPlan } from "./nodePoolPlan";
import { routingPlan } from "./routingPlan";
import { estimateCost, type CostEstimate } from "./cost";
import { inferenceCrdsUrl } from "./versions";
import { stackWarnings } from "./warnings";

export interface LlmdStackOutputs {
  clusterName: pulumi.Output<string>;
  gatewayAddress: pulumi.Output<string>;
  gatewayUrl: pulumi.Output<string>;
  models: pulumi.Output<ModelOutput[]>;
  acceleratorNodePools: Record<string, pulumi.Output<string>>;
  cost: CostEstimate;
  warnings: string[];
}

export function buildLlmdStack({ config, hfToken }: LoadedStack): LlmdStackOutputs {
  const warnings = stackWarnings(config, hfToken !== undefined);
  warnings.forEach((warning) => pulumi.log.warn(warning));
  const routing = routingPlan(config);
  const controllerReplicas = config.scaleToZero ? 0 : 1;

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
    const pool = new AcceleratorNodePool(plan.profileName, { clusterName: cluster.clusterName, zone: config.zone, plan, spot: config.spot });
    acceleratorNodePools[plan.profileName] = pool.nodePoolName;
  }

  const onCluster = { providers: [cluster.provider], dependsOn: cluster.ready };
  const namespace = new ServingNamespace("serving", { namespace: config.namespace, hfToken }, onCluster);
  const crds = config.installInferenceCrds
    ? [new k8s.yaml.v2.ConfigFile("inference-crds", { file: inferenceCrdsUrl }, { provider: cluster.provider, dependsOn: cluster.ready })]
    : [];
  const inNamespace = { providers: [cluster.provider], dependsOn: [...cluster.ready, ...namespace.ready] };

  for (const model of config.models) {
    new ModelServer(
      model.slug,
      { model, namespace: config.namespace, replicas: servingReplicas(model, config), hfTokenSecretName: namespace.hfTokenSecretName },
      inNamespace,
    );
  }
  const sourceRangePolicy =
    config.gateway.sourceRanges.length > 0
      ? new SourceRangePolicy("gateway-sources", { region: config.region, sourceRanges: config.gateway.sourceRanges }, { dependsOn: apis.services })
      : undefined;
  const pools: Record<string, InferencePool> = {};
  for (const pool of routing.pools) {
    pools[pool.name] = new InferencePool(
      pool.name,
      { pool, namespace: config.namespace, endpointPickerReplicas: controllerReplicas, securityPolicy: sourceRangePolicy?.policyName, crds },
      inNamespace,
    );
  }
  const gateway = new InferenceGateway(
    "gateway",
    {
      namespace: config.namespace,
      region: config.region,
      className: config.gateway.className,
      internal: config.gateway.internal,
      subnetId: network.subnetId,
      routes: routing.routes,
      crds,
      pools,
    },
    { ...inNamespace, dependsOn: [...inNamespace.dependsOn, network] },
  );
  if (routing.bodyBasedRouter) {
    new BodyBasedRouter(
      "bbr",
      { namespace: config.namespace, gatewayName, models: config.models, replicas: controllerReplicas, crds: [...crds, gateway.gatewayObject] },
      inNamespace,
    );
  }

  return {
    clusterName: cluster.clusterName,
    gatewayAddress: gateway.address,
    gatewayUrl: gateway.url,
    models: gateway.url.apply((url) => modelOutputs(config, routing, url)),
    acceleratorNodePools,
    cost: estimateCost(config),
    warnings,
  };
}
