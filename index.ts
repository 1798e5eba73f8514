// The Pulumi program: load and validate the stack's config, build the stack, export its outputs.
import { loadStackConfig } from "./stacks/loadConfig";
import { buildLlmdStack } from "./stacks/llmdStack";

const stack = buildLlmdStack(loadStackConfig());

export const clusterName = stack.clusterName;
export const zone = stack.zone;
export const routing = stack.routing;
export const acceleratorNodePools = stack.acceleratorNodePools;
export const warnings = stack.warnings;
