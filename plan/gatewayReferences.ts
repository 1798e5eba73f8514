/** How Gateway API and GKE objects name each other: routes -> pools, policies -> targets, routes -> gateways. */
import type { ObjectView } from "../plan/kubernetesObjects";

export interface RouteMatch {
  headers?: Array<{ type?: string; name: string; value: string }>;
}

export interface RouteRule {
  matches?: RouteMatch[];
  backendRefs?: Array<{ group?: string; kind?: string; name: string }>;
  timeouts?: unknown;
}

export function routeRules(route: ObjectView): RouteRule[] {
  return route.spec.rules ?? [];
}

/** Names of the InferencePools a route sends traffic to. */
export function inferencePoolBackends(route: ObjectView): string[] {
  return routeRules(route).flatMap((rule) => (rule.backendRefs ?? []).filter((ref) => ref.kind === "InferencePool").map((ref) => ref.name));
}

/** Names of the Gateways a route attaches to (`kind` defaults to Gateway). */
export function parentGateways(route: ObjectView): string[] {
  const parents: Array<{ kind?: string; name: string }> = route.spec.parentRefs ?? [];
  return parents.filter((parent) => (parent.kind ?? "Gateway") === "Gateway").map((parent) => parent.name);
}

/** Whether a GKE policy (HealthCheckPolicy, GCPBackendPolicy) targets this object. */
export function targets(policy: ObjectView, target: ObjectView): boolean {
  const ref = policy.spec.targetRef ?? {};
  return ref.kind === target.kind && ref.name === target.name && policy.namespace === target.namespace;
}

/** A same-namespace reference resolved: Gateway API references without a namespace stay in the referrer's. */
export function findNamed(objects: readonly ObjectView[], name: string, namespace: string | undefined): ObjectView | undefined {
  return objects.find((candidate) => candidate.name === name && candidate.namespace === namespace);
}
