// The Pulumi program: load and validate the stack's config, build the stack, export its outputs.
import { loadStackConfig } from "./stacks/loadConfig";
import { buildLlmdStack } from "./stacks/llmdStack";

const stack = buildLlmdStack(loadStackConfig());

export const clusterName = stack.clusterName;
export const gatewayAddress = stack.gatewayAddress;
export const gatewayUrl = stack.gatewayUrl;
export const models = stack.models;
export const acceleratorNodePools = stack.acceleratorNodePools;
export const cost = stack.cost;
export const warnings = stack.warnings;
