import { describe, expect, it } from "vitest";
import { type BenchOptions, helpText, parseBenchArgs } from "../../bench/args";

function options(argv: string[]): BenchOptions {
  const parsed = parseBenchArgs(argv);
  if (parsed.kind !== "options") throw new Error(`expected options, got ${JSON.stringify(parsed)}`);
  return parsed.options;
}

function problems(argv: string[]): string[] {
  const parsed = parseBenchArgs(argv);
  if (parsed.kind !== "problems") throw new Error(`expected problems, got ${JSON.stringify(parsed)}`);
  return parsed.problems;
}

const URL_TARGET = ["--url", "http://1.2.3.4", "--model", "m"];

describe("parseBenchArgs", () => {
  it("defaults to the quick scenario with the MLPerf-style targets", () => {
    expect(options(URL_TARGET)).toEqual({
      target: { kind: "url", url: "http://1.2.3.4" },
      models: ["m"],
      chat: false,
      scenario: "quick",
      requestsPerModel: 10,
      concurrencyLevels: [1],
      maxTokens: 128,
      prompt: null,
      retries: 0,
      retryBackoffMs: 200,
      timeoutMs: 60_000,
      ttftP95Ms: 2000,
      tpotP95Ms: 100,
      minRoutingAccuracy: 0,
      outPath: null,
      htmlPath: null,
    });
  });

  it.each([
    ["quick", 10, [1]],
    ["latency", 100, [1]],
    ["concurrent", 100, [10]],
    ["sweep", 100, [1, 5, 10, 20, 50]],
  ])("applies the %s preset", (scenario, requests, levels) => {
    const parsed = options([...URL_TARGET, "--scenario", scenario]);
    expect(parsed.requestsPerModel).toBe(requests);
    expect(parsed.concurrencyLevels).toEqual(levels);
  });

  it("lets flags override a preset and reads repeated --model and --stack", () => {
    const parsed = options([
      "--stack", "dev", "--model", "a", "--model", "b", "--scenario", "concurrent", "--requests", "7", "--concurrency", "3",
      "--chat", "--max-tokens=32", "--prompt", "hi", "--retries", "5", "--ttft-p95-ms", "500", "--tpot-p95-ms", "20.5",
      "--min-routing-accuracy", "0.9", "--out", "r.json", "--html", "r.html",
    ]);
    expect(parsed).toMatchObject({
      target: { kind: "stack", stack: "dev" },
      models: ["a", "b"],
      chat: true,
      requestsPerModel: 7,
      concurrencyLevels: [3],
      maxTokens: 32,
      prompt: "hi",
      retries: 5,
      ttftP95Ms: 500,
      tpotP95Ms: 20.5,
      minRoutingAccuracy: 0.9,
      outPath: "r.json",
      htmlPath: "r.html",
    });
  });

  it("takes custom sweep levels", () => {
    expect(options([...URL_TARGET, "--scenario", "sweep", "--levels", "2, 4,8"]).concurrencyLevels).toEqual([2, 4, 8]);
  });

  it("allows --stack without --model (models then come from the stack)", () => {
    expect(options(["--stack", "dev"]).models).toEqual([]);
  });

  it("reports every problem on its own line, naming the flag and what is allowed", () => {
    const lines = problems([
      "--url", "ftp://x", "--model", "m", "--requests", "0", "--concurrency", "abc", "--scenario", "soak",
      "--min-routing-accuracy", "1.5", "--bogus", "--chat=yes",
    ]);
    expect(lines).toEqual([
      "--bogus: unknown flag (see --help)",
      "--chat: takes no value, got 'yes'",
      "--url: expected an http:// or https:// URL, got 'ftp://x'",
      "--scenario: expected one of quick, latency, concurrent, sweep, got 'soak'",
      "--requests: expected a whole number >= 1, got '0'",
      "--concurrency: expected a whole number >= 1, got 'abc'",
      "--min-routing-accuracy: expected a number from 0 to 1, got '1.5'",
    ]);
  });

  it("requires exactly one target, and --model with --url", () => {
    expect(problems([])).toEqual(["--url or --stack: a target is required, e.g. --stack dev or --url http://1.2.3.4 --model NAME"]);
    expect(problems(["--url", "http://a", "--stack", "dev"])).toEqual(["--url, --stack: give one target, not both"]);
    expect(problems(["--url", "http://a"])).toEqual(["--model: required with --url (repeat it for several models)"]);
  });

  it("flags a missing value, a repeated single flag and stray arguments", () => {
    expect(problems(["--stack", "dev", "--requests"])).toEqual(["--requests: needs a value (N)"]);
    expect(problems(["--stack", "dev", "--stack", "prod"])).toEqual(["--stack: given more than once"]);
    expect(problems(["--stack", "dev", "extra"])).toEqual(["unexpected argument 'extra': flags start with -- (see --help)"]);
    expect(problems(["--stack", "dev", "--model", "a", "--model", "a"])).toEqual(["--model: 'a' given more than once"]);
  });

  it("keeps --concurrency and --levels to their scenarios", () => {
    expect(problems([...URL_TARGET, "--scenario", "sweep", "--concurrency", "4"])).toEqual([
      "--concurrency: not used by --scenario sweep; set the levels with --levels",
    ]);
    expect(problems([...URL_TARGET, "--levels", "1,2"])).toEqual(["--levels: only with --scenario sweep; use --concurrency for one level"]);
    expect(problems([...URL_TARGET, "--scenario", "sweep", "--levels", "1,x"])).toEqual([
      "--levels: expected comma-separated whole numbers >= 1, e.g. 1,8,32, got '1,x'",
    ]);
  });

  it("answers --help before anything else, and the help says --requests is per model", () => {
    expect(parseBenchArgs(["--bogus", "-h"])).toEqual({ kind: "help" });
    expect(helpText()).toMatch(/--requests N\s+requests PER MODEL/);
    for (const flag of ["--url", "--stack", "--model", "--chat", "--scenario", "--concurrency", "--retries", "--out", "--html"]) {
      expect(helpText()).toContain(flag);
    }
  });
});
