/**
 * The upstream CRD schemas in ../shared/crds, compiled for conformance tests with undeclared
 * fields made errors. Read in place, never copied into the project.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import Ajv, { type ValidateFunction } from "ajv";
import * as yaml from "js-yaml";
import { projectDir } from "./planFixture";

export const crdDir = path.resolve(projectDir, "../shared/crds");

type Schema = Record<string, any>;

/** Value-validation branches of a structural schema: they constrain, they do not declare fields. */
const validationBranches = ["oneOf", "anyOf", "allOf", "not"];

/** Every structural object with declared properties rejects the rest, unless it says unknown fields are kept. */
function closeObjects(schema: Schema): Schema {
  if (Array.isArray(schema)) return schema.map(closeObjects);
  if (schema === null || typeof schema !== "object") return schema;
  const closed: Schema = Object.fromEntries(
    Object.entries(schema).map(([key, value]) => [key, validationBranches.includes(key) ? value : closeObjects(value)]),
  );
  if (closed.type === "object" && closed.properties && closed.additionalProperties === undefined && !closed["x-kubernetes-preserve-unknown-fields"]) {
    closed.additionalProperties = false;
  }
  return closed;
}

/** `<apiVersion>/<kind>` -> validator of the whole object (apiVersion, kind, metadata, spec). */
export function loadCrdValidators(): Map<string, ValidateFunction> {
  // The GKE schemas hold patterns that are valid without the `u` flag only.
  const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false, unicodeRegExp: false });
  const validators = new Map<string, ValidateFunction>();
  for (const file of fs.readdirSync(crdDir).filter((name) => name.endsWith(".yaml"))) {
    for (const crd of yaml.loadAll(fs.readFileSync(path.join(crdDir, file), "utf8")) as Schema[]) {
      if (crd?.kind !== "CustomResourceDefinition") continue;
      for (const version of crd.spec.versions) {
        const schema = closeObjects(version.schema.openAPIV3Schema);
        // metadata is validated by the API server, not the CRD; status is never applied.
        schema.properties.metadata = { type: "object" };
        validators.set(`${crd.spec.group}/${version.name}/${crd.spec.names.kind}`, ajv.compile(schema));
      }
    }
  }
  return validators;
}
