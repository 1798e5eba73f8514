import * as k8s from "@pulumi/kubernetes";
import type * as pulumi from "@pulumi/pulumi";
import type { CustomObject } from "../manifests/objectMeta";

/** Applies a custom object built by a pure manifest builder; its Pulumi type is `kubernetes:<apiVersion>:<kind>`. */
export function customObject(name: string, object: CustomObject, opts: pulumi.CustomResourceOptions): k8s.apiextensions.CustomResource {
  return new k8s.apiextensions.CustomResource(name, object, opts);
}
