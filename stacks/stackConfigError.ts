import * as pulumi from "@pulumi/pulumi";

/**
 * Bad stack config. A RunError, so `pulumi up` prints the lines without a stack trace; thrown
 * before any resource is registered, so nothing is half-created.
 */
export class StackConfigError extends pulumi.RunError {
  constructor(readonly problems: string[]) {
    super(`stack config has ${problems.length} problem(s):\n${problems.map((line) => `  ${line}`).join("\n")}`);
    this.name = "StackConfigError";
  }
}
