import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { CommandRunner } from "../../bench/stackOutputs";
import { type FakeOpenAiServer, startFakeOpenAiServer } from "./fakeOpenAiServer";
import { runBench } from "./runBenchInProcess";

const REPO_ROOT = path.resolve(__dirname, "../..");

function runCli(args: string[]): Promise<{ exitCode: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, ["-r", "./cli/registerTypeScript.js", "cli/bench.ts", ...args], { cwd: REPO_ROOT, timeout: 20_000 }, (error, stdout, stderr) => {
      resolve({ exitCode: error === null ? 0 : typeof error.code === "number" ? error.code : -1, stdout, stderr });
    });
  });
}

describe("the bench CLI process", () => {
  it("exits 2 on bad arguments with one line per problem and no stack trace", async () => {
    const result = await runCli(["--url", "http://1.2.3.4", "--requests", "0", "--scenario", "soak", "--bogus"]);
    expect(result.exitCode).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr.trimEnd().split("\n")).toEqual([
      "--bogus: unknown flag (see --help)",
      "--model: required with --url (repeat it for several models)",
      "--scenario: expected one of quick, latency, concurrent, sweep, got 'soak'",
      "--requests: expected a whole number >= 1, got '0'",
    ]);
  });
});

let server: FakeOpenAiServer;
let directory: string;
beforeAll(async () => {
  server = await startFakeOpenAiServer({ firstTokenDelayMs: 30, tokenGapMs: 5, outputTokens: 4 });
  directory = mkdtempSync(path.join(tmpdir(), "bench-cli-"));
});
afterAll(async () => {
  await server.close();
  rmSync(directory, { recursive: true, force: true });
});
afterEach(() => {
  server.received.length = 0;
});

describe("runBenchCommand", () => {
  it("exits 0 when every target is met", async () => {
    const run = await runBench(["--url", server.url, "--model", "m", "--requests", "3", "--concurrency", "3"]);
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toContain("All targets met");
  });

  it("exits 1 when TTFT p95 misses its target", async () => {
    const run = await runBench(["--url", server.url, "--model", "m", "--requests", "3", "--concurrency", "3", "--ttft-p95-ms", "10"]);
    expect(run.exitCode).toBe(1);
    expect(run.report!.models.m.thresholds).toEqual({ ttftP95: false, tpotP95: true, routingAccuracy: true });
    expect(run.stdout).toMatch(/ {2}- m: TTFT p95 \d+\.\d ms > target 10 ms\n/);
  });

  it("exits 1 when TPOT p95 misses its target", async () => {
    const run = await runBench(["--url", server.url, "--model", "m", "--requests", "3", "--concurrency", "3", "--tpot-p95-ms", "1"]);
    expect(run.exitCode).toBe(1);
    expect(run.report!.models.m.thresholds.tpotP95).toBe(false);
  });

  it("exits 1 when first-attempt routing misses --min-routing-accuracy, even if retries rescue every request", async () => {
    const mixedPool = await startFakeOpenAiServer({ notFoundEvery: 2, outputTokens: 2 });
    try {
      const args = ["--url", mixedPool.url, "--model", "m", "--requests", "4", "--retries", "3", "--retry-backoff-ms", "1"];
      const run = await runBench([...args, "--min-routing-accuracy", "0.9"]);
      expect(run.exitCode).toBe(1);
      expect(run.report!.models.m.succeeded).toBe(4);
      expect(run.stdout).toContain("m: routing accuracy 0.250 < target 0.9");
    } finally {
      await mixedPool.close();
    }
  });

  it("reads the gateway and every model from the stack outputs with --stack", async () => {
    const outputs = JSON.stringify({
      gatewayUrl: server.url,
      models: [
        { name: "org/alpha", slug: "alpha", pool: "p", route: "r", curl: "c" },
        { name: "org/beta", slug: "beta", pool: "p", route: "r", curl: "c" },
      ],
      kubeconfig: "[secret]",
    });
    const fakePulumi: CommandRunner = async () => ({ kind: "exited", exitCode: 0, stdout: outputs, stderr: "" });
    const run = await runBench(["--stack", "dev", "--requests", "2"], fakePulumi);
    expect(run.exitCode).toBe(0);
    expect(run.report!.stack).toBe("dev");
    expect(run.report!.target).toBe(server.url);
    expect(Object.keys(run.report!.models)).toEqual(["org/alpha", "org/beta"]);
    expect(server.received.map((request) => request.body.model).sort()).toEqual(["org/alpha", "org/alpha", "org/beta", "org/beta"]);
  });

  it("exits 2 with one line naming --stack and suggesting --url when pulumi is missing", async () => {
    const run = await runBench(["--stack", "dev"], async () => ({ kind: "not-found" }));
    expect(run.exitCode).toBe(2);
    expect(run.stderr.trimEnd().split("\n")).toHaveLength(1);
    expect(run.stderr).toMatch(/^--stack dev: .*pulumi.*--url/);
    expect(run.report).toBeNull();
  });

  it("writes the HTML report and refuses, before sending anything, an output directory that does not exist", async () => {
    const htmlPath = path.join(directory, "report.html");
    const run = await runBench(["--url", server.url, "--model", "m", "--requests", "2", "--html", htmlPath]);
    expect(run.exitCode).toBe(0);
    expect(readFileSync(htmlPath, "utf8")).toContain('aria-label="Latency distribution of m"');

    server.received.length = 0;
    const missing = path.join(directory, "no-such-dir", "report.html");
    const refused = await runBench(["--url", server.url, "--model", "m", "--html", missing]);
    expect(refused.exitCode).toBe(2);
    expect(refused.stderr).toBe(`--html: the directory of '${missing}' does not exist\n`);
    expect(server.received).toEqual([]);
    expect(existsSync(missing)).toBe(false);
  });
});
