import { objectsOfKind } from "../plan/kubernetesObjects";
import { findNamed } from "../plan/gatewayReferences";
import type { Finding, LlmdPolicy } from "./llmdPolicy";

/** What GKE needs on the body-based router's Service port to speak gRPC to it. */
const requiredAppProtocol = "HTTP2";

interface ExtensionBackend {
  kind?: string;
  name: string;
  port: number;
}

export const bodyRouterServicePolicy: LlmdPolicy = {
  name: "bbr-service-http2",
  description: `The Service port a GCPRoutingExtension sends requests to (the body-based router) has appProtocol ${requiredAppProtocol}; without it the Gateway stays PROGRAMMED=False.`,
  enforcementLevel: "mandatory",
  check(resources) {
    const services = objectsOfKind(resources, "Service");
    return objectsOfKind(resources, "GCPRoutingExtension").flatMap((extension) => {
      const chains: Array<{ extensions?: Array<{ backendRef?: ExtensionBackend }> }> = extension.spec.extensionChains ?? [];
      const backends = chains.flatMap((chain) => (chain.extensions ?? []).map((entry) => entry.backendRef)).filter((ref): ref is ExtensionBackend => !!ref);
      return backends
        .filter((ref) => (ref.kind ?? "Service") === "Service")
        .flatMap((ref): Finding[] => {
          const service = findNamed(services, ref.name, extension.namespace);
          if (!service) {
            return [{ resource: extension.resource, message: `GCPRoutingExtension ${extension.name} sends requests to Service ${ref.name}, which does not exist` }];
          }
          const port = (service.spec.ports ?? []).find((candidate: { port: number }) => candidate.port === ref.port);
          if (port?.appProtocol === requiredAppProtocol) return [];
          const found = port ? `has appProtocol ${port.appProtocol ?? "(unset)"}` : "does not exist";
          return [{
            resource: service.resource,
            message: `port ${ref.port} of Service ${service.name} (the GCPRoutingExtension ${extension.name} backend) ${found}; set appProtocol: ${requiredAppProtocol}`,
          }];
        });
    });
  },
};
