/** Output values a real provider would compute, invented for the offline plan (documentation ranges only). */
import type * as pulumi from "@pulumi/pulumi";

const computed: Record<string, (name: string) => Record<string, unknown>> = {
  "gcp:container/cluster:Cluster": (name) => ({
    endpoint: "203.0.113.10",
    masterAuth: { clusterCaCertificate: Buffer.from(`fake CA of ${name}`).toString("base64") },
  }),
  "gcp:compute/address:Address": () => ({ address: "203.0.113.20" }),
};

export const fakeCloud: pulumi.runtime.Mocks = {
  newResource: ({ type, name, inputs }) => ({
    id: `${name}-id`,
    state: { name, ...inputs, ...(computed[type]?.(name) ?? {}) },
  }),
  call: () => ({}),
};
