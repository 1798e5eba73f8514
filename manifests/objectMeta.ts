/** Shapes shared by the pure manifest builders. */

export interface ObjectMeta {
  name: string;
  namespace: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
}

/** A custom resource (InferencePool, HTTPRoute, GKE policies...) as it will be applied. */
export interface CustomObject {
  apiVersion: string;
  kind: string;
  metadata: ObjectMeta;
  spec: Record<string, unknown>;
}
