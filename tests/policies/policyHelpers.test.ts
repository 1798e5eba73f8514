import { describe, expect, it } from "vitest";
import { labelValueProblem } from "../../policies/labelValuesPolicy";
import { looksLikeCredential } from "../../policies/literalSecretsPolicy";

describe("labelValueProblem", () => {
  it.each(["qwen2-5-3b-instruct", "", "a", "tpu-v6e-slice", "1x1", "a_b.c", "x".repeat(63)])("accepts %j", (value) => {
    expect(labelValueProblem(value)).toBeUndefined();
  });

  it.each([
    ["Qwen/Qwen2.5-3B-Instruct", "contains '/'"],
    ["x".repeat(64), "is 64 characters long"],
    ["-leading-dash", "must be empty or begin and end with a letter or digit"],
    ["trailing.", "must be empty or begin and end with a letter or digit"],
    ["with space", "must be empty or begin and end with a letter or digit"],
    [true, "is not a string"],
  ])("rejects %j: %s", (value, problem) => {
    expect(labelValueProblem(value)).toContain(problem);
  });
});

describe("looksLikeCredential", () => {
  it.each(["HF_TOKEN", "HUGGING_FACE_HUB_TOKEN", "OPENAI_API_KEY", "DB_PASSWORD", "aws-secret-access-key", "GOOGLE_CREDENTIALS"])("flags %s", (name) => {
    expect(looksLikeCredential(name)).toBe(true);
  });

  it.each(["HF_HOME", "VLLM_XLA_CACHE_PATH", "KEYCLOAK_URL", "TOKENIZERS_PARALLELISM"])("leaves %s alone", (name) => {
    expect(looksLikeCredential(name)).toBe(false);
  });
});
