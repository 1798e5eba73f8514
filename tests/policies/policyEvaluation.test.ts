import { beforeAll, describe, expect, it } from "vitest";
import { evaluatePolicies, mandatoryFailures, renderPolicyVerdicts } from "../../plan/policyEvaluation";
import type { PlanDocument } from "../../plan/planDocument";
import { llmdStackPolicies } from "../../policies/llmdPolicies";
import { planShippedStack } from "../support/planFixture";
import { copyResources, inputsOf, named, pulumiTypes as t } from "./policyFixtures";

let gpu: PlanDocument;

beforeAll(async () => {
  gpu = await planShippedStack("gpu");
});

function brokenGpu() {
  const resources = copyResources(gpu);
  inputsOf(resources, t.httpRoute, "route-all-models").spec.rules[0].timeouts = { request: "300s" };
  return resources;
}

describe("evaluatePolicies", () => {
  it("gives one verdict per pack policy, in the pack's order", () => {
    expect(evaluatePolicies(gpu.resources).map((verdict) => [verdict.policy, verdict.enforcementLevel])).toEqual(
      llmdStackPolicies.map((policy) => [policy.name, policy.enforcementLevel]),
    );
  });

  it("marks a verdict failed exactly when it has violations", () => {
    for (const verdict of evaluatePolicies(brokenGpu())) expect(verdict.passed).toBe(verdict.violations.length === 0);
  });
});

describe("mandatoryFailures", () => {
  it("is empty for the GPU stack despite its advisory warnings", () => {
    const verdicts = evaluatePolicies(gpu.resources);
    expect(verdicts.some((verdict) => verdict.enforcementLevel === "advisory" && !verdict.passed)).toBe(true);
    expect(mandatoryFailures(verdicts)).toEqual([]);
  });

  it("lists the failed mandatory policies", () => {
    expect(mandatoryFailures(evaluatePolicies(brokenGpu())).map((verdict) => verdict.policy)).toEqual(["no-route-timeouts"]);
  });
});

describe("renderPolicyVerdicts", () => {
  const lines = () => renderPolicyVerdicts(evaluatePolicies(brokenGpu()));

  it("prints one status line per policy: PASS, FAIL for mandatory, WARN for advisory", () => {
    const statusLines = lines().filter((line) => !line.startsWith(" "));
    expect(statusLines).toHaveLength(llmdStackPolicies.length);
    expect(statusLines).toContain("PASS  inference-pool-health-check (mandatory)");
    expect(statusLines).toContain("FAIL  no-route-timeouts (mandatory)");
    expect(statusLines).toContain("WARN  single-model-per-pool (advisory)");
  });

  it("indents each violation under its policy, naming the resource", () => {
    const rendered = lines();
    const failed = rendered.indexOf("FAIL  no-route-timeouts (mandatory)");
    expect(rendered[failed + 1]).toMatch(new RegExp(`^ {6}${named(t.httpRoute, "route-all-models").replace(/[.]/g, "\\.")}: HTTPRoute route-all-models sets rules\\[0\\]\\.timeouts`));
  });
});
