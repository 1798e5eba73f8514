/** Address ranges of the stack's VPC. One stack per VPC, so fixed ranges are enough. */
export const networkRanges = {
  /** Primary range of the cluster subnet (nodes). */
  nodes: "10.0.0.0/20",
  /** Secondary range for pod IPs (VPC-native). */
  pods: "10.16.0.0/14",
  /** Secondary range for Service IPs (VPC-native). */
  services: "10.20.0.0/20",
  /** Proxy-only subnet for the regional Envoy-based load balancers behind the Gateway. */
  proxyOnly: "10.129.0.0/23",
} as const;

export const secondaryRangeNames = { pods: "pods", services: "services" } as const;
