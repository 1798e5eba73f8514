import * as fs from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { evaluatePolicies, mandatoryFailures } from "../../plan/policyEvaluation";
import type { PlanDocument } from "../../plan/planDocument";
import { llmdPolicies } from "../../policies/llmdPolicies";
import { planShippedStack, projectDir } from "../support/planFixture";
import { copyResources, duplicateOf, inputsOf, named, pulumiTypes as t, resourceNamed, violationsOf, without } from "./policyFixtures";

const shippedStacks = fs.readdirSync(projectDir).flatMap((file) => /^Pulumi\.(.+)\.yaml$/.exec(file)?.[1] ?? []);
const plans = new Map<string, PlanDocument>();
let tpu: PlanDocument;
let gpu: PlanDocument;

beforeAll(async () => {
  for (const stack of shippedStacks) plans.set(stack, await planShippedStack(stack));
  tpu = plans.get("tpu") as PlanDocument;
  gpu = plans.get("gpu") as PlanDocument;
});

const qwenPool = "pool-qwen2-5-3b-instruct";
const qwenServer = "vllm-qwen2-5-3b-instruct";
const qwenRoute = "route-qwen2-5-3b-instruct";
const mandatory = llmdPolicies.filter((policy) => policy.enforcementLevel === "mandatory").map((policy) => policy.name);

describe("the shipped stacks", () => {
  it("include the TPU and GPU patterns", () => {
    expect(shippedStacks).toEqual(expect.arrayContaining(["tpu", "gpu"]));
  });

  it.each(shippedStacks)("%s passes every mandatory policy", (stack) => {
    expect(mandatoryFailures(evaluatePolicies((plans.get(stack) as PlanDocument).resources))).toEqual([]);
  });

  it.each(mandatory)("%s has no violation on the TPU or GPU stack", (policy) => {
    expect(violationsOf(tpu.resources, policy)).toEqual([]);
    expect(violationsOf(gpu.resources, policy)).toEqual([]);
  });
});

describe("inference-pool-health-check", () => {
  it("fails a health check that probes / instead of /health", () => {
    const resources = copyResources(tpu);
    inputsOf(resources, t.healthCheckPolicy, `${qwenPool}-health`).spec.default.config.httpHealthCheck.requestPath = "/";
    expect(violationsOf(resources, "inference-pool-health-check")).toEqual([
      { resource: named(t.healthCheckPolicy, `${qwenPool}-health`), message: expect.stringMatching(/probes HTTP \/ on port 8000; .* needs HTTP \/health on port 8000/) },
    ]);
  });

  it("fails a health check on another port than the pool's target port", () => {
    const resources = copyResources(tpu);
    inputsOf(resources, t.healthCheckPolicy, `${qwenPool}-health`).spec.default.config.httpHealthCheck.port = 9090;
    expect(violationsOf(resources, "inference-pool-health-check")).toEqual([
      { resource: named(t.healthCheckPolicy, `${qwenPool}-health`), message: expect.stringContaining("on port 9090") },
    ]);
  });

  it("fails a pool no health check targets", () => {
    const resources = without(copyResources(tpu), t.healthCheckPolicy, `${qwenPool}-health`);
    expect(violationsOf(resources, "inference-pool-health-check")).toEqual([
      { resource: named(t.inferencePool, qwenPool), message: `no HealthCheckPolicy targets InferencePool ${qwenPool}; add one probing HTTP /health on port 8000` },
    ]);
  });
});

describe("route-backends-exist", () => {
  it("fails a route to a pool that does not exist", () => {
    const resources = copyResources(tpu);
    inputsOf(resources, t.httpRoute, qwenRoute).spec.rules[0].backendRefs[0].name = "pool-missing";
    expect(violationsOf(resources, "route-backends-exist")).toEqual([
      { resource: named(t.httpRoute, qwenRoute), message: `HTTPRoute ${qwenRoute} sends traffic to InferencePool pool-missing, which does not exist` },
    ]);
  });

  it("fails a pool whose endpoint picker Service is missing", () => {
    const resources = without(copyResources(tpu), t.service, `${qwenPool}-epp`);
    expect(violationsOf(resources, "route-backends-exist")).toEqual([
      { resource: named(t.inferencePool, qwenPool), message: expect.stringContaining(`endpoint picker Service ${qwenPool}-epp, which does not exist`) },
    ]);
  });

  it("fails a pool that names a port its endpoint picker Service does not expose", () => {
    const resources = copyResources(gpu);
    inputsOf(resources, t.inferencePool, "pool-all-models").spec.endpointPickerRef.port.number = 9999;
    expect(violationsOf(resources, "route-backends-exist")).toEqual([
      { resource: named(t.inferencePool, "pool-all-models"), message: expect.stringMatching(/port 9999 .* exposes only 9002, 9090/) },
    ]);
  });
});

describe("valid-label-values", () => {
  it("fails a pod template label holding a model name with '/'", () => {
    const resources = copyResources(tpu);
    inputsOf(resources, t.deployment, qwenServer).spec.template.metadata.labels["llm-d.ai/model"] = "Qwen/Qwen2.5-3B-Instruct";
    expect(violationsOf(resources, "valid-label-values")).toEqual([
      { resource: named(t.deployment, qwenServer), message: expect.stringMatching(/^spec\.template\.metadata\.labels\["llm-d\.ai\/model"\] = "Qwen\/Qwen2\.5-3B-Instruct" contains '\/'/) },
    ]);
  });

  it("fails an InferencePool selector value that is too long", () => {
    const resources = copyResources(tpu);
    inputsOf(resources, t.inferencePool, qwenPool).spec.selector.matchLabels["llm-d.ai/model"] = "q".repeat(64);
    expect(violationsOf(resources, "valid-label-values")).toEqual([
      { resource: named(t.inferencePool, qwenPool), message: expect.stringContaining("is 64 characters long; at most 63") },
    ]);
  });

  it("checks Service selectors, nodeSelectors and node pool labels", () => {
    const resources = copyResources(gpu);
    inputsOf(resources, t.service, "pool-all-models-epp").spec.selector["app.kubernetes.io/name"] = "-epp";
    inputsOf(resources, t.deployment, "vllm-gemma-2b-it").spec.template.spec.nodeSelector["llm-d.ai/accelerator-profile"] = "nvidia/t4";
    inputsOf(resources, t.nodePool, "nvidia-t4").nodeConfig.labels["llm-d.ai/accelerator-profile"] = "nvidia/t4";
    expect(new Set(violationsOf(resources, "valid-label-values").map((violation) => violation.resource))).toEqual(
      new Set([named(t.service, "pool-all-models-epp"), named(t.deployment, "vllm-gemma-2b-it"), named(t.nodePool, "nvidia-t4")]),
    );
  });
});

describe("bbr-service-http2", () => {
  it("fails the body-based router Service port without appProtocol HTTP2", () => {
    const resources = copyResources(tpu);
    delete inputsOf(resources, t.service, "body-based-router").spec.ports[0].appProtocol;
    expect(violationsOf(resources, "bbr-service-http2")).toEqual([
      { resource: named(t.service, "body-based-router"), message: expect.stringMatching(/port 9004 .* has appProtocol \(unset\); set appProtocol: HTTP2/) },
    ]);
  });

  it("fails a routing extension whose Service does not exist", () => {
    const resources = without(copyResources(tpu), t.service, "body-based-router");
    expect(violationsOf(resources, "bbr-service-http2")).toEqual([
      { resource: named("kubernetes:networking.gke.io/v1:GCPRoutingExtension", "body-based-router"), message: expect.stringContaining("which does not exist") },
    ]);
  });
});

describe("no-route-timeouts", () => {
  it("fails a route that sets timeouts", () => {
    const resources = copyResources(gpu);
    inputsOf(resources, t.httpRoute, "route-all-models").spec.rules[0].timeouts = { request: "300s" };
    expect(violationsOf(resources, "no-route-timeouts")).toEqual([
      { resource: named(t.httpRoute, "route-all-models"), message: expect.stringContaining("sets rules[0].timeouts, which GKE rejects") },
    ]);
  });
});

describe("no-literal-secrets-in-env", () => {
  const vllmEnv = (resources: ReturnType<typeof copyResources>) => inputsOf(resources, t.deployment, "vllm-gemma-2b-it").spec.template.spec.containers[0].env;

  it("fails a literal HF_TOKEN without repeating the token", () => {
    const resources = copyResources(gpu);
    vllmEnv(resources).push({ name: "HF_TOKEN", value: "hf_literal_token" });
    const violations = violationsOf(resources, "no-literal-secrets-in-env");
    expect(violations).toEqual([{ resource: named(t.deployment, "vllm-gemma-2b-it"), message: expect.stringContaining("sets HF_TOKEN to a literal value") }]);
    expect(violations[0].message).not.toContain("hf_literal_token");
  });

  it("passes a token taken from a Secret", () => {
    const resources = copyResources(gpu);
    vllmEnv(resources).push({ name: "HF_TOKEN", valueFrom: { secretKeyRef: { name: "hf-token", key: "token" } } });
    expect(violationsOf(resources, "no-literal-secrets-in-env")).toEqual([]);
  });
});

describe("accelerator-fits-node-pool", () => {
  const resourcesOf = (resources: ReturnType<typeof copyResources>, name: string) =>
    inputsOf(resources, t.deployment, name).spec.template.spec.containers[0].resources;

  it("fails a TPU request on the GPU stack's node pools", () => {
    const resources = copyResources(gpu);
    const requested = resourcesOf(resources, "vllm-gemma-2b-it");
    delete requested.requests["nvidia.com/gpu"];
    delete requested.limits["nvidia.com/gpu"];
    requested.requests["google.com/tpu"] = "1";
    requested.limits["google.com/tpu"] = "1";
    expect(violationsOf(resources, "accelerator-fits-node-pool")).toEqual([
      { resource: named(t.deployment, "vllm-gemma-2b-it"), message: expect.stringMatching(/requests 1 google\.com\/tpu per pod, but the node pools it selects offer nvidia-t4: 1 nvidia\.com\/gpu per node/) },
    ]);
  });

  it("fails more TPU chips than a node of the selected pool has", () => {
    const resources = copyResources(tpu);
    const requested = resourcesOf(resources, qwenServer);
    requested.requests["google.com/tpu"] = "4";
    requested.limits["google.com/tpu"] = "4";
    expect(violationsOf(resources, "accelerator-fits-node-pool")).toEqual([
      { resource: named(t.deployment, qwenServer), message: expect.stringContaining("requests 4 google.com/tpu per pod, but the node pools it selects offer tpu-v6e-1: 1 google.com/tpu per node") },
    ]);
  });

  it("fails a nodeSelector no node pool matches", () => {
    const resources = copyResources(tpu);
    inputsOf(resources, t.deployment, qwenServer).spec.template.spec.nodeSelector["cloud.google.com/gke-tpu-topology"] = "2x2";
    expect(violationsOf(resources, "accelerator-fits-node-pool")).toEqual([
      { resource: named(t.deployment, qwenServer), message: expect.stringContaining("no node pool matches its nodeSelector") },
    ]);
  });
});

describe("one-route-per-model", () => {
  it("fails a second route for the same model, naming both routes", () => {
    const resources = copyResources(tpu);
    resources.push(duplicateOf(resourceNamed(resources, t.httpRoute, qwenRoute), "route-qwen-again"));
    expect(violationsOf(resources, "one-route-per-model")).toEqual([
      { resource: named(t.httpRoute, qwenRoute), message: expect.stringContaining(`matched by 2 HTTPRoutes (${qwenRoute}, route-qwen-again)`) },
      { resource: named(t.httpRoute, "route-qwen-again"), message: expect.stringContaining(`matched by 2 HTTPRoutes (${qwenRoute}, route-qwen-again)`) },
    ]);
  });

  it("fails a model whose BBR ConfigMap is missing", () => {
    const resources = without(copyResources(tpu), t.configMap, "bbr-model-phi-3-mini-4k-instruct");
    expect(violationsOf(resources, "one-route-per-model")).toEqual([
      { resource: named(t.deployment, "vllm-phi-3-mini-4k-instruct"), message: expect.stringContaining("has baseModel microsoft/Phi-3-mini-4k-instruct, so the router sends it with an empty") },
    ]);
  });

  it("fails a model no route header names", () => {
    const resources = copyResources(tpu);
    inputsOf(resources, t.httpRoute, qwenRoute).spec.rules[0].matches[0].headers[0].value = "qwen2-5-3b-instruct";
    expect(violationsOf(resources, "one-route-per-model")).toEqual([
      { resource: named(t.deployment, qwenServer), message: "no HTTPRoute matches X-Gateway-Base-Model-Name: Qwen/Qwen2.5-3B-Instruct, so requests for it reach no server" },
    ]);
  });
});
