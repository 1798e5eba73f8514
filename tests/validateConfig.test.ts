import { describe, expect, it } from "vitest";
import { validateStackConfig } from "../stacks/validateConfig";
import { acceleratorProfiles } from "../stacks/hardware";

/** A complete, valid raw config (what Pulumi.yaml defaults plus a stack file add up to). */
function rawConfig(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    "gcp:project": "demo",
    zone: "europe-west4-a",
    routing: "bbr",
    accelerator: "tpu-v6e-1",
    namespace: "llm-d",
    scaleToZero: false,
    spot: false,
    deletionProtection: true,
    installInferenceCrds: true,
    releaseChannel: "REGULAR",
    models: [{ name: "Qwen/Qwen2.5-3B-Instruct" }],
    ...overrides,
  };
}

function problemsOf(raw: Record<string, unknown>): string[] {
  const result = validateStackConfig(raw);
  return result.ok ? [] : result.problems;
}

describe("validateStackConfig: good configs", () => {
  it("accepts a model with only a name and derives everything else", () => {
    const result = validateStackConfig(rawConfig());
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const [model] = result.config.models;
    expect(model).toMatchObject({
      name: "Qwen/Qwen2.5-3B-Instruct",
      slug: "qwen2-5-3b-instruct",
      acceleratorName: "tpu-v6e-1",
      replicas: 1,
      maxModelLen: acceleratorProfiles["tpu-v6e-1"].defaultMaxModelLen,
      gpuMemoryUtilization: undefined,
      extraArgs: [],
    });
    expect(result.config.region).toBe("europe-west4");
    expect(result.config.gateway).toEqual({ className: "gke-l7-regional-external-managed", internal: false, sourceRanges: [] });
  });

  it("takes per-model overrides, GPU defaults and an internal gateway", () => {
    const result = validateStackConfig(
      rawConfig({
        zone: "us-central1-a",
        accelerator: "nvidia-t4",
        gateway: { internal: true },
        models: [
          { name: "google/gemma-2b-it", id: "gemma", replicas: 0, maxModelLen: 1024, gpuMemoryUtilization: 1 },
          { name: "microsoft/Phi-3-mini-4k-instruct", accelerator: "nvidia-l4", args: ["--enforce-eager"] },
        ],
      }),
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.config.gateway.className).toBe("gke-l7-rilb");
    expect(result.config.models[0]).toMatchObject({ slug: "gemma", replicas: 0, maxModelLen: 1024, gpuMemoryUtilization: 1 });
    expect(result.config.models[1]).toMatchObject({
      acceleratorName: "nvidia-l4",
      gpuMemoryUtilization: acceleratorProfiles["nvidia-l4"].defaultGpuMemoryUtilization,
      extraArgs: ["--enforce-eager"],
    });
  });
});

describe("validateStackConfig: each rule names its key", () => {
  it.each<[string, Record<string, unknown>, RegExp]>([
    ["unknown stack accelerator", { accelerator: "tpu-v9" }, /^accelerator: "tpu-v9" is not a known profile; known: tpu-v6e-1, tpu-v6e-4, nvidia-t4, nvidia-l4$/],
    ["unknown model accelerator", { models: [{ name: "a/b", accelerator: "h100" }] }, /^models\[0\]\.accelerator: "h100" is not a known profile/],
    ["model without a name", { models: [{ replicas: 1 }] }, /^models\[0\]\.name: required/],
    ["empty model name", { models: [{ name: " " }] }, /^models\[0\]\.name: must not be empty/],
    ["no models", { models: [] }, /^models: needs at least one model/],
    ["models missing", { models: undefined }, /^models: required/],
    ["duplicate names", { models: [{ name: "a/x" }, { name: "a/x" }] }, /^models\[1\]\.name: "a\/x" is already models\[0\]/],
    ["duplicate slugs", { models: [{ name: "a/x" }, { name: "b/x" }] }, /^models\[1\]\.id: slug "x" is already used by models\[0\]/],
    ["explicit id that is not a label value", { models: [{ name: "a/x", id: "Bad/Id" }] }, /^models\[0\]\.id: slug "Bad\/Id" must be lower-case/],
    ["name with no usable slug", { models: [{ name: "///" }] }, /^models\[0\]\.name: slug "" is empty; set models\[0\]\.id/],
    ["negative replicas", { models: [{ name: "a/x", replicas: -1 }] }, /^models\[0\]\.replicas: must be 0 or more/],
    ["fractional replicas", { models: [{ name: "a/x", replicas: 1.5 }] }, /^models\[0\]\.replicas: must be a whole number/],
    ["string replicas", { models: [{ name: "a/x", replicas: "2" }] }, /^models\[0\]\.replicas: must be a number/],
    ["gpuMemoryUtilization above 1", { zone: "us-central1-a", accelerator: "nvidia-t4", models: [{ name: "a/x", gpuMemoryUtilization: 1.2 }] }, /^models\[0\]\.gpuMemoryUtilization: must be in \(0, 1\]/],
    ["gpuMemoryUtilization of 0", { zone: "us-central1-a", accelerator: "nvidia-t4", models: [{ name: "a/x", gpuMemoryUtilization: 0 }] }, /^models\[0\]\.gpuMemoryUtilization: must be in \(0, 1\]/],
    ["gpuMemoryUtilization on TPU", { models: [{ name: "a/x", gpuMemoryUtilization: 0.8 }] }, /^models\[0\]\.gpuMemoryUtilization: only GPU profiles take it/],
    ["maxModelLen of 0", { models: [{ name: "a/x", maxModelLen: 0 }] }, /^models\[0\]\.maxModelLen: must be a positive whole number/],
    ["fractional maxModelLen", { models: [{ name: "a/x", maxModelLen: 2048.5 }] }, /^models\[0\]\.maxModelLen: must be a whole number/],
    ["zone without the stack accelerator", { zone: "us-central1-a" }, /^zone: tpu-v6e-1 \(used by Qwen\/Qwen2\.5-3B-Instruct\) is not offered in us-central1-a; zones with it: /],
    ["zone without a model's accelerator", { zone: "us-east5-a", models: [{ name: "a/x", accelerator: "nvidia-t4" }] }, /^models\[0\]\.accelerator: nvidia-t4 \(used by a\/x\) is not offered in us-east5-a; zones with it: us-central1-a/],
    ["unknown routing", { routing: "random" }, /^routing: must be one of: bbr, unified$/],
    ["typo in a model key", { models: [{ name: "a/x", replica: 2 }] }, /^models\[0\]\.replica: unknown key; did you mean `replicas`\?$/],
    ["typo in a top-level key", { scaleTozero: true }, /^scaleTozero: unknown key; did you mean `scaleToZero`\?$/],
    ["unrelated unknown key", { colour: "blue" }, /^colour: unknown key; known keys: /],
    ["managed vLLM flag in args", { models: [{ name: "a/x", args: ["--port=9000"] }] }, /^models\[0\]\.args\[0\]: --port is set by the program/],
    ["region that does not hold the zone", { "gcp:region": "us-east1" }, /^gcp:region: "us-east1" does not contain zone europe-west4-a/],
    ["missing project", { "gcp:project": undefined }, /^gcp:project: required/],
    ["malformed zone", { zone: "mars" }, /^zone: must be a zone such as europe-west4-a$/],
    ["gateway class that contradicts internal", { gateway: { internal: true, class: "gke-l7-regional-external-managed" } }, /^gateway\.class: .* does not fit an internal gateway; use gke-l7-rilb/],
    ["source ranges on an internal gateway", { gateway: { internal: true, sourceRanges: ["10.0.0.0/8"] } }, /^gateway\.sourceRanges: only an external gateway takes them/],
    ["bad source range", { gateway: { sourceRanges: ["everyone"] } }, /^gateway\.sourceRanges\[0\]: must be an IPv4 CIDR/],
    ["bad namespace", { namespace: "LLM_D" }, /^namespace: must be a DNS-1123 label/],
    ["non-boolean scaleToZero", { scaleToZero: "yes" }, /^scaleToZero: must be true or false$/],
  ])("%s", (_title, overrides, expected) => {
    const problems = problemsOf(rawConfig(overrides));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(expected);
  });

  it("reports every problem at once, schema and cross-field alike, one line each", () => {
    const problems = problemsOf(
      rawConfig({
        routing: "random",
        scaleTozero: true,
        models: [
          { name: "a/x", replica: 2 },
          { name: "a/x", accelerator: "tpu-v9" },
          { name: "b/y", gpuMemoryUtilization: 0.5 },
        ],
      }),
    );
    expect(problems).toHaveLength(6);
    expect(problems).toEqual(expect.arrayContaining([
      expect.stringMatching(/^routing: /),
      expect.stringMatching(/^scaleTozero: unknown key/),
      expect.stringMatching(/^models\[0\]\.replica: unknown key/),
      expect.stringMatching(/^models\[1\]\.name: "a\/x" is already models\[0\]/),
      expect.stringMatching(/^models\[1\]\.accelerator: "tpu-v9" is not a known profile/),
      expect.stringMatching(/^models\[2\]\.gpuMemoryUtilization: only GPU profiles/),
    ]));
  });

  it("rejects a config that is not an object", () => {
    expect(problemsOf(null as unknown as Record<string, unknown>)).not.toHaveLength(0);
  });
});
