import * as fs from "node:fs";
import * as path from "node:path";
import * as yaml from "js-yaml";
import { describe, expect, it } from "vitest";
import { stackConfigSchema } from "../stacks/configSchema";
import { validateStackConfig } from "../stacks/validateConfig";
import { rawStackConfig } from "../stacks/loadConfig";
import { knownStacks, readStackFiles } from "../plan/stackFiles";
import { projectDir } from "./support/planFixture";

const project = yaml.load(fs.readFileSync(path.join(projectDir, "Pulumi.yaml"), "utf8")) as {
  name: string;
  runtime: { name: string };
  config: Record<string, { type: string; default: unknown; description: string }>;
};
/** Structured keys that Pulumi.yaml cannot type; the program gives them their defaults. */
const structuredKeys = ["models", "gateway"];

describe("Pulumi.yaml", () => {
  it("declares every plain key with a type, a description and a default", () => {
    const plainKeys = Object.keys(stackConfigSchema.shape).filter((key) => !key.includes(":") && !structuredKeys.includes(key));
    expect(Object.keys(project.config).sort()).toEqual(plainKeys.sort());
    for (const [key, declaration] of Object.entries(project.config)) {
      expect(["string", "boolean", "integer"], key).toContain(declaration.type);
      expect(declaration.default, key).toBeDefined();
      expect(declaration.description, key).toBeTruthy();
    }
  });

  it("is a nodejs project", () => {
    expect(project.runtime.name).toBe("nodejs");
  });
});

describe("shipped stack files", () => {
  it.each(knownStacks(projectDir))("Pulumi.%s.yaml validates", (stack) => {
    const files = readStackFiles(projectDir, stack);
    const result = validateStackConfig(rawStackConfig(files.config, files.project));
    expect(result.ok ? [] : result.problems).toEqual([]);
  });
});
