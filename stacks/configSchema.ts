/**
 * The shape of a stack's config (keys in the project's namespace plus `gcp:project`/`gcp:region`),
 * as a zod schema. Cross-field rules (zones, duplicates, slugs) live in validateConfig.ts.
 * Plain keys get their defaults from Pulumi.yaml; `models` and `gateway` entries default here.
 */
import { z } from "zod";
import { acceleratorProfileNames } from "./hardware";

/** Secret keys, read on their own with getSecret and never through the plain config object. */
export const secretConfigKeys = ["hfToken"];

export const routingModes = ["bbr", "unified"] as const;
export const releaseChannels = ["RAPID", "REGULAR", "STABLE"] as const;

/** vLLM args the program derives itself; a model's `args` may not set them. */
export const managedVllmArgs = [
  "--model",
  "--served-model-name",
  "--port",
  "--host",
  "--tensor-parallel-size",
  "--max-model-len",
  "--gpu-memory-utilization",
];

const positiveInteger = z.number({ error: "must be a number" }).int({ error: "must be a whole number" });

export const modelConfigSchema = z.strictObject({
  name: z.string({ error: "required: the Hugging Face model id clients send as \"model\"" }).trim().min(1, {
    error: "must not be empty",
  }),
  id: z.string({ error: "must be a string" }).optional(),
  accelerator: z.string({ error: "must be a string" }).optional(),
  replicas: positiveInteger.min(0, { error: "must be 0 or more" }).default(1),
  maxModelLen: positiveInteger.min(1, { error: "must be a positive whole number" }).optional(),
  gpuMemoryUtilization: z
    .number({ error: "must be a number" })
    .gt(0, { error: "must be in (0, 1]" })
    .lte(1, { error: "must be in (0, 1]" })
    .optional(),
  args: z.array(z.string({ error: "must be a string" }), { error: "must be a list of strings" }).default([]),
});

export const gatewayConfigSchema = z.strictObject({
  internal: z.boolean({ error: "must be true or false" }).default(false),
  class: z.string({ error: "must be a string" }).optional(),
  sourceRanges: z
    .array(
      z.string().regex(/^(\d{1,3}\.){3}\d{1,3}\/\d{1,2}$/, { error: "must be an IPv4 CIDR such as 203.0.113.0/24" }),
      { error: "must be a list of CIDRs" },
    )
    .default([]),
});

const oneOf = (values: readonly string[]) => ({ error: `must be one of: ${values.join(", ")}` });

export const stackConfigSchema = z.strictObject({
  "gcp:project": z.string({ error: "required: run `pulumi config set gcp:project <project-id>`" }).min(1),
  "gcp:region": z.string({ error: "must be a string" }).optional(),
  zone: z.string({ error: "required: a zone such as europe-west4-a" }).regex(/^[a-z]+-[a-z]+[0-9]+-[a-z]$/, {
    error: "must be a zone such as europe-west4-a",
  }),
  routing: z.enum(routingModes, oneOf(routingModes)),
  accelerator: z.string({ error: `must be one of: ${acceleratorProfileNames.join(", ")}` }),
  namespace: z.string({ error: "must be a string" }).regex(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/, {
    error: "must be a DNS-1123 label (lower-case letters, digits, '-')",
  }),
  scaleToZero: z.boolean({ error: "must be true or false" }),
  spot: z.boolean({ error: "must be true or false" }),
  deletionProtection: z.boolean({ error: "must be true or false" }),
  installInferenceCrds: z.boolean({ error: "must be true or false" }),
  releaseChannel: z.enum(releaseChannels, oneOf(releaseChannels)),
  gateway: gatewayConfigSchema.default({ internal: false, sourceRanges: [] }),
  models: z
    .array(modelConfigSchema, { error: "required: a list of models, each with at least a `name`" })
    .min(1, { error: "needs at least one model" }),
});

export type RawStackConfig = z.input<typeof stackConfigSchema>;
export type ParsedStackConfig = z.output<typeof stackConfigSchema>;
export type RoutingMode = (typeof routingModes)[number];
