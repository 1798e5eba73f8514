import { beforeAll, describe, expect, it } from "vitest";
import type { PlanDocument } from "../../plan/planDocument";
import { defaultCostCeilingUsdPerHour } from "../../policies/costCeilingPolicy";
import { planShippedStack, readStackConfig, writeStackConfig } from "../support/planFixture";
import { copyResources, duplicateOf, inputsOf, named, pulumiTypes as t, resourceNamed, violationsOf } from "./policyFixtures";

let tpu: PlanDocument;
let gpu: PlanDocument;
let tpuWithSourceRanges: PlanDocument;

beforeAll(async () => {
  tpu = await planShippedStack("tpu");
  gpu = await planShippedStack("gpu");
  const { config } = readStackConfig("tpu");
  tpuWithSourceRanges = await planShippedStack("tpu", writeStackConfig({ ...config, "llmd:gateway": { sourceRanges: ["203.0.113.0/24"] } }));
});

describe("single-model-per-pool", () => {
  it("passes the TPU stack, one model per pool", () => {
    expect(violationsOf(tpu.resources, "single-model-per-pool")).toEqual([]);
  });

  it("warns about the GPU stack's unified pool, naming its models and the misroute share", () => {
    expect(violationsOf(gpu.resources, "single-model-per-pool")).toEqual([
      {
        resource: named(t.inferencePool, "pool-all-models"),
        message: expect.stringContaining("mixes 2 base models (microsoft/Phi-3-mini-4k-instruct, google/gemma-2b-it); its endpoint picker treats them as one, so about (2-1)/2 = 50% of first attempts"),
      },
    ]);
  });

  it("grows the share with the number of models", () => {
    const resources = copyResources(gpu);
    const third = duplicateOf(resourceNamed(resources, t.deployment, "vllm-gemma-2b-it"), "vllm-mistral");
    const args: string[] = (third.inputs as any).spec.template.spec.containers[0].args;
    args[args.indexOf("--served-model-name") + 1] = "mistralai/Mistral-7B-Instruct-v0.3";
    resources.push(third);
    expect(violationsOf(resources, "single-model-per-pool")[0].message).toContain("mixes 3 base models");
    expect(violationsOf(resources, "single-model-per-pool")[0].message).toContain("(3-1)/3 = 67%");
  });
});

describe("external-gateway-source-restriction", () => {
  it("warns about an external gateway whose pools admit any source", () => {
    expect(violationsOf(tpu.resources, "external-gateway-source-restriction")).toEqual([
      {
        resource: named(t.gateway, "inference-gateway"),
        message: expect.stringContaining("for InferencePool pool-qwen2-5-3b-instruct, pool-phi-3-mini-4k-instruct: no GCPBackendPolicy on them names a securityPolicy"),
      },
    ]);
  });

  it("passes once gateway.sourceRanges puts a Cloud Armor policy on every pool", () => {
    expect(violationsOf(tpuWithSourceRanges.resources, "external-gateway-source-restriction")).toEqual([]);
  });

  it("names only the pools left without a securityPolicy", () => {
    const resources = copyResources(tpuWithSourceRanges);
    delete inputsOf(resources, "kubernetes:networking.gke.io/v1:GCPBackendPolicy", "pool-qwen2-5-3b-instruct-backend").spec.default.securityPolicy;
    expect(violationsOf(resources, "external-gateway-source-restriction")).toEqual([
      { resource: named(t.gateway, "inference-gateway"), message: expect.stringContaining("for InferencePool pool-qwen2-5-3b-instruct:") },
    ]);
  });

  it("passes an internal gateway", () => {
    const resources = copyResources(gpu);
    inputsOf(resources, t.gateway, "inference-gateway").spec.gatewayClassName = "gke-l7-rilb";
    expect(violationsOf(resources, "external-gateway-source-restriction")).toEqual([]);
  });
});

describe("cost-ceiling", () => {
  it(`passes the shipped stacks under the default ceiling of $${defaultCostCeilingUsdPerHour}/hour`, () => {
    expect(violationsOf(tpu.resources, "cost-ceiling")).toEqual([]);
    expect(violationsOf(gpu.resources, "cost-ceiling")).toEqual([]);
  });

  it("warns on the cluster when the configured ceiling is lower, with the breakdown", () => {
    const [violation, ...others] = violationsOf(tpu.resources, "cost-ceiling", { costCeilingUsdPerHour: 5 });
    expect(others).toEqual([]);
    expect(violation.resource).toBe(named(t.cluster, "gke"));
    // 2 x e2-standard-4 ($0.134) + 2 x ct6e-standard-1t ($2.70) + the $0.10 GKE fee.
    expect(violation.message).toMatch(/^estimated running cost \$5\.77\/hour \(~\$4211\/month\) is above the ceiling of \$5\.00\/hour/);
    for (const part of ["tpu-v6e-1 2 x ct6e-standard-1t = $5.40", "gke-system 2 x e2-standard-4 = $0.27", "GKE management fee $0.10"]) {
      expect(violation.message).toContain(part);
    }
  });

  it("warns under the default ceiling when node counts grow", () => {
    const resources = copyResources(tpu);
    inputsOf(resources, t.nodePool, "tpu-v6e-1").nodeCount = 10;
    expect(violationsOf(resources, "cost-ceiling")).toEqual([{ resource: named(t.cluster, "gke"), message: expect.stringContaining("$27.37/hour") }]);
  });
});
