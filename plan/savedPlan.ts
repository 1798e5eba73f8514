/** Reads a saved plan.json (possibly edited by hand) back into planned resources, checking its shape. */
import * as fs from "node:fs";
import { z } from "zod";
import { keyPath } from "../stacks/configProblems";
import type { PlannedResource } from "./plannedResource";
import { PlanInputError } from "./planInputError";

const savedResourceSchema = z.object({
  type: z.string({ error: "must be a Pulumi type token such as kubernetes:apps/v1:Deployment" }).min(1),
  name: z.string({ error: "must be the resource's name" }).min(1),
  inputs: z.record(z.string(), z.unknown(), { error: "must be an object of the resource's inputs" }),
  urn: z.string().optional(),
  parent: z.string().nullable().optional(),
  parentUrn: z.string().nullable().optional(),
  dependsOn: z.array(z.string()).optional(),
  options: z.record(z.string(), z.unknown()).optional(),
  component: z.boolean().optional(),
});

const savedPlanSchema = z.object({
  stack: z.string({ error: "must name the stack" }),
  project: z.string({ error: "must name the project" }),
  resources: z.array(savedResourceSchema, { error: "must be the list of planned resources" }),
});

export interface SavedPlan {
  stack: string;
  project: string;
  resources: PlannedResource[];
}

export function readSavedPlan(file: string): SavedPlan {
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch {
    throw new PlanInputError([`--check: cannot read ${file}`]);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new PlanInputError([`--check: ${file} is not JSON (${(error as Error).message})`]);
  }
  const parsed = savedPlanSchema.safeParse(json);
  if (!parsed.success) {
    throw new PlanInputError(parsed.error.issues.map((issue) => `--check: ${file}: ${keyPath(issue.path) || "(top)"}: ${issue.message}`));
  }
  const { stack, project } = parsed.data;
  return {
    stack,
    project,
    resources: parsed.data.resources.map((resource) => ({
      type: resource.type,
      name: resource.name,
      urn: resource.urn ?? `urn:pulumi:${stack}::${project}::${resource.type}::${resource.name}`,
      parent: resource.parent ?? null,
      parentUrn: resource.parentUrn ?? null,
      inputs: resource.inputs,
      dependsOn: resource.dependsOn ?? [],
      options: resource.options ?? {},
      component: resource.component ?? false,
    })),
  };
}
