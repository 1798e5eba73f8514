/** Replaces secret values with "[secret]" before anything is printed or written. */
import * as pulumi from "@pulumi/pulumi";
import { redactedSecret } from "./plannedResource";

const secretSignature = pulumi.runtime.specialSecretSig;
const signatureKey = pulumi.runtime.specialSigKey;

/** Deep copy of `value` with Pulumi secret wrappers and the listed plain values redacted. */
export function redactSecrets(value: unknown, knownSecretValues: readonly string[]): unknown {
  if (typeof value === "string") {
    return knownSecretValues.reduce((text, secret) => (secret ? text.split(secret).join(redactedSecret) : text), value);
  }
  if (Array.isArray(value)) return value.map((item) => redactSecrets(item, knownSecretValues));
  if (value !== null && typeof value === "object") {
    const record = value as Record<string, unknown>;
    if (record[signatureKey] === secretSignature) return redactedSecret;
    return Object.fromEntries(Object.entries(record).map(([key, item]) => [key, redactSecrets(item, knownSecretValues)]));
  }
  return value;
}

/** Kubernetes Secret payloads are redacted whether or not they were marked secret. */
export function redactKubernetesSecret(type: string, inputs: Record<string, unknown>): Record<string, unknown> {
  if (type !== "kubernetes:core/v1:Secret") return inputs;
  const redactAll = (payload: unknown) =>
    payload && typeof payload === "object"
      ? Object.fromEntries(Object.keys(payload as object).map((key) => [key, redactedSecret]))
      : payload;
  return { ...inputs, data: redactAll(inputs.data), stringData: redactAll(inputs.stringData) };
}
