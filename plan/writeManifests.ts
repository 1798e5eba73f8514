/** Writes plan.json and one YAML file per Kubernetes object, exactly as it would be applied. */
import * as fs from "node:fs";
import * as path from "node:path";
import * as yaml from "js-yaml";
import type { PlanDocument } from "./planDocument";
import type { PlannedResource } from "./plannedResource";

/** Kubernetes objects among the planned resources (not the provider, not component wrappers). */
export function kubernetesObjects(plan: Pick<PlanDocument, "resources">): PlannedResource[] {
  return plan.resources.filter(
    (resource) => resource.type.startsWith("kubernetes:") && !resource.component && typeof resource.inputs.kind === "string",
  );
}

export function manifestFileName(resource: PlannedResource): string {
  const metadata = (resource.inputs.metadata ?? {}) as { name?: string; namespace?: string };
  const parts = [String(resource.inputs.kind), metadata.namespace, metadata.name ?? resource.name].filter(Boolean);
  return `${parts.join("_").replace(/[^A-Za-z0-9._-]/g, "-")}.yaml`;
}

export function writePlanFiles(plan: PlanDocument, outDir: string): void {
  const manifestsDir = path.join(outDir, "manifests");
  fs.rmSync(manifestsDir, { recursive: true, force: true });
  fs.mkdirSync(manifestsDir, { recursive: true });
  fs.writeFileSync(path.join(outDir, "plan.json"), `${JSON.stringify(plan, null, 2)}\n`);
  for (const resource of kubernetesObjects(plan)) {
    fs.writeFileSync(path.join(manifestsDir, manifestFileName(resource)), yaml.dump(resource.inputs, { noRefs: true }));
  }
}
