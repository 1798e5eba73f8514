/**
 * Reads a stack's config the way the Pulumi CLI hands it to the program: Pulumi.yaml defaults,
 * overlaid by Pulumi.<stack>.yaml (or another file), as `<namespace>:<key>` -> string.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import * as yaml from "js-yaml";
import { secretConfigKeys } from "../stacks/configSchema";
import { PlanInputError } from "./planInputError";
import { redactedSecret } from "./plannedResource";

export interface StackFiles {
  project: string;
  stack: string;
  config: Record<string, string>;
  secretKeys: string[];
}

function readYaml(file: string, what: string): Record<string, unknown> {
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch {
    throw new PlanInputError([`${what}: cannot read ${file}`]);
  }
  try {
    const parsed = yaml.load(text);
    if (parsed === null || parsed === undefined) return {};
    if (typeof parsed !== "object" || Array.isArray(parsed)) throw new Error("not a mapping");
    return parsed as Record<string, unknown>;
  } catch (error) {
    throw new PlanInputError([`${what}: ${file} is not a YAML mapping (${(error as Error).message.split("\n")[0]})`]);
  }
}

const asConfigString = (value: unknown) => (typeof value === "string" ? value : JSON.stringify(value));

/** Stacks with a Pulumi.<stack>.yaml beside Pulumi.yaml. */
export function knownStacks(projectDir: string): string[] {
  return fs
    .readdirSync(projectDir)
    .map((file) => /^Pulumi\.(.+)\.ya?ml$/.exec(file)?.[1])
    .filter((stack): stack is string => stack !== undefined)
    .sort();
}

export function readStackFiles(projectDir: string, stack: string, configFile?: string): StackFiles {
  const project = readYaml(path.join(projectDir, "Pulumi.yaml"), "Pulumi.yaml");
  const projectName = String(project.name);
  const config: Record<string, string> = {};
  const declared = (project.config ?? {}) as Record<string, { default?: unknown }>;
  for (const [key, declaration] of Object.entries(declared)) {
    if (declaration && typeof declaration === "object" && declaration.default !== undefined) {
      config[`${projectName}:${key}`] = asConfigString(declaration.default);
    }
  }

  const stackFile = configFile ?? path.join(projectDir, `Pulumi.${stack}.yaml`);
  if (!configFile && !fs.existsSync(stackFile)) {
    throw new PlanInputError([`--stack: no Pulumi.${stack}.yaml; known stacks: ${knownStacks(projectDir).join(", ")}`]);
  }
  const stackConfig = (readYaml(stackFile, configFile ? "--config" : "--stack").config ?? {}) as Record<string, unknown>;
  const secretKeys = secretConfigKeys.map((key) => `${projectName}:${key}`);
  for (const [rawKey, value] of Object.entries(stackConfig)) {
    const key = rawKey.includes(":") ? rawKey : `${projectName}:${rawKey}`;
    const encrypted = value !== null && typeof value === "object" && "secure" in (value as object);
    // Ciphertext cannot be read offline; the plan stands a placeholder in for it.
    config[key] = encrypted ? redactedSecret : asConfigString(value);
    if (encrypted && !secretKeys.includes(key)) secretKeys.push(key);
  }
  return { project: projectName, stack, config, secretKeys };
}
