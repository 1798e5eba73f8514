// Resolves body model -> header -> route -> pool -> Deployments -> served model for every model.
import { describe, expect, it } from "vitest";
import { misroutes, routingTable } from "../plan/routingTable";
import type { PlannedResource } from "../plan/plannedResource";
import { planShippedStack, readStackConfig, writeStackConfig } from "./support/planFixture";

describe("routing table", () => {
  it("bbr: every model reaches its own servers only, through one route, pool and picker", async () => {
    const plan = await planShippedStack("tpu");
    expect(plan.routing).toHaveLength(2);
    for (const row of plan.routing) {
      expect(misroutes(row), JSON.stringify(row)).toBe(false);
      expect(row.header).toBe(row.model);
      expect(row.routes).toHaveLength(1);
      expect(row.poolExists).toBe(true);
      expect(row.endpointPicker).toBe(`${row.pool}-epp`);
      expect(row.nodePools).toEqual(["tpu-v6e-1"]);
    }
  });

  it("bbr with three models on two accelerator profiles still isolates every model", async () => {
    const { config } = readStackConfig("tpu");
    const models = [...(config["llmd:models"] as object[]), { name: "mistralai/Mistral-7B-Instruct-v0.3", accelerator: "tpu-v6e-4" }];
    const plan = await planShippedStack("tpu", writeStackConfig({ ...config, "llmd:models": models }));
    expect(plan.routing).toHaveLength(3);
    expect(plan.routing.filter(misroutes)).toEqual([]);
    expect(plan.routing.find((row) => row.model.startsWith("mistralai"))?.nodePools).toEqual(["tpu-v6e-4"]);
  });

  it("unified: every model's pool also holds the other model's servers", async () => {
    const plan = await planShippedStack("gpu");
    expect(plan.routing.map(misroutes)).toEqual([true, true]);
    expect(plan.routing[0].servedModels.sort()).toEqual(["google/gemma-2b-it", "microsoft/Phi-3-mini-4k-instruct"]);
  });

  it("catches a route whose header names another model (the resolver is not vacuous)", async () => {
    const plan = await planShippedStack("tpu");
    const broken: PlannedResource[] = JSON.parse(JSON.stringify(plan.resources));
    const routes = broken.filter((resource) => resource.inputs.kind === "HTTPRoute");
    const [first, second] = routes.map((route) => (route.inputs.spec as any).rules[0].matches[0].headers[0]);
    [first.value, second.value] = [second.value, first.value];
    expect(routingTable(broken).filter(misroutes)).toHaveLength(2);
  });

  it("catches a model with no base-model ConfigMap: empty header, no route", async () => {
    const plan = await planShippedStack("tpu");
    const broken = plan.resources.filter((resource) => resource.name !== "bbr-model-qwen2-5-3b-instruct");
    const row = routingTable(broken).find((candidate) => candidate.model === "Qwen/Qwen2.5-3B-Instruct")!;
    expect(row.header).toBe("");
    expect(row.routes).toEqual([]);
    expect(misroutes(row)).toBe(true);
  });
});
