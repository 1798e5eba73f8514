import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    // Mock-runtime tests share Pulumi's global runtime state, so each file runs in its own process.
    pool: "forks",
    testTimeout: 30_000,
  },
});
