/**
 * Validates a stack's raw config in one pass and reports every problem at once, one line each,
 * naming the key path and what is allowed. Pure: no Pulumi runtime needed.
 */
import { acceleratorProfileNames, acceleratorProfiles, isAcceleratorProfileName } from "./hardware";
import { managedVllmArgs, modelConfigSchema, stackConfigSchema } from "./configSchema";
import { formatIssues } from "./configProblems";
import { slugFromModelName, slugProblem } from "./slug";
import type { ModelSpec, StackConfig } from "./stackConfig";
import type { z } from "zod";

/** GKE gateway classes that work with InferencePools; both are regional (facts.md). */
export const gatewayClasses = {
  external: "gke-l7-regional-external-managed",
  internal: "gke-l7-rilb",
} as const;

export type ValidationResult = { ok: true; config: StackConfig } | { ok: false; problems: string[] };

type ParsedModel = z.output<typeof modelConfigSchema>;

export function validateStackConfig(raw: unknown): ValidationResult {
  const parsed = stackConfigSchema.safeParse(raw);
  if (parsed.success) {
    const data = parsed.data;
    const problems = topLevelProblems(data.zone, data["gcp:region"], data.accelerator);
    const models = resolveModels(data.models, data.zone, data.accelerator, problems);
    const gatewayClass = data.gateway.class ?? (data.gateway.internal ? gatewayClasses.internal : gatewayClasses.external);
    const expectedClass = data.gateway.internal ? gatewayClasses.internal : gatewayClasses.external;
    if (gatewayClass !== expectedClass) {
      const kind = data.gateway.internal ? "an internal" : "an external";
      problems.push(`gateway.class: "${gatewayClass}" does not fit ${kind} gateway; use ${expectedClass} or flip gateway.internal`);
    }
    if (data.gateway.internal && data.gateway.sourceRanges.length > 0) {
      problems.push("gateway.sourceRanges: only an external gateway takes them (an internal one is reachable only inside the VPC); remove them or set gateway.internal false");
    }
    if (problems.length > 0) return { ok: false, problems };
    return {
      ok: true,
      config: {
        project: data["gcp:project"],
        region: regionOf(data.zone),
        zone: data.zone,
        routing: data.routing,
        namespace: data.namespace,
        scaleToZero: data.scaleToZero,
        spot: data.spot,
        deletionProtection: data.deletionProtection,
        installInferenceCrds: data.installInferenceCrds,
        releaseChannel: data.releaseChannel,
        gateway: { className: gatewayClass, internal: data.gateway.internal, sourceRanges: data.gateway.sourceRanges },
        models,
      },
    };
  }
  // The schema failed somewhere; still run the cross-field rules on whatever parsed, so one run shows every problem.
  const problems = formatIssues(stackConfigSchema, parsed.error.issues);
  const fields = (typeof raw === "object" && raw !== null ? raw : {}) as Record<string, unknown>;
  const text = (value: unknown) => (typeof value === "string" ? value : undefined);
  const zone = stackConfigSchema.shape.zone.safeParse(fields.zone).data;
  const crossField = topLevelProblems(zone, text(fields["gcp:region"]), text(fields.accelerator));
  const models = Array.isArray(fields.models) ? fields.models.map(lenientModel) : [];
  resolveModels(models, zone, text(fields.accelerator), crossField);
  return { ok: false, problems: [...problems, ...crossField.filter((line) => !problems.includes(line))] };
}

/**
 * A model's fields that are valid on their own (broken ones are already reported), so the
 * cross-field rules still see its name, profile and the rest. Undefined without a usable name.
 */
function lenientModel(raw: unknown): ParsedModel | undefined {
  if (typeof raw !== "object" || raw === null) return undefined;
  const fields = raw as Record<string, unknown>;
  const valid = Object.entries(modelConfigSchema.shape).map(([key, schema]) => [key, schema.safeParse(fields[key])] as const);
  const model = Object.fromEntries(valid.filter(([, result]) => result.success).map(([key, result]) => [key, result.data]));
  return typeof model.name === "string" ? (modelConfigSchema.safeParse(model).data ?? undefined) : undefined;
}

const regionOf = (zone: string) => zone.replace(/-[a-z]$/, "");

function topLevelProblems(zone: string | undefined, providerRegion: string | undefined, accelerator: string | undefined): string[] {
  const problems: string[] = [];
  if (zone !== undefined && providerRegion !== undefined && providerRegion !== regionOf(zone)) {
    problems.push(`gcp:region: "${providerRegion}" does not contain zone ${zone}; set gcp:region to ${regionOf(zone)} or pick a zone in ${providerRegion}`);
  }
  if (accelerator !== undefined && !isAcceleratorProfileName(accelerator)) {
    problems.push(`accelerator: "${accelerator}" is not a known profile; known: ${acceleratorProfileNames.join(", ")}`);
  }
  return problems;
}

/** Resolves each model's profile, slug and defaults; pushes a line per broken rule. Unparsed models are skipped. */
function resolveModels(
  models: ReadonlyArray<ParsedModel | undefined>,
  zone: string | undefined,
  defaultAccelerator: string | undefined,
  problems: string[],
): ModelSpec[] {
  const specs: ModelSpec[] = [];
  const firstIndexByName = new Map<string, number>();
  const firstIndexBySlug = new Map<string, number>();
  models.forEach((model, index) => {
    if (model === undefined) return;
    const at = `models[${index}]`;

    const slug = model.id ?? slugFromModelName(model.name);
    const badSlug = slugProblem(slug);
    if (badSlug) {
      const fix = model.id === undefined ? `; set ${at}.id to a slug such as my-model` : "";
      problems.push(`${model.id === undefined ? `${at}.name` : `${at}.id`}: slug "${slug}" ${badSlug}${fix}`);
    }
    const sameName = firstIndexByName.get(model.name);
    const sameSlug = firstIndexBySlug.get(slug);
    if (sameName !== undefined) {
      problems.push(`${at}.name: "${model.name}" is already models[${sameName}]; list each model once`);
    } else if (sameSlug !== undefined) {
      problems.push(`${at}.id: slug "${slug}" is already used by models[${sameSlug}]; set a distinct ${at}.id`);
    }
    if (sameName === undefined) firstIndexByName.set(model.name, index);
    if (sameSlug === undefined) firstIndexBySlug.set(slug, index);

    model.args.forEach((arg, argIndex) => {
      const flag = arg.split("=")[0];
      if (managedVllmArgs.includes(flag)) {
        problems.push(`${at}.args[${argIndex}]: ${flag} is set by the program; use the model's own keys instead`);
      }
    });

    const acceleratorName = model.accelerator ?? defaultAccelerator;
    if (acceleratorName === undefined || !isAcceleratorProfileName(acceleratorName)) {
      // An unknown stack default is reported once, at `accelerator`.
      if (model.accelerator !== undefined) {
        problems.push(`${at}.accelerator: "${model.accelerator}" is not a known profile; known: ${acceleratorProfileNames.join(", ")}`);
      }
      return;
    }
    const profile = acceleratorProfiles[acceleratorName];
    if (zone !== undefined && !(profile.zones as readonly string[]).includes(zone)) {
      const key = model.accelerator !== undefined ? `${at}.accelerator` : "zone";
      problems.push(`${key}: ${acceleratorName} (used by ${model.name}) is not offered in ${zone}; zones with it: ${profile.zones.join(", ")}`);
    }
    if (model.gpuMemoryUtilization !== undefined && profile.family !== "gpu") {
      problems.push(`${at}.gpuMemoryUtilization: only GPU profiles take it; remove it for ${acceleratorName}`);
    }

    specs.push({
      name: model.name,
      slug,
      acceleratorName,
      profile,
      replicas: model.replicas,
      maxModelLen: model.maxModelLen ?? profile.defaultMaxModelLen,
      gpuMemoryUtilization: profile.family === "gpu" ? (model.gpuMemoryUtilization ?? profile.defaultGpuMemoryUtilization) : undefined,
      extraArgs: model.args,
    });
  });
  return specs;
}
