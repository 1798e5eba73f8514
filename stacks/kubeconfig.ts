/** A kubeconfig for a GKE cluster that authenticates through `gke-gcloud-auth-plugin`: no credential is stored. */
import * as yaml from "js-yaml";

export function gkeKubeconfig(clusterName: string, endpoint: string, caCertificate: string): string {
  const context = `gke-${clusterName}`;
  return yaml.dump({
    apiVersion: "v1",
    kind: "Config",
    clusters: [{ name: context, cluster: { server: `https://${endpoint}`, "certificate-authority-data": caCertificate } }],
    contexts: [{ name: context, context: { cluster: context, user: context } }],
    "current-context": context,
    users: [
      {
        name: context,
        user: {
          exec: {
            apiVersion: "client.authentication.k8s.io/v1beta1",
            command: "gke-gcloud-auth-plugin",
            installHint: "Install gke-gcloud-auth-plugin: gcloud components install gke-gcloud-auth-plugin",
            provideClusterInfo: true,
            interactiveMode: "Never",
          },
        },
      },
    ],
  });
}
