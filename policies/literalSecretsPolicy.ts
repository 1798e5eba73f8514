import { containersOf } from "../plan/kubernetesObjects";
import type { Finding, LlmdPolicy } from "./llmdPolicy";
import { workloadsOf } from "./workloads";

/** Words that make an env var name look like it holds a credential (HF_TOKEN, API_KEY, DB_PASSWORD...). */
const credentialWords = new Set(["TOKEN", "SECRET", "KEY", "APIKEY", "PASSWORD", "PASSWD", "CREDENTIAL", "CREDENTIALS"]);

export function looksLikeCredential(envName: string): boolean {
  return envName.toUpperCase().split(/[^A-Z0-9]+/).some((word) => credentialWords.has(word));
}

export const literalSecretsPolicy: LlmdPolicy = {
  name: "no-literal-secrets-in-env",
  description: "No container env var named like a credential (HF_TOKEN, *_KEY, *_PASSWORD...) holds a literal value; it must come from a Secret (valueFrom), or it sits in plain text in the manifest and the state.",
  enforcementLevel: "mandatory",
  check(resources) {
    return workloadsOf(resources).flatMap((workload) =>
      containersOf(workload).flatMap((container) =>
        (container.env ?? [])
          .filter((entry: { name: string; value?: unknown }) => looksLikeCredential(entry.name) && typeof entry.value === "string" && entry.value !== "")
          .map((entry: { name: string }): Finding => ({
            resource: workload.resource,
            message: `container ${container.name} of ${workload.kind} ${workload.name} sets ${entry.name} to a literal value; take it from a Secret (valueFrom.secretKeyRef), e.g. pulumi config set --secret hfToken <token>`,
          })),
      ),
    );
  },
};
