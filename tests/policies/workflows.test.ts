import * as fs from "node:fs";
import * as path from "node:path";
import * as yaml from "js-yaml";
import { describe, expect, it } from "vitest";

const projectDir = path.resolve(__dirname, "../..");

interface Step {
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
}
interface Workflow {
  on: Record<string, unknown>;
  jobs: Record<string, { steps?: Step[] }>;
}

const workflowsDir = path.join(projectDir, ".github", "workflows");
const source = (file: string) => fs.readFileSync(path.join(workflowsDir, file), "utf8");
const workflow = (file: string) => yaml.load(source(file)) as Workflow;

describe.each(["offline.yml", "preview.yml"])("%s", (file) => {
  it("is valid YAML that runs on pull requests and pushes to main", () => {
    const parsed = workflow(file);
    expect(parsed.on).toHaveProperty("pull_request");
    expect(parsed.on.push).toEqual({ branches: ["main"] });
  });

  it("pins every action by major tag", () => {
    const uses = Object.values(workflow(file).jobs).flatMap((job) => (job.steps ?? []).flatMap((step) => (step.uses ? [step.uses] : [])));
    expect(uses.length).toBeGreaterThan(0);
    for (const action of uses) expect(action).toMatch(/^[\w-]+\/[\w-]+@v\d+$/);
  });
});

describe("the offline workflow", () => {
  const steps = () => workflow("offline.yml").jobs.offline.steps ?? [];

  it("references no secrets, so forks run it too", () => {
    expect(source("offline.yml")).not.toContain("secrets.");
  });

  it("installs, tests, type checks and plans every stack file it finds", () => {
    const runs = steps().flatMap((step) => (step.run ? [step.run] : []));
    expect(runs.slice(0, 3)).toEqual(["npm ci", "npm test", "npm run typecheck"]);
    const plan = runs.find((run) => run.includes("npm run --silent plan")) ?? "";
    expect(plan).toContain("for file in Pulumi.*.yaml");
    expect(plan).toContain('--out "plan-out/$stack"');
    expect(plan).toContain('>> "$GITHUB_STEP_SUMMARY"');
  });

  it("uploads the plans as an artifact", () => {
    expect(steps().find((step) => step.uses?.startsWith("actions/upload-artifact@"))?.with).toMatchObject({ path: "plan-out/" });
  });
});

describe("the preview workflow", () => {
  const preview = () => workflow("preview.yml").jobs.preview as { strategy: { matrix: { stack: string } }; steps: Array<Step & { id?: string; if?: string }> };

  it("previews every discovered stack with the policy pack and comments on the PR", () => {
    expect(preview().strategy.matrix.stack).toBe("${{ fromJSON(needs.stacks.outputs.stacks) }}");
    const pulumi = preview().steps.find((step) => step.uses?.startsWith("pulumi/actions@"));
    expect(pulumi?.uses).toBe("pulumi/actions@v6");
    expect(pulumi?.with).toMatchObject({ command: "preview", "comment-on-pr": true, policyPacks: "./policies", "stack-name": expect.stringContaining("matrix.stack") });
  });

  it("authenticates to GCP through Workload Identity Federation from repository variables", () => {
    const auth = preview().steps.find((step) => step.uses?.startsWith("google-github-actions/auth@"));
    expect(auth?.with).toEqual({
      workload_identity_provider: "${{ vars.GCP_WORKLOAD_IDENTITY_PROVIDER }}",
      service_account: "${{ vars.GCP_SERVICE_ACCOUNT }}",
    });
  });

  it("skips every later step when the credentials are absent", () => {
    const [check, ...rest] = preview().steps;
    expect(check.id).toBe("credentials");
    expect(check.run).toContain("::notice");
    for (const step of rest) expect(step.if).toBe("steps.credentials.outputs.ready == 'true'");
  });
});
