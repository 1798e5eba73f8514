/** Reads the stack's config from the Pulumi runtime and validates it; the program's first step. */
import * as pulumi from "@pulumi/pulumi";
import { secretConfigKeys } from "./configSchema";
import { validateStackConfig } from "./validateConfig";
import { StackConfigError } from "./stackConfigError";
import type { StackConfig } from "./stackConfig";

/** Provider keys the program reads besides its own namespace. */
const providerKeys = ["gcp:project", "gcp:region"];

/** Config values arrive as strings; objects, lists, numbers and booleans as their JSON text. */
function decode(value: string): unknown {
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}

/** The stack config as one object: own keys without the `<project>:` prefix, provider keys with theirs. */
export function rawStackConfig(all: Record<string, string>, project: string): Record<string, unknown> {
  const raw: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(all)) {
    if (providerKeys.includes(key)) raw[key] = value;
    else if (key.startsWith(`${project}:`)) {
      const ownKey = key.slice(project.length + 1);
      if (!secretConfigKeys.includes(ownKey)) raw[ownKey] = decode(value);
    }
  }
  return raw;
}

export interface LoadedStack {
  config: StackConfig;
  /** Hugging Face token for gated models, kept secret end to end. */
  hfToken: pulumi.Output<string> | undefined;
}

export function loadStackConfig(): LoadedStack {
  const project = pulumi.getProject();
  const result = validateStackConfig(rawStackConfig(pulumi.runtime.allConfig(), project));
  if (!result.ok) throw new StackConfigError(result.problems);
  return { config: result.config, hfToken: new pulumi.Config().getSecret("hfToken") };
}
