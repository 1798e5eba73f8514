// Mock-runtime tests of the serving and routing objects of both patterns.
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { argValue, containersOf, objectsOfKind, type ObjectView } from "../plan/kubernetesObjects";
import type { PlanDocument } from "../plan/planDocument";
import { renderPlanText } from "../plan/renderText";
import { writePlanFiles } from "../plan/writeManifests";
import { planShippedStack, readStackConfig, writeStackConfig } from "./support/planFixture";

const tpuModels = ["Qwen/Qwen2.5-3B-Instruct", "microsoft/Phi-3-mini-4k-instruct"];
const gpuModels = ["microsoft/Phi-3-mini-4k-instruct", "google/gemma-2b-it"];

function modelServers(plan: PlanDocument): ObjectView[] {
  return objectsOfKind(plan.resources, "Deployment").filter((deployment) => deployment.name.startsWith("vllm-"));
}
const vllm = (deployment: ObjectView) => containersOf(deployment)[0];
const served = (deployment: ObjectView) => argValue(vllm(deployment).args, "--served-model-name");

describe("tpu stack (routing bbr)", () => {
  let plan: PlanDocument;
  beforeAll(async () => {
    plan = await planShippedStack("tpu");
  });

  it("runs one TPU model server per model, served under the model's name", () => {
    const servers = modelServers(plan);
    expect(servers.map(served).sort()).toEqual([...tpuModels].sort());
    for (const server of servers) {
      const pod = server.spec.template.spec;
      expect(vllm(server).resources.requests["google.com/tpu"]).toBe("1");
      expect(vllm(server).resources.limits["google.com/tpu"]).toBe("1");
      expect(pod.nodeSelector).toMatchObject({ "cloud.google.com/gke-tpu-accelerator": "tpu-v6e-slice", "cloud.google.com/gke-tpu-topology": "1x1" });
      expect(pod.tolerations).toContainEqual({ key: "google.com/tpu", operator: "Exists", effect: "NoSchedule" });
      expect(argValue(vllm(server).args, "--tensor-parallel-size")).toBe("1");
      expect(argValue(vllm(server).args, "--port")).toBe("8000");
      expect(vllm(server).env).toContainEqual(expect.objectContaining({ name: "VLLM_XLA_CACHE_PATH" }));
      expect(vllm(server).args).toContain("--enable-prefix-caching");
      for (const probe of ["startupProbe", "readinessProbe", "livenessProbe"]) {
        expect((vllm(server) as any)[probe].httpGet).toEqual({ path: "/health", port: 8000 });
      }
      const startup = (vllm(server) as any).startupProbe;
      expect(startup.periodSeconds * startup.failureThreshold).toBeGreaterThanOrEqual(1800);
      expect(pod.volumes).toContainEqual({ name: "dshm", emptyDir: { medium: "Memory" } });
    }
  });

  it("gives each model its own pool, endpoint picker, route, health check and base-model ConfigMap", () => {
    const pools = objectsOfKind(plan.resources, "InferencePool");
    const routes = objectsOfKind(plan.resources, "HTTPRoute");
    const pickers = objectsOfKind(plan.resources, "Deployment").filter((deployment) => deployment.name.endsWith("-epp"));
    const healthChecks = objectsOfKind(plan.resources, "HealthCheckPolicy").filter((policy) => policy.spec.targetRef.kind === "InferencePool");
    const baseModels = objectsOfKind(plan.resources, "ConfigMap").filter((map) => map.labels["inference.networking.k8s.io/bbr-managed"] === "true");
    expect([pools, routes, pickers, healthChecks, baseModels].map((objects) => objects.length)).toEqual([2, 2, 2, 2, 2]);

    for (const model of tpuModels) {
      const server = modelServers(plan).find((deployment) => served(deployment) === model)!;
      const podLabels = server.spec.template.metadata.labels;
      const route = routes.find((candidate) => candidate.spec.rules[0].matches[0].headers?.[0]?.value === model)!;
      expect(route.spec.rules[0].matches[0].headers).toEqual([{ type: "Exact", name: "X-Gateway-Base-Model-Name", value: model }]);
      expect(route.spec.rules[0].timeouts).toBeUndefined();
      const poolName = route.spec.rules[0].backendRefs[0].name;
      const pool = pools.find((candidate) => candidate.name === poolName)!;
      // The pool selects this model's pods and no other model's.
      const selects = (labels: Record<string, string>) =>
        Object.entries(pool.spec.selector.matchLabels).every(([key, value]) => labels[key] === value);
      expect(selects(podLabels)).toBe(true);
      for (const other of modelServers(plan).filter((deployment) => deployment.name !== server.name)) {
        expect(selects(other.spec.template.metadata.labels)).toBe(false);
      }
      const picker = pickers.filter((deployment) => argValue(containersOf(deployment)[0].args, "--pool-name") === poolName);
      expect(picker).toHaveLength(1);
      expect(pool.spec.endpointPickerRef).toMatchObject({ name: picker[0].name, port: { number: 9002 } });
      const health = healthChecks.find((policy) => policy.spec.targetRef.name === poolName)!;
      expect(health.spec.default.config).toMatchObject({
        type: "HTTP",
        httpHealthCheck: { requestPath: "/health", port: pool.spec.targetPorts[0].number },
      });
      expect(baseModels.filter((map) => map.data.baseModel === model)).toHaveLength(1);
    }
  });

  it("creates each pool after its health check and backend policy exist", () => {
    for (const pool of objectsOfKind(plan.resources, "InferencePool")) {
      expect(pool.resource.dependsOn).toEqual(expect.arrayContaining([`${pool.name}-health`, `${pool.name}-backend`]));
      expect(pool.resource.options.replaceOnChanges?.[0]).toContain("health-check-digest");
    }
  });

  it("has one body-based router with an HTTP2 Service, hooked to the Gateway", () => {
    const service = objectsOfKind(plan.resources, "Service").find((candidate) => candidate.name === "body-based-router")!;
    expect(service.spec.ports).toEqual([expect.objectContaining({ port: 9004, appProtocol: "HTTP2" })]);
    const extensions = objectsOfKind(plan.resources, "GCPRoutingExtension");
    expect(extensions).toHaveLength(1);
    const gateway = objectsOfKind(plan.resources, "Gateway")[0];
    expect(extensions[0].spec.targetRefs).toEqual([{ group: "gateway.networking.k8s.io", kind: "Gateway", name: gateway.name }]);
    expect(extensions[0].spec.extensionChains[0].extensions[0].backendRef).toMatchObject({ kind: "Service", name: service.name, port: 9004 });
    const health = objectsOfKind(plan.resources, "HealthCheckPolicy").find((policy) => policy.spec.targetRef.kind === "Service")!;
    expect(health.spec.default.config).toEqual({ type: "GRPC", grpcHealthCheck: { portSpecification: "USE_FIXED_PORT", port: 9005 } });
  });

  it("reserves a regional address and names it in the Gateway", () => {
    const address = plan.resources.find((resource) => resource.type === "gcp:compute/address:Address")!;
    expect(address.inputs).toMatchObject({ region: "europe-west4", addressType: "EXTERNAL" });
    const gateway = objectsOfKind(plan.resources, "Gateway")[0];
    expect(gateway.spec.gatewayClassName).toBe("gke-l7-regional-external-managed");
    expect(gateway.spec.addresses).toEqual([{ type: "NamedAddress", value: address.name }]);
  });

  it("exports the gateway URL and a ready curl per model", () => {
    expect(plan.outputs.gatewayUrl).toBe("http://203.0.113.20");
    const models = plan.outputs.models as Array<{ name: string; slug: string; pool: string; route: string; curl: string }>;
    expect(models.map((model) => model.name)).toEqual(tpuModels);
    for (const model of models) {
      expect(model.curl).toContain("http://203.0.113.20/v1/completions");
      expect(model.curl).toContain(`"model":"${model.name}"`);
      expect(model.pool).toBe(`pool-${model.slug}`);
    }
    expect(plan.warnings).toEqual([]);
  });
});

describe("gpu stack (routing unified)", () => {
  let plan: PlanDocument;
  beforeAll(async () => {
    plan = await planShippedStack("gpu");
  });

  it("runs T4 servers with half precision and the configured memory share", () => {
    const servers = modelServers(plan);
    expect(servers.map(served).sort()).toEqual([...gpuModels].sort());
    for (const server of servers) {
      expect(vllm(server).resources.requests["nvidia.com/gpu"]).toBe("1");
      expect(vllm(server).args).toContain("--dtype=half");
      expect(argValue(vllm(server).args, "--gpu-memory-utilization")).toBe("0.85");
      expect(argValue(vllm(server).args, "--max-model-len")).toBe("2048");
      expect(server.spec.template.spec.tolerations).toContainEqual({ key: "nvidia.com/gpu", operator: "Exists", effect: "NoSchedule" });
      expect(server.spec.template.spec.nodeSelector["cloud.google.com/gke-accelerator"]).toBe("nvidia-tesla-t4");
    }
  });

  it("has one pool over every model server, one endpoint picker, one route and no router", () => {
    expect(objectsOfKind(plan.resources, "InferencePool")).toHaveLength(1);
    expect(objectsOfKind(plan.resources, "HTTPRoute")).toHaveLength(1);
    expect(objectsOfKind(plan.resources, "Deployment").filter((deployment) => deployment.name.endsWith("-epp"))).toHaveLength(1);
    expect(objectsOfKind(plan.resources, "GCPRoutingExtension")).toHaveLength(0);
    const pool = objectsOfKind(plan.resources, "InferencePool")[0];
    expect(pool.spec.selector.matchLabels).toEqual({ "llm-d.ai/inference-serving": "true" });
  });

  it("warns, in the plan output, that first attempts reach the other model half the time", () => {
    const mixed = plan.warnings.find((warning) => warning.startsWith("routing unified"));
    expect(mixed).toBeDefined();
    for (const model of gpuModels) expect(mixed).toContain(model);
    expect(mixed).toContain("about (2-1)/2 = 50% of first attempts");
    expect(mixed).toContain("pulumi config set routing bbr");
    expect(renderPlanText(plan)).toContain(mixed);
  });
});

describe("labels and secrets", () => {
  const labelValue = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;

  /** Every label value anywhere: metadata labels, pod template labels, selectors, node selectors, node pool labels. */
  function labelValues(plan: PlanDocument): string[] {
    const values: string[] = [];
    const visit = (node: unknown, key?: string) => {
      if (Array.isArray(node)) node.forEach((item) => visit(item));
      else if (node && typeof node === "object") {
        for (const [childKey, child] of Object.entries(node)) {
          if (["labels", "matchLabels", "nodeSelector"].includes(childKey) && child && typeof child === "object") {
            values.push(...Object.values(child as Record<string, string>).map(String));
          } else visit(child, childKey);
        }
      }
      return key;
    };
    plan.resources.forEach((resource) => visit(resource.inputs));
    return values;
  }

  it.each(["tpu", "gpu"])("%s: no label value contains '/' or is otherwise invalid", async (stack) => {
    const values = labelValues(await planShippedStack(stack));
    expect(values.length).toBeGreaterThan(10);
    for (const value of values) {
      expect(value).not.toContain("/");
      expect(value.length).toBeLessThanOrEqual(63);
      expect(value).toMatch(labelValue);
    }
  });

  it("keeps the Hugging Face token out of plan.json, manifests and output, and mounts it by reference", async () => {
    const token = "hf_ThisMustNeverBePrinted42";
    const { config } = readStackConfig("gpu");
    const plan = await planShippedStack("gpu", writeStackConfig({ ...config, "llmd:hfToken": token }));
    const out = fs.mkdtempSync(path.join(os.tmpdir(), "plan-secret-"));
    writePlanFiles(plan, out);
    const written = [path.join(out, "plan.json"), ...fs.readdirSync(path.join(out, "manifests")).map((file) => path.join(out, "manifests", file))];
    for (const file of written) expect(fs.readFileSync(file, "utf8")).not.toContain(token);
    expect(renderPlanText(plan)).not.toContain(token);
    expect(JSON.stringify(plan.outputs)).not.toContain(token);

    const secret = objectsOfKind(plan.resources, "Secret")[0];
    expect(["[secret]", { token: "[secret]" }]).toContainEqual(secret.resource.inputs.stringData);
    for (const server of modelServers(plan)) {
      expect(vllm(server).env).toContainEqual({ name: "HF_TOKEN", valueFrom: { secretKeyRef: { name: secret.name, key: "token" } } });
    }
    expect(plan.warnings.some((warning) => warning.includes("gated"))).toBe(false);
  });

  it("warns about gated models when no token is set", async () => {
    const plan = await planShippedStack("gpu");
    expect(plan.warnings.find((warning) => warning.includes("gated"))).toContain("google/gemma-2b-it");
    expect(objectsOfKind(plan.resources, "Secret")).toHaveLength(0);
  });
});
