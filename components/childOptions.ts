import type * as pulumi from "@pulumi/pulumi";

/**
 * Options for a component's children: parented to it and waiting for whatever the component
 * waits for (Pulumi does not pass a component's dependsOn down to its children by itself).
 */
export function childOptions(
  parent: pulumi.ComponentResource,
  opts: pulumi.ComponentResourceOptions | undefined,
  extraDependsOn: pulumi.Resource[] = [],
): pulumi.CustomResourceOptions {
  const inherited = opts?.dependsOn === undefined ? [] : Array.isArray(opts.dependsOn) ? opts.dependsOn : [opts.dependsOn];
  return { parent, dependsOn: [...(inherited as pulumi.Input<pulumi.Resource>[]), ...extraDependsOn] };
}
