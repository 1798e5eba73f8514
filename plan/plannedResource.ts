/** One resource as the program registered it: what `plan.json` lists and the policies read. */
export interface PlannedResource {
  /** Pulumi type token, e.g. `gcp:container/nodePool:NodePool` or `kubernetes:apps/v1:Deployment`. */
  type: string;
  /** Logical Pulumi name. */
  name: string;
  urn: string;
  /** Logical name of the parent component, or null at the top. */
  parent: string | null;
  /** URN of the parent component, or null at the top (names alone can repeat across types). */
  parentUrn: string | null;
  /** Inputs as registered, secrets replaced by "[secret]". */
  inputs: Record<string, unknown>;
  /** Logical names of the resources this one explicitly depends on. */
  dependsOn: string[];
  /** Resource options that change how updates behave. */
  options: { ignoreChanges?: string[]; replaceOnChanges?: string[]; deleteBeforeReplace?: boolean };
  /** True for component resources (no cloud object of their own). */
  component: boolean;
}

export const redactedSecret = "[secret]";
