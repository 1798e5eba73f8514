/**
 * Runs the real Pulumi program under Pulumi's mock runtime and records every registration:
 * no CLI, plugin, cloud or network. The program is loaded by the caller-supplied function, so the
 * CLI and the tests run the same index.ts.
 */
import * as pulumi from "@pulumi/pulumi";
import { fakeCloud } from "./fakeCloud";
import type { PlannedResource } from "./plannedResource";
import { redactKubernetesSecret, redactSecrets } from "./redact";

export interface MockRunOptions {
  project: string;
  stack: string;
  /** Config as the engine passes it: `<namespace>:<key>` -> string (objects as JSON text). */
  config: Record<string, string>;
  /** Keys of `config` that are secret. */
  secretKeys: string[];
  /** Loads (imports) the program once the mocks are in place and returns its exports. */
  loadProgram: () => Promise<Record<string, unknown>>;
}

export interface MockRunResult {
  resources: PlannedResource[];
  /** Stack outputs, secrets redacted. */
  outputs: Record<string, unknown>;
}

interface RegisterRequest {
  getType(): string;
  getName(): string;
  getParent(): string;
  getCustom(): boolean;
  getObject(): Parameters<typeof pulumi.runtime.deserializeProperties>[0];
  getDependenciesList(): string[];
  getIgnorechangesList(): string[];
  getReplaceonchangesList(): string[];
  getDeletebeforereplace(): boolean;
}
type Callback = (err: unknown, response?: { getUrn(): string }) => void;
interface Monitor {
  registerResource(req: RegisterRequest, callback: Callback): unknown;
}

/** Pulumi's internal "wait until every outstanding RPC has finished"; not in the public typings. */
const waitForRPCs = (pulumi.runtime as unknown as { waitForRPCs: () => Promise<void> }).waitForRPCs;

async function settle(value: unknown): Promise<{ value: unknown; secret: boolean }> {
  const output = pulumi.output(value) as pulumi.Output<unknown>;
  const secret = await pulumi.isSecret(output);
  return { value: await new Promise((resolve) => output.apply(resolve)), secret };
}

export async function runProgramUnderMocks(options: MockRunOptions): Promise<MockRunResult> {
  pulumi.runtime.setAllConfig(options.config, options.secretKeys);
  await pulumi.runtime.setMocks(fakeCloud, options.project, options.stack, false);
  const secretValues = options.secretKeys.map((key) => options.config[key]).filter((value) => value && value.length > 3);

  const registered: Array<PlannedResource & { dependencyUrns: string[] }> = [];
  const qualifiedTypeByUrn = new Map<string, string>();
  const nameByUrn = new Map<string, string>();
  const urnBySdkUrn = new Map<string, string>();
  const monitor = pulumi.runtime.getMonitor() as unknown as Monitor;
  const register = monitor.registerResource.bind(monitor);
  monitor.registerResource = (req, callback) => {
    const type = req.getType();
    const name = req.getName();
    const parentUrn = req.getParent() || null;
    // The engine's URN carries the whole parent type chain; two resources with one URN fail a real `pulumi up`.
    const qualifiedType = parentUrn ? `${qualifiedTypeByUrn.get(parentUrn)}$${type}` : type;
    const urn = `urn:pulumi:${options.stack}::${options.project}::${qualifiedType}::${name}`;
    const inputs = redactKubernetesSecret(
      type,
      redactSecrets(pulumi.runtime.deserializeProperties(req.getObject()), secretValues) as Record<string, unknown>,
    );
    registered.push({
      type,
      name,
      urn,
      parent: null,
      parentUrn,
      inputs,
      dependsOn: [],
      dependencyUrns: req.getDependenciesList(),
      options: {
        ...(req.getIgnorechangesList().length ? { ignoreChanges: req.getIgnorechangesList() } : {}),
        ...(req.getReplaceonchangesList().length ? { replaceOnChanges: req.getReplaceonchangesList() } : {}),
        ...(req.getDeletebeforereplace() ? { deleteBeforeReplace: true } : {}),
      },
      component: !req.getCustom(),
    });
    // Children name their parent by the URN the mock monitor answered, so index by that one.
    return register(req, (err, response) => {
      if (response) {
        qualifiedTypeByUrn.set(response.getUrn(), qualifiedType);
        nameByUrn.set(response.getUrn(), name);
        urnBySdkUrn.set(response.getUrn(), urn);
      }
      callback(err, response);
    });
  };

  const programExports = await options.loadProgram();
  const outputs: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(programExports)) {
    if (key === "__esModule" || key === "default") continue;
    const settled = await settle(value);
    outputs[key] = settled.secret ? "[secret]" : redactSecrets(settled.value, secretValues);
  }
  await waitForRPCs();

  const nameOfUrn = (urn: string) => nameByUrn.get(urn) ?? urn.split("::").pop() ?? urn;
  const urnOf = (sdkUrn: string) => urnBySdkUrn.get(sdkUrn) ?? sdkUrn;
  const resources = registered.map(({ dependencyUrns, ...resource }) => ({
    ...resource,
    parent: resource.parentUrn ? nameOfUrn(resource.parentUrn) : null,
    parentUrn: resource.parentUrn ? urnOf(resource.parentUrn) : null,
    dependsOn: [...new Set(dependencyUrns.map(nameOfUrn))],
  }));
  return { resources, outputs };
}
