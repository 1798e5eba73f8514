import { describe, expect, it } from "vitest";
import { type CommandRunner, parseStackOutputs, readStackTarget, runCommand, StackOutputError } from "../../bench/stackOutputs";

const CONTRACT = JSON.stringify({
  gatewayUrl: "http://1.2.3.4",
  models: [
    { name: "Qwen/Qwen2.5-3B-Instruct", slug: "qwen2-5-3b-instruct", pool: "p1", route: "r1", curl: "curl ..." },
    { name: "meta-llama/Llama-3.2-1B-Instruct", slug: "llama-3-2-1b-instruct", pool: "p2", route: "r2", curl: "curl ..." },
  ],
  kubeconfig: "[secret]",
  clusterName: "llmd",
});

const exited = (exitCode: number, stdout: string, stderr = ""): CommandRunner => async () => ({ kind: "exited", exitCode, stdout, stderr });

async function failure(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(StackOutputError);
  return (error as StackOutputError).message;
}

describe("readStackTarget", () => {
  it("runs `pulumi stack output --json --stack NAME` and reads gatewayUrl and the model names", async () => {
    const calls: string[][] = [];
    const recording: CommandRunner = async (command, args) => {
      calls.push([command, ...args]);
      return { kind: "exited", exitCode: 0, stdout: CONTRACT, stderr: "" };
    };
    await expect(readStackTarget("dev", recording)).resolves.toEqual({
      gatewayUrl: "http://1.2.3.4",
      models: ["Qwen/Qwen2.5-3B-Instruct", "meta-llama/Llama-3.2-1B-Instruct"],
    });
    expect(calls).toEqual([["pulumi", "stack", "output", "--json", "--stack", "dev"]]);
  });

  it("says in one line that pulumi is missing, naming --stack and suggesting --url", async () => {
    const message = await failure(readStackTarget("dev", async () => ({ kind: "not-found" })));
    expect(message).toBe(
      "--stack dev: the pulumi CLI is not on PATH; install it, or pass the gateway with --url <gateway URL> --model <name> instead",
    );
  });

  it("passes on the first line of pulumi's error when it fails", async () => {
    const message = await failure(readStackTarget("nope", exited(255, "", "\nerror: no stack named 'nope' found\nmore detail\n")));
    expect(message).toContain("--stack nope:");
    expect(message).toContain("exited 255 (error: no stack named 'nope' found)");
    expect(message).toContain("--url");
    expect(message).not.toContain("\n");
  });

  it("reports a program that could not start", async () => {
    const message = await failure(readStackTarget("dev", async () => ({ kind: "failed-to-start", message: "spawn EACCES" })));
    expect(message).toMatch(/^--stack dev: could not run pulumi \(spawn EACCES\); .*--url/);
  });

  it("the real runner reports a missing program as not-found", async () => {
    await expect(runCommand("definitely-not-a-program-5d1c", [])).resolves.toEqual({ kind: "not-found" });
  });
});

describe("parseStackOutputs", () => {
  it.each([
    ["not JSON", "warning: something\n{", "did not print JSON"],
    ["a JSON list", "[]", "not a JSON object"],
    ["no gatewayUrl", JSON.stringify({ models: [{ name: "m" }] }), "output gatewayUrl is missing"],
    ["a secret gatewayUrl", JSON.stringify({ gatewayUrl: "[secret]", models: [{ name: "m" }] }), "gatewayUrl is a secret"],
    ["a gatewayUrl without scheme", JSON.stringify({ gatewayUrl: "1.2.3.4", models: [{ name: "m" }] }), "not an http(s) URL"],
    ["secret models", JSON.stringify({ gatewayUrl: "http://a", models: "[secret]" }), "output models is missing or not a list"],
    ["a model without a name", JSON.stringify({ gatewayUrl: "http://a", models: [{ slug: "m" }] }), "needs a plain string name"],
    ["no models", JSON.stringify({ gatewayUrl: "http://a", models: [] }), "output models is empty"],
  ])("rejects %s with one clear line", (_, json, expected) => {
    let message = "";
    try {
      parseStackOutputs("dev", json);
    } catch (error) {
      expect(error).toBeInstanceOf(StackOutputError);
      message = (error as Error).message;
    }
    expect(message).toContain(expected);
    expect(message).toMatch(/^--stack dev: .*--url <gateway URL>/);
    expect(message).not.toContain("\n");
  });

  it("ignores other outputs, secret or not", () => {
    expect(parseStackOutputs("dev", CONTRACT).models).toHaveLength(2);
  });
});
