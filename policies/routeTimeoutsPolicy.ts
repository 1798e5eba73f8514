import { objectsOfKind } from "../plan/kubernetesObjects";
import { routeRules } from "../plan/gatewayReferences";
import type { Finding, LlmdPolicy } from "./llmdPolicy";

export const routeTimeoutsPolicy: LlmdPolicy = {
  name: "no-route-timeouts",
  description: "No HTTPRoute sets rules[].timeouts: GKE rejects it (UnsupportedValue); the pool's GCPBackendPolicy timeoutSec sets the timeout instead.",
  enforcementLevel: "mandatory",
  check(resources) {
    return objectsOfKind(resources, "HTTPRoute").flatMap((route) =>
      routeRules(route).flatMap((rule, index): Finding[] =>
        rule.timeouts === undefined
          ? []
          : [{
              resource: route.resource,
              message: `HTTPRoute ${route.name} sets rules[${index}].timeouts, which GKE rejects (UnsupportedValue); set timeoutSec in the pool's GCPBackendPolicy instead`,
            }],
      ),
    );
  },
};
