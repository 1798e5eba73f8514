import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    // Files in one worker run one at a time and share loaded modules (Pulumi loads once per worker);
    // every plan sets its own mocks and config, so the shared runtime state carries nothing over.
    pool: "forks",
    isolate: false,
    testTimeout: 30_000,
  },
});
