// Every custom object of every shipped stack validates against the upstream CRD schema, undeclared fields included.
import * as fs from "node:fs";
import { describe, expect, it } from "vitest";
import { knownStacks } from "../plan/stackFiles";
import { kubernetesObjects } from "../plan/writeManifests";
import { crdDir, loadCrdValidators } from "./support/crdSchemas";
import { planShippedStack, projectDir, readStackConfig, writeStackConfig } from "./support/planFixture";

const builtInGroups = ["v1", "apps/v1", "rbac.authorization.k8s.io/v1"];
const haveCrds = fs.existsSync(crdDir);
if (!haveCrds) console.warn(`skipping CRD conformance: ${crdDir} is absent`);

describe.skipIf(!haveCrds)("CRD conformance", () => {
  const validators = haveCrds ? loadCrdValidators() : new Map();

  it("finds the schemas of every custom kind the program emits", () => {
    expect([...validators.keys()]).toEqual(
      expect.arrayContaining([
        "inference.networking.k8s.io/v1/InferencePool",
        "gateway.networking.k8s.io/v1/Gateway",
        "gateway.networking.k8s.io/v1/HTTPRoute",
        "networking.gke.io/v1/HealthCheckPolicy",
        "networking.gke.io/v1/GCPBackendPolicy",
        "networking.gke.io/v1/GCPRoutingExtension",
      ]),
    );
  });

  const withSourceRanges = () => {
    const { config } = readStackConfig("tpu");
    return writeStackConfig({ ...config, "llmd:gateway": { sourceRanges: ["203.0.113.0/24"] } });
  };
  const cases: Array<[string, () => Promise<Awaited<ReturnType<typeof planShippedStack>>>]> = [
    ...knownStacks(projectDir).map((stack): [string, () => ReturnType<typeof planShippedStack>] => [stack, () => planShippedStack(stack)]),
    ["tpu with gateway.sourceRanges", () => planShippedStack("tpu", withSourceRanges())],
  ];

  it.each(cases)("%s: every custom object validates", async (_name, plan) => {
    const objects = kubernetesObjects(await plan()).filter((resource) => !builtInGroups.includes(String(resource.inputs.apiVersion)));
    expect(objects.length).toBeGreaterThan(0);
    for (const resource of objects) {
      const key = `${resource.inputs.apiVersion}/${resource.inputs.kind}`;
      const validate = validators.get(key);
      expect(validate, `no CRD schema for ${key}`).toBeDefined();
      const valid = validate!(resource.inputs);
      expect(validate!.errors ?? [], `${key} ${resource.name}`).toEqual([]);
      expect(valid).toBe(true);
    }
  });

  it("rejects an undeclared field (the check is not vacuous)", () => {
    const validate = validators.get("gateway.networking.k8s.io/v1/HTTPRoute")!;
    const route = {
      apiVersion: "gateway.networking.k8s.io/v1",
      kind: "HTTPRoute",
      metadata: { name: "r" },
      spec: { parentRefs: [{ name: "g" }], rules: [{ backendRefs: [{ name: "p", kind: "InferencePool", group: "inference.networking.k8s.io" }], retries: 3 }] },
    };
    expect(validate(route)).toBe(false);
  });
});
