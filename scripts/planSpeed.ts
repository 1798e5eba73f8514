/**
 * Times `npm run plan -- --stack tpu` against the floor every plan pays: loading @pulumi/pulumi,
 * @pulumi/gcp and @pulumi/kubernetes in one Node process. Same machine, same run, interleaved;
 * reports medians and their ratio, and exits 1 when the plan takes more than twice the floor.
 */
import { spawnSync } from "node:child_process";
import * as path from "node:path";

const projectDir = path.resolve(__dirname, "..");
const rounds = Number(process.env.PLAN_SPEED_ROUNDS ?? 5);
const limit = 2;

function secondsOf(command: string, args: string[]): number {
  const started = process.hrtime.bigint();
  const result = spawnSync(command, args, { cwd: projectDir, stdio: ["ignore", "ignore", "pipe"], encoding: "utf8" });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (result.status !== 0) throw new Error(`${command} ${args.join(" ")} exited ${result.status}: ${result.stderr}`);
  return seconds;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

const floor: number[] = [];
const plan: number[] = [];
for (let round = 0; round < rounds; round++) {
  floor.push(secondsOf(process.execPath, ["-e", "require('@pulumi/pulumi');require('@pulumi/gcp');require('@pulumi/kubernetes')"]));
  plan.push(secondsOf("npm", ["run", "--silent", "plan", "--", "--stack", "tpu"]));
}
const ratio = median(plan) / median(floor);
console.log(`floor (load @pulumi/pulumi, gcp, kubernetes): median ${median(floor).toFixed(2)} s over ${rounds} runs`);
console.log(`npm run plan -- --stack tpu:                 median ${median(plan).toFixed(2)} s over ${rounds} runs`);
console.log(`ratio: ${ratio.toFixed(2)}x (limit ${limit}x)`);
process.exit(ratio <= limit ? 0 : 1);
