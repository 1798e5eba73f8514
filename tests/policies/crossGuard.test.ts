import type { PolicyResource, StackValidationArgs, StackValidationPolicy } from "@pulumi/policy";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { evaluatePolicies } from "../../plan/policyEvaluation";
import type { PlanDocument } from "../../plan/planDocument";
import type { PlannedResource } from "../../plan/plannedResource";
import { llmdStackPolicies } from "../../policies/llmdPolicies";
import { planShippedStack } from "../support/planFixture";
import { copyResources, inputsOf, pulumiTypes as t, resourceNamed } from "./policyFixtures";

let tpu: PlanDocument;

beforeAll(async () => {
  tpu = await planShippedStack("tpu");
});

/** What the CrossGuard runtime passes a stack policy, built from planned resources. */
function stackArgs(resources: readonly PlannedResource[], config: Record<string, unknown> = {}): StackValidationArgs {
  const policyResources = resources.map(
    (resource) =>
      ({
        type: resource.type,
        name: resource.name,
        urn: resource.urn,
        props: resource.inputs,
        opts: { protect: false, ignoreChanges: [], aliases: [], additionalSecretOutputs: [], customTimeouts: { createSeconds: 0, updateSeconds: 0, deleteSeconds: 0 } },
        dependencies: [],
        propertyDependencies: {},
        isType: () => false,
        asType: () => undefined,
      }) as PolicyResource,
  );
  return {
    resources: policyResources,
    stackTags: new Map(),
    getConfig: <T extends object>() => config as T,
    notApplicable: (reason?: string): never => {
      throw new Error(`not applicable: ${reason}`);
    },
  };
}

function policyNamed(name: string): StackValidationPolicy {
  const policy = llmdStackPolicies.find((candidate) => candidate.name === name);
  if (!policy) throw new Error(`no policy ${name}`);
  return policy;
}

async function reported(name: string, resources: readonly PlannedResource[], config?: Record<string, unknown>) {
  const reportViolation = vi.fn();
  await policyNamed(name).validateStack(stackArgs(resources, config), reportViolation);
  return reportViolation.mock.calls;
}

describe("the CrossGuard stack policies", () => {
  it("keep their stable names and enforcement levels", () => {
    expect(Object.fromEntries(llmdStackPolicies.map((policy) => [policy.name, policy.enforcementLevel]))).toEqual({
      "inference-pool-health-check": "mandatory",
      "route-backends-exist": "mandatory",
      "valid-label-values": "mandatory",
      "bbr-service-http2": "mandatory",
      "no-route-timeouts": "mandatory",
      "no-literal-secrets-in-env": "mandatory",
      "accelerator-fits-node-pool": "mandatory",
      "one-route-per-model": "mandatory",
      "single-model-per-pool": "advisory",
      "external-gateway-source-restriction": "advisory",
      "cost-ceiling": "advisory",
    });
  });

  it("report nothing mandatory on the shipped TPU stack", async () => {
    for (const policy of llmdStackPolicies.filter((candidate) => candidate.enforcementLevel === "mandatory")) {
      expect(await reported(policy.name, tpu.resources), policy.name).toEqual([]);
    }
  });

  it("report a broken health check against the HealthCheckPolicy's URN", async () => {
    const resources = copyResources(tpu);
    inputsOf(resources, t.healthCheckPolicy, "pool-qwen2-5-3b-instruct-health").spec.default.config.httpHealthCheck.requestPath = "/";
    const urn = resourceNamed(resources, t.healthCheckPolicy, "pool-qwen2-5-3b-instruct-health").urn;
    expect(await reported("inference-pool-health-check", resources)).toEqual([[expect.stringContaining("needs HTTP /health on port 8000"), urn]]);
  });

  it("report the same messages as the offline verdicts", async () => {
    const resources = copyResources(tpu);
    inputsOf(resources, t.httpRoute, "route-qwen2-5-3b-instruct").spec.rules[0].timeouts = { request: "300s" };
    const verdict = evaluatePolicies(resources).find((candidate) => candidate.policy === "no-route-timeouts");
    const calls = await reported("no-route-timeouts", resources);
    expect(calls.map(([message]) => message)).toEqual(verdict?.violations.map((violation) => violation.message));
    expect(calls).toHaveLength(1);
  });

  it("read the cost ceiling from the pack config, defaulting to $25/hour", async () => {
    expect(await reported("cost-ceiling", tpu.resources)).toEqual([]);
    expect(await reported("cost-ceiling", tpu.resources, { costCeilingUsdPerHour: 2 })).toEqual([
      [expect.stringContaining("above the ceiling of $2.00/hour"), resourceNamed(tpu.resources, t.cluster, "gke").urn],
    ]);
    expect(policyNamed("cost-ceiling").configSchema?.properties.costCeilingUsdPerHour).toMatchObject({ type: "number", default: 25 });
  });
});
