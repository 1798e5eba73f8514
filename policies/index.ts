/** The CrossGuard pack: `pulumi preview --policy-pack ./policies`. Constructing it starts the analyzer's gRPC server. */
import { PolicyPack } from "@pulumi/policy";
import { llmdStackPolicies } from "./llmdPolicies";

new PolicyPack("llmd-gke", { policies: llmdStackPolicies });
