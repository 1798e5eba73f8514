// Adding, removing, reordering and moving models: names come from slugs, never from list positions.
import { beforeAll, describe, expect, it } from "vitest";
import type { PlanDocument } from "../plan/planDocument";
import { planShippedStack, readStackConfig, writeStackConfig } from "./support/planFixture";
import { diffPlans } from "./support/planDiff";

const tpuConfig = readStackConfig("tpu").config;
const tpuModels = tpuConfig["llmd:models"] as Array<Record<string, unknown>>;
const mistral = { name: "mistralai/Mistral-7B-Instruct-v0.3" };
const variant = (models: unknown[]) => writeStackConfig({ ...tpuConfig, "llmd:models": models });

describe("model changes keep every other model's resources", () => {
  let twoModels: PlanDocument;
  beforeAll(async () => {
    twoModels = await planShippedStack("tpu");
  });

  it("adding a third model adds exactly its objects; the shared TPU pool only grows", async () => {
    const threeModels = await planShippedStack("tpu", variant([...tpuModels, mistral]));
    const diff = diffPlans(twoModels, threeModels);
    expect(diff.removed).toEqual([]);
    expect(diff.added.length).toBeGreaterThan(10);
    for (const urn of diff.added) expect(urn).toMatch(/mistral-7b-instruct-v0-3/);
    // The one shared object: the tpu-v6e-1 node pool gets a node more for the new server.
    expect([...diff.changed.entries()]).toEqual([
      [expect.stringMatching(/gcp:container\/nodePool:NodePool::tpu-v6e-1$/), ["inputs.autoscaling.maxNodeCount", "inputs.nodeCount"]],
    ]);
  });

  it("adding a model on another profile leaves every existing object untouched and adds its own node pool", async () => {
    const threeModels = await planShippedStack("tpu", variant([...tpuModels, { ...mistral, accelerator: "tpu-v6e-4" }]));
    const diff = diffPlans(twoModels, threeModels);
    expect(diff.removed).toEqual([]);
    expect(diff.changed.size).toBe(0);
    expect(diff.added).toContainEqual(expect.stringMatching(/gcp:container\/nodePool:NodePool::tpu-v6e-4$/));
  });

  it("reordering the models changes nothing", async () => {
    const reordered = await planShippedStack("tpu", variant([...tpuModels].reverse()));
    const diff = diffPlans(twoModels, reordered);
    expect([diff.added, diff.removed, [...diff.changed.keys()]]).toEqual([[], [], []]);
  });

  it("removing the first model removes only its objects and shrinks the shared pool", async () => {
    const oneModel = await planShippedStack("tpu", variant([tpuModels[1]]));
    const diff = diffPlans(twoModels, oneModel);
    expect(diff.added).toEqual([]);
    for (const urn of diff.removed) expect(urn).toMatch(/qwen2-5-3b-instruct/);
    expect([...diff.changed.keys()]).toEqual([expect.stringMatching(/NodePool::tpu-v6e-1$/)]);
  });

  it("moving a model to another profile changes only its server and adds the node pool it needs", async () => {
    const moved = await planShippedStack("tpu", variant([{ ...tpuModels[0], accelerator: "tpu-v6e-4" }, tpuModels[1]]));
    const diff = diffPlans(twoModels, moved);
    expect(diff.removed).toEqual([]);
    expect(diff.added).toEqual([expect.stringMatching(/AcceleratorNodePool::tpu-v6e-4$/), expect.stringMatching(/NodePool::tpu-v6e-4$/)]);
    const changed = [...diff.changed.keys()];
    expect(changed).toHaveLength(2);
    expect(changed).toEqual(
      expect.arrayContaining([expect.stringMatching(/NodePool::tpu-v6e-1$/), expect.stringMatching(/Deployment::vllm-qwen2-5-3b-instruct$/)]),
    );
  });

  it("moving a model to a profile the zone does not offer is refused by the zone check", async () => {
    const moved = writeStackConfig({ ...tpuConfig, "llmd:zone": "us-east5-a", "llmd:models": [{ ...tpuModels[0], accelerator: "nvidia-t4" }, tpuModels[1]] });
    await expect(planShippedStack("tpu", moved)).rejects.toMatchObject({
      problems: [expect.stringMatching(/^models\[0\]\.accelerator: nvidia-t4 \(used by Qwen\/Qwen2\.5-3B-Instruct\) is not offered in us-east5-a/)],
    });
  });
});
