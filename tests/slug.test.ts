import { describe, expect, it } from "vitest";
import { maxSlugLength, slugFromModelName, slugProblem } from "../stacks/slug";

describe("slugFromModelName", () => {
  it.each([
    ["Qwen/Qwen2.5-3B-Instruct", "qwen2-5-3b-instruct"],
    ["microsoft/Phi-3-mini-4k-instruct", "phi-3-mini-4k-instruct"],
    ["google/gemma-2b-it", "gemma-2b-it"],
    ["mistralai/Mistral-7B-Instruct-v0.3", "mistral-7b-instruct-v0-3"],
    ["gpt2", "gpt2"],
    ["org/7B_Model__x", "m-7b-model-x"],
  ])("%s -> %s", (name, slug) => {
    expect(slugFromModelName(name)).toBe(slug);
    expect(slugProblem(slug)).toBeUndefined();
  });

  it("never yields a label value with '/' and stays within the length limit", () => {
    const slug = slugFromModelName(`org/${"Very-Long-Model-Name-".repeat(5)}`);
    expect(slug).not.toContain("/");
    expect(slug.length).toBeLessThanOrEqual(maxSlugLength);
    expect(slug.endsWith("-")).toBe(false);
    expect(slugProblem(slug)).toBeUndefined();
  });

  it("is empty when nothing usable is left", () => {
    expect(slugFromModelName("///")).toBe("");
    expect(slugProblem("")).toBe("is empty");
  });
});

describe("slugProblem", () => {
  it.each(["Qwen", "qwen/2", "-qwen", "qwen-", "1qwen", "qwen_2", "a".repeat(maxSlugLength + 1)])("rejects %s", (slug) => {
    expect(slugProblem(slug)).toBeDefined();
  });
});
