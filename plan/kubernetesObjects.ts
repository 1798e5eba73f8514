/** Typed views of the planned Kubernetes objects, for the routing table and the policies. */
import type { PlannedResource } from "./plannedResource";

export interface ObjectView {
  resource: PlannedResource;
  kind: string;
  name: string;
  namespace: string | undefined;
  labels: Record<string, string>;
  spec: Record<string, any>;
  data: Record<string, string>;
}

export function objectView(resource: PlannedResource): ObjectView | undefined {
  const inputs = resource.inputs as Record<string, any>;
  if (!resource.type.startsWith("kubernetes:") || typeof inputs.kind !== "string") return undefined;
  return {
    resource,
    kind: inputs.kind,
    name: inputs.metadata?.name ?? resource.name,
    namespace: inputs.metadata?.namespace,
    labels: inputs.metadata?.labels ?? {},
    spec: inputs.spec ?? {},
    data: inputs.data ?? {},
  };
}

export function objectsOfKind(resources: readonly PlannedResource[], kind: string): ObjectView[] {
  return resources.map(objectView).filter((view): view is ObjectView => view?.kind === kind);
}

/** The value of `--flag value` or `--flag=value` in a container's args. */
export function argValue(args: readonly string[] | undefined, flag: string): string | undefined {
  if (!args) return undefined;
  for (let index = 0; index < args.length; index++) {
    if (args[index] === flag) return args[index + 1];
    if (args[index].startsWith(`${flag}=`)) return args[index].slice(flag.length + 1);
  }
  return undefined;
}

export function containersOf(deployment: ObjectView): Array<{ name: string; image?: string; args?: string[]; env?: any[]; resources?: any; ports?: any[] }> {
  return deployment.spec.template?.spec?.containers ?? [];
}

/** The model a vLLM Deployment serves (`--served-model-name`), if it is a model server. */
export function servedModelName(deployment: ObjectView): string | undefined {
  for (const container of containersOf(deployment)) {
    const served = argValue(container.args, "--served-model-name");
    if (served !== undefined) return served;
  }
  return undefined;
}

export function labelsMatch(selector: Record<string, string>, labels: Record<string, string>): boolean {
  return Object.entries(selector).every(([key, value]) => labels[key] === value);
}
