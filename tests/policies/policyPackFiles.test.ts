import * as fs from "node:fs";
import * as path from "node:path";
import * as yaml from "js-yaml";
import { describe, expect, it } from "vitest";

const projectDir = path.resolve(__dirname, "../..");

const packDir = path.join(projectDir, "policies");

describe("the policy pack folder", () => {
  it("is a Node.js CrossGuard pack", () => {
    expect(yaml.load(fs.readFileSync(path.join(packDir, "PulumiPolicy.yaml"), "utf8"))).toMatchObject({ runtime: "nodejs" });
  });

  it("has the package.json version PolicyPack reads and an entry point that exists", () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(packDir, "package.json"), "utf8"));
    expect(manifest.version).toMatch(/^\d+\.\d+\.\d+$/);
    expect(fs.existsSync(path.join(packDir, manifest.main))).toBe(true);
  });

  it("constructs the PolicyPack in index.ts only, since constructing one starts a gRPC server", () => {
    const constructing = fs
      .readdirSync(packDir)
      .filter((file) => file.endsWith(".ts") && fs.readFileSync(path.join(packDir, file), "utf8").includes("new PolicyPack("));
    expect(constructing).toEqual(["index.ts"]);
  });
});
