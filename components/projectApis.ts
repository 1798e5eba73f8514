import * as gcp from "@pulumi/gcp";
import * as pulumi from "@pulumi/pulumi";

/** Google APIs the stack needs; without Network Services, ext-proc fails with "fault filter abort". */
export const requiredApis = ["compute.googleapis.com", "container.googleapis.com", "networkservices.googleapis.com"];

export interface ProjectApisArgs {
  /** GCP project to enable the APIs in. */
  project: string;
}

/** Enables the project's APIs and leaves them on when the stack is destroyed (other stacks may use them). */
export class ProjectApis extends pulumi.ComponentResource {
  readonly services: gcp.projects.Service[];

  constructor(name: string, args: ProjectApisArgs, opts?: pulumi.ComponentResourceOptions) {
    super("llmd:gcp:ProjectApis", name, {}, opts);
    this.services = requiredApis.map(
      (service) =>
        new gcp.projects.Service(
          `${name}-${service.split(".")[0]}`,
          { project: args.project, service, disableOnDestroy: false },
          { parent: this },
        ),
    );
    this.registerOutputs({});
  }
}
