import { objectView, type ObjectView } from "../plan/kubernetesObjects";
import type { PlannedResource } from "../plan/plannedResource";

/** Kubernetes objects that own a pod template (Deployments, StatefulSets, Jobs...). */
export function workloadsOf(resources: readonly PlannedResource[]): ObjectView[] {
  return resources.map(objectView).filter((view): view is ObjectView => view?.spec.template?.spec !== undefined);
}
