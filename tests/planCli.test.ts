// The plan command end to end, as a user runs it: exit codes, stderr lines, plan.json and manifests.
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { readStackConfig, writeStackConfig } from "./support/planFixture";
import { runPlanCli } from "./support/runCli";

describe("npm run plan", () => {
  it("writes plan.json with the cluster, proxy-only subnet and pools, exit 0", () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), "plan-out-"));
    const result = runPlanCli(["--stack", "gpu", "--out", out]);
    // Warnings go to stderr as `pulumi up` prints them; nothing else may.
    expect(result.stderr.split("\n").filter((line) => line && !line.startsWith("warning: "))).toEqual([]);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain("== Counts by type");
    const plan = JSON.parse(fs.readFileSync(path.join(out, "plan.json"), "utf8"));
    expect(plan).toMatchObject({ stack: "gpu", project: "llmd" });
    const byType = (type: string) => plan.resources.filter((resource: { type: string }) => resource.type === type);
    expect(byType("gcp:container/cluster:Cluster")[0].inputs.gatewayApiConfig).toEqual({ channel: "CHANNEL_STANDARD" });
    expect(byType("gcp:compute/subnetwork:Subnetwork").map((subnet: { inputs: { purpose?: string } }) => subnet.inputs.purpose)).toContain(
      "REGIONAL_MANAGED_PROXY",
    );
    const machineTypes = byType("gcp:container/nodePool:NodePool").map(
      (pool: { inputs: { nodeConfig: { machineType: string } } }) => pool.inputs.nodeConfig.machineType,
    );
    expect(machineTypes.sort()).toEqual(["e2-standard-4", "n1-standard-4"]);
    for (const resource of plan.resources) expect(Object.keys(resource)).toEqual(expect.arrayContaining(["type", "name", "parent", "inputs"]));
  });

  it("prints one line per config mistake, each naming its key, and exits 2 without a stack trace", () => {
    const { config } = readStackConfig("tpu");
    const broken = writeStackConfig({
      ...config,
      "llmd:routing": "random",
      "llmd:scaleTozero": true,
      "llmd:models": [
        { name: "Qwen/Qwen2.5-3B-Instruct", replica: 2 },
        { name: "Qwen/Qwen2.5-3B-Instruct", accelerator: "tpu-v9" },
        { name: "microsoft/Phi-3-mini-4k-instruct", gpuMemoryUtilization: 0.85, maxModelLen: -5 },
      ],
    });
    const result = runPlanCli(["--stack", "tpu", "--config", broken]);
    expect(result.status).toBe(2);
    const lines = result.stderr.trim().split("\n");
    expect(lines.map((line) => line.split(":")[0]).sort()).toEqual(
      ["models[0].replica", "models[1].accelerator", "models[1].name", "models[2].gpuMemoryUtilization", "models[2].maxModelLen", "routing", "scaleTozero"].sort(),
    );
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(result.stdout).toBe("");
  });

  it.each([
    [["--stak", "tpu"], /Unknown option '--stak'/],
    [[], /^--stack: required/],
    [["--stack", "nope"], /^--stack: no Pulumi\.nope\.yaml; known stacks: .*gpu.*tpu/],
    [["--stack", "tpu", "--config", "/nonexistent.yaml"], /^--config: cannot read \/nonexistent\.yaml/],
  ])("rejects bad arguments %j with exit 2", (args, expected) => {
    const result = runPlanCli(args);
    expect(result.status).toBe(2);
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
    expect(result.stderr).toMatch(expected);
  });
});
