import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import * as picker from "../manifests/endpointPicker";
import { healthCheckDigestAnnotation, inferencePool, poolBackendPolicy, poolHealthCheckPolicy } from "../manifests/inferencePool";
import type { PoolPlan } from "../stacks/routingPlan";
import { childOptions } from "./childOptions";
import { customObject } from "./customObject";

export interface InferencePoolArgs {
  /** Pool name and which model servers it selects. */
  pool: PoolPlan;
  namespace: string;
  /** Endpoint picker replicas now (0 when parked). */
  endpointPickerReplicas: number;
  /** Regional Cloud Armor policy restricting who may reach the pool, if any. */
  securityPolicy?: pulumi.Input<string>;
  /** Resources custom objects must wait for (the Inference Gateway CRDs). */
  crds: pulumi.Resource[];
}

/**
 * An InferencePool with its own endpoint picker, its HTTP `/health` HealthCheckPolicy and its
 * GCPBackendPolicy. The policies exist before the pool (the seed had to recreate pools made
 * before their health check), and a changed health check recreates the pool.
 */
export class InferencePool extends pulumi.ComponentResource {
  readonly poolName: pulumi.Output<string>;
  readonly endpointPickerName: pulumi.Output<string>;

  constructor(name: string, args: InferencePoolArgs, opts?: pulumi.ComponentResourceOptions) {
    super("llmd:serving:InferencePool", name, {}, opts);
    const poolName = args.pool.name;
    const plain = childOptions(this, opts);
    const custom = childOptions(this, opts, args.crds);
    const context = { poolName, namespace: args.namespace, replicas: args.endpointPickerReplicas };
    const pickerName = picker.endpointPickerName(poolName);

    new k8s.core.v1.ServiceAccount(pickerName, picker.endpointPickerServiceAccount(context), plain);
    new k8s.rbac.v1.Role(pickerName, picker.endpointPickerRole(context), plain);
    new k8s.rbac.v1.RoleBinding(pickerName, picker.endpointPickerRoleBinding(context), plain);
    new k8s.core.v1.ConfigMap(pickerName, picker.endpointPickerConfigMap(context), plain);
    new k8s.apps.v1.Deployment(pickerName, picker.endpointPickerDeployment(context), plain);
    const service = new k8s.core.v1.Service(pickerName, picker.endpointPickerService(context), plain);

    const healthCheck = customObject(`${poolName}-health`, poolHealthCheckPolicy(poolName, args.namespace), custom);
    const backendPolicy = customObject(`${poolName}-backend`, poolBackendPolicy(poolName, args.namespace, args.securityPolicy), custom);
    const pool = customObject(poolName, inferencePool(poolName, args.namespace, args.pool.selectorSlug), {
      ...custom,
      dependsOn: [...(custom.dependsOn as pulumi.Resource[]), healthCheck, backendPolicy, service],
      replaceOnChanges: [`metadata.annotations["${healthCheckDigestAnnotation}"]`],
    });

    this.poolName = pool.metadata.name;
    this.endpointPickerName = service.metadata.name;
    this.registerOutputs({ poolName: this.poolName, endpointPickerName: this.endpointPickerName });
  }
}
