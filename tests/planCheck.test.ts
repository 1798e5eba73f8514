// `npm run plan -- --check <plan.json>`: the policy pack over a saved plan someone edited by hand.
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { PlanDocument } from "../plan/planDocument";
import { planShippedStack, projectDir } from "./support/planFixture";

type Edit = (resources: Array<{ type: string; name: string; inputs: any }>) => void;

const byKind = (resources: Parameters<Edit>[0], kind: string, name?: string) =>
  resources.filter((resource) => resource.inputs.kind === kind && (name === undefined || resource.inputs.metadata.name === name));

function check(plan: unknown, extraArgs: string[] = []) {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "plan-check-")), "plan.json");
  fs.writeFileSync(file, typeof plan === "string" ? plan : JSON.stringify(plan));
  const result = spawnSync(process.execPath, ["-r", "./cli/registerTypeScript.js", "cli/plan.ts", "--check", file, ...extraArgs], { cwd: projectDir, encoding: "utf8" });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe("plan --check", () => {
  let tpu: PlanDocument;
  let gpu: PlanDocument;
  beforeAll(async () => {
    [tpu, gpu] = [await planShippedStack("tpu"), await planShippedStack("gpu")];
  });
  const edited = (plan: PlanDocument, edit: Edit) => {
    const copy = JSON.parse(JSON.stringify(plan));
    edit(copy.resources);
    return copy;
  };

  it.each(["tpu", "gpu"])("passes the shipped %s plan unedited", (stack) => {
    const result = check(stack === "tpu" ? tpu : gpu);
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    expect(result.stdout).not.toMatch(/^FAIL/m);
  });

  const cases: Array<[string, "tpu" | "gpu", Edit, string, RegExp]> = [
    ["health check path /", "tpu", (r) => { byKind(r, "HealthCheckPolicy", "pool-qwen2-5-3b-instruct-health")[0].inputs.spec.default.config.httpHealthCheck.requestPath = "/"; }, "inference-pool-health-check", /pool-qwen2-5-3b-instruct-health|pool-qwen2-5-3b-instruct/],
    ["a label value with /", "tpu", (r) => { byKind(r, "Deployment", "vllm-qwen2-5-3b-instruct")[0].inputs.metadata.labels["llm-d.ai/model"] = "Qwen/Qwen2.5-3B-Instruct"; }, "valid-label-values", /vllm-qwen2-5-3b-instruct/],
    ["BBR appProtocol removed", "tpu", (r) => { delete byKind(r, "Service", "body-based-router")[0].inputs.spec.ports[0].appProtocol; }, "bbr-service-http2", /body-based-router/],
    ["a route timeout added", "tpu", (r) => { byKind(r, "HTTPRoute")[0].inputs.spec.rules[0].timeouts = { request: "300s" }; }, "no-route-timeouts", /route-qwen2-5-3b-instruct/],
    ["a literal HF_TOKEN value", "gpu", (r) => { byKind(r, "Deployment", "vllm-gemma-2b-it")[0].inputs.spec.template.spec.containers[0].env.push({ name: "HF_TOKEN", value: "hf_literal" }); }, "no-literal-secrets-in-env", /vllm-gemma-2b-it/],
    ["a route to a missing pool", "tpu", (r) => { byKind(r, "HTTPRoute")[0].inputs.spec.rules[0].backendRefs[0].name = "pool-that-does-not-exist"; }, "route-backends-exist", /route-qwen2-5-3b-instruct/],
    ["a TPU request on a GPU-only stack", "gpu", (r) => {
      const container = byKind(r, "Deployment", "vllm-gemma-2b-it")[0].inputs.spec.template.spec.containers[0];
      delete container.resources.requests["nvidia.com/gpu"];
      delete container.resources.limits["nvidia.com/gpu"];
      container.resources.requests["google.com/tpu"] = "4";
      container.resources.limits["google.com/tpu"] = "4";
    }, "accelerator-fits-node-pool", /vllm-gemma-2b-it/],
  ];

  it.each(cases)("fails %s: exit 1, naming the policy and the resource", (_title, stack, edit, policy, resource) => {
    const result = check(edited(stack === "tpu" ? tpu : gpu, edit));
    expect(result.status).toBe(1);
    const failing = result.stdout.split("\n").filter((line) => line.startsWith("FAIL"));
    expect(failing).toEqual([expect.stringContaining(policy)]);
    const details = result.stdout.slice(result.stdout.indexOf(failing[0])).split("\n").slice(1).find((line) => line.startsWith("      "));
    expect(details).toMatch(resource);
  });

  it("rejects a saved plan that is not one, one line per problem, exit 2", () => {
    const broken = check({ stack: "tpu", resources: [{ type: 3, name: "x", inputs: {} }, { name: "y" }] });
    expect(broken.status).toBe(2);
    expect(broken.stderr.trim().split("\n")).toEqual([
      expect.stringMatching(/: project: must name the project$/),
      expect.stringMatching(/: resources\[0\]\.type: must be a Pulumi type token/),
      expect.stringMatching(/: resources\[1\]\.type: must be a Pulumi type token/),
      expect.stringMatching(/: resources\[1\]\.inputs: must be an object/),
    ]);
    expect(check("{not json").stderr).toMatch(/^--check: .* is not JSON/);
  });

  it("takes the cost ceiling from a policy pack config file", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "policy-config-"));
    const low = path.join(dir, "low.json");
    fs.writeFileSync(low, JSON.stringify({ "cost-ceiling": { costCeilingUsdPerHour: 1 } }));
    expect(check(tpu, ["--policy-config", low]).stdout).toMatch(/^WARN {2}cost-ceiling/m);
    expect(check(tpu).stdout).toMatch(/^PASS {2}cost-ceiling/m);
    const bad = path.join(dir, "bad.json");
    fs.writeFileSync(bad, JSON.stringify({ "cost-ceiling": { costCeilingUsdPerHour: "cheap" } }));
    const result = check(tpu, ["--policy-config", bad]);
    expect(result.status).toBe(2);
    expect(result.stderr.trim()).toBe("--policy-config: cost-ceiling.costCeilingUsdPerHour must be a positive number of US dollars");
  });
});
