// index.ts as `pulumi up` runs it: bad config stops the program before any resource is registered.
import * as pulumi from "@pulumi/pulumi";
import { describe, expect, it, vi } from "vitest";
import { readStackFiles } from "../plan/stackFiles";
import { projectDir } from "./support/planFixture";

describe("index.ts", () => {
  it("throws a RunError listing every problem and registers nothing when the config is bad", async () => {
    const files = readStackFiles(projectDir, "tpu");
    pulumi.runtime.setAllConfig({ ...files.config, "llmd:routing": "random", "llmd:accelerator": "tpu-v9" }, files.secretKeys);
    const registered: string[] = [];
    await pulumi.runtime.setMocks(
      { newResource: ({ type, name }) => (registered.push(`${type}::${name}`), { id: name, state: {} }), call: () => ({}) },
      files.project,
      files.stack,
      false,
    );
    vi.resetModules();
    const error = await import("../index").then(
      () => undefined,
      (thrown: unknown) => thrown,
    );
    expect(error).toBeInstanceOf(pulumi.RunError);
    expect((error as { problems: string[] }).problems).toEqual([
      expect.stringMatching(/^routing: must be one of: bbr, unified$/),
      expect.stringMatching(/^accelerator: "tpu-v9" is not a known profile/),
    ]);
    expect((error as Error).message).toContain("routing: must be one of");
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(registered).toEqual([]);
  });
});
