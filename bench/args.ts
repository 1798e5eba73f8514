import { parseArgs } from "node:util";

export type ScenarioName = "quick" | "latency" | "concurrent" | "sweep";

interface ScenarioPreset {
  requestsPerModel: number;
  concurrencyLevels: number[];
  description: string;
}

export const SCENARIOS: Record<ScenarioName, ScenarioPreset> = {
  quick: { requestsPerModel: 10, concurrencyLevels: [1], description: "10 requests per model, concurrency 1 (smoke test)" },
  latency: { requestsPerModel: 100, concurrencyLevels: [1], description: "100 requests per model, concurrency 1" },
  concurrent: { requestsPerModel: 100, concurrencyLevels: [10], description: "100 requests per model, concurrency 10" },
  sweep: {
    requestsPerModel: 100,
    concurrencyLevels: [1, 5, 10, 20, 50],
    description: "100 requests per model at each concurrency level 1, 5, 10, 20, 50",
  },
};

const SCENARIO_NAMES = Object.keys(SCENARIOS) as ScenarioName[];

export type TargetSource = { kind: "url"; url: string } | { kind: "stack"; stack: string };

export interface BenchOptions {
  target: TargetSource;
  /** Empty with --stack and no --model: the models then come from the stack outputs. */
  models: string[];
  chat: boolean;
  scenario: ScenarioName;
  requestsPerModel: number;
  concurrencyLevels: number[];
  maxTokens: number;
  /** null selects the built-in prompt mix. */
  prompt: string | null;
  retries: number;
  retryBackoffMs: number;
  timeoutMs: number;
  ttftP95Ms: number;
  tpotP95Ms: number;
  minRoutingAccuracy: number;
  outPath: string | null;
  htmlPath: string | null;
}

export type ParsedArgs =
  | { kind: "help" }
  | { kind: "options"; options: BenchOptions }
  | { kind: "problems"; problems: string[] };

interface FlagSpec {
  type: "string" | "boolean";
  multiple?: boolean;
  short?: string;
  valueName?: string;
  help: string;
}

const DEFAULTS = {
  maxTokens: 128,
  retries: 0,
  retryBackoffMs: 200,
  timeoutMs: 60_000,
  ttftP95Ms: 2000,
  tpotP95Ms: 100,
  minRoutingAccuracy: 0,
};

const FLAGS: Record<string, FlagSpec> = {
  url: { type: "string", valueName: "URL", help: "gateway base URL, e.g. http://1.2.3.4 (give --url or --stack)" },
  stack: { type: "string", valueName: "NAME", help: "read gatewayUrl and models from `pulumi stack output --json --stack NAME`" },
  model: { type: "string", multiple: true, valueName: "NAME", help: "model to benchmark; repeat for several (default with --stack: all models of the stack)" },
  chat: { type: "boolean", help: "use /v1/chat/completions instead of /v1/completions" },
  scenario: { type: "string", valueName: "NAME", help: `preset: ${SCENARIO_NAMES.join(", ")} (default quick)` },
  requests: { type: "string", valueName: "N", help: "requests PER MODEL (per concurrency level in a sweep); overrides the scenario" },
  concurrency: { type: "string", valueName: "N", help: "requests in flight at once, across all models; overrides the scenario (not with sweep)" },
  levels: { type: "string", valueName: "LIST", help: "sweep concurrency levels, comma-separated, e.g. 1,8,32 (only with --scenario sweep)" },
  "max-tokens": { type: "string", valueName: "N", help: `max_tokens per request (default ${DEFAULTS.maxTokens})` },
  prompt: { type: "string", valueName: "TEXT", help: "send this prompt on every request (default: a built-in mix of 6 prompts)" },
  retries: { type: "string", valueName: "N", help: `retries per request after the first attempt (default ${DEFAULTS.retries})` },
  "retry-backoff-ms": { type: "string", valueName: "MS", help: `base of the exponential backoff with full jitter (default ${DEFAULTS.retryBackoffMs})` },
  "timeout-ms": { type: "string", valueName: "MS", help: `give up on one attempt after this long (default ${DEFAULTS.timeoutMs})` },
  "ttft-p95-ms": { type: "string", valueName: "MS", help: `target: TTFT p95 at most this (default ${DEFAULTS.ttftP95Ms})` },
  "tpot-p95-ms": { type: "string", valueName: "MS", help: `target: TPOT p95 at most this (default ${DEFAULTS.tpotP95Ms})` },
  "min-routing-accuracy": { type: "string", valueName: "X", help: `target: first-attempt routing accuracy at least X, 0..1 (default ${DEFAULTS.minRoutingAccuracy}, no check)` },
  out: { type: "string", valueName: "FILE", help: "write the JSON report here" },
  html: { type: "string", valueName: "FILE", help: "write a self-contained HTML report here" },
  help: { type: "boolean", short: "h", help: "show this help" },
};

export function helpText(): string {
  const flagColumn = (name: string, spec: FlagSpec): string =>
    `${spec.short ? `-${spec.short}, ` : ""}--${name}${spec.valueName ? ` ${spec.valueName}` : ""}`;
  const width = Math.max(...Object.entries(FLAGS).map(([name, spec]) => flagColumn(name, spec).length));
  const flagLines = Object.entries(FLAGS).map(([name, spec]) => `  ${flagColumn(name, spec).padEnd(width)}  ${spec.help}`);
  const scenarioLines = SCENARIO_NAMES.map((name) => `  ${name.padEnd(10)}  ${SCENARIOS[name].description}`);
  return [
    "Usage: npm run bench -- (--stack NAME | --url URL --model NAME...) [flags]",
    "",
    "Streams completions from an OpenAI-compatible gateway and reports TTFT, TPOT, latency,",
    "output tokens/s, requests/s, success rate and first-attempt routing accuracy per model.",
    "",
    "Flags:",
    ...flagLines,
    "",
    "Scenarios:",
    ...scenarioLines,
    "",
    "Exit codes: 0 all targets met, 1 a target missed, 2 bad arguments or unreadable stack, 3 unexpected error.",
  ].join("\n");
}

/** Raw flag values as typed, keyed by flag name. */
type RawFlags = Map<string, string[]>;

// Non-strict parse with tokens, so every problem gets its own line instead of stopping at the first.
function collectRawFlags(argv: string[], problems: string[]): RawFlags {
  const parseArgsOptions = Object.fromEntries(
    Object.entries(FLAGS).map(([name, spec]) => [
      name,
      { type: spec.type, multiple: spec.multiple ?? false, ...(spec.short === undefined ? {} : { short: spec.short }) },
    ]),
  );
  const { tokens } = parseArgs({ args: argv, options: parseArgsOptions, strict: false, allowPositionals: true, tokens: true });
  const raw: RawFlags = new Map();
  for (const token of tokens) {
    if (token.kind === "positional") {
      problems.push(`unexpected argument '${token.value}': flags start with -- (see --help)`);
      continue;
    }
    if (token.kind !== "option") continue;
    const spec = FLAGS[token.name];
    if (!spec) {
      problems.push(`${token.rawName}: unknown flag (see --help)`);
      continue;
    }
    if (spec.type === "boolean") {
      if (token.value !== undefined) problems.push(`--${token.name}: takes no value, got '${token.value}'`);
      raw.set(token.name, []);
      continue;
    }
    if (token.value === undefined || (!token.inlineValue && token.value.startsWith("--"))) {
      problems.push(`--${token.name}: needs a value (${spec.valueName})`);
      // Recorded without a value, so checks that depend on the flag's presence stay quiet.
      if (!raw.has(token.name)) raw.set(token.name, []);
      continue;
    }
    const previous = raw.get(token.name) ?? [];
    if (!spec.multiple && previous.length > 0) {
      problems.push(`--${token.name}: given more than once`);
      continue;
    }
    raw.set(token.name, [...previous, token.value]);
  }
  return raw;
}

function parseWholeNumber(flag: string, text: string, min: number, problems: string[]): number | undefined {
  const value = Number(text);
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(value) || value < min) {
    problems.push(`--${flag}: expected a whole number >= ${min}, got '${text}'`);
    return undefined;
  }
  return value;
}

function parseBoundedNumber(flag: string, text: string, min: number, max: number, problems: string[]): number | undefined {
  const value = Number(text);
  if (text.trim() === "" || !Number.isFinite(value) || value < min || value > max) {
    const range = max === Infinity ? `>= ${min}` : `from ${min} to ${max}`;
    problems.push(`--${flag}: expected a number ${range}, got '${text}'`);
    return undefined;
  }
  return value;
}

function parseTarget(raw: RawFlags, problems: string[]): TargetSource | undefined {
  const url = raw.get("url")?.[0];
  const stack = raw.get("stack")?.[0];
  if (url !== undefined && stack !== undefined) {
    problems.push("--url, --stack: give one target, not both");
    return undefined;
  }
  if (stack !== undefined) return { kind: "stack", stack };
  if (url === undefined) {
    if (raw.has("url") || raw.has("stack")) return undefined;
    problems.push("--url or --stack: a target is required, e.g. --stack dev or --url http://1.2.3.4 --model NAME");
    return undefined;
  }
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    problems.push(`--url: expected an http:// or https:// URL, got '${url}'`);
    return undefined;
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:") {
    problems.push(`--url: expected an http:// or https:// URL, got '${url}'`);
    return undefined;
  }
  return { kind: "url", url };
}

function parseConcurrencyLevels(raw: RawFlags, scenario: ScenarioName, problems: string[]): number[] {
  const concurrencyText = raw.get("concurrency")?.[0];
  const levelsText = raw.get("levels")?.[0];
  if (scenario === "sweep") {
    if (concurrencyText !== undefined) problems.push("--concurrency: not used by --scenario sweep; set the levels with --levels");
    if (levelsText === undefined) return SCENARIOS.sweep.concurrencyLevels;
    const levels = levelsText.split(",").map((part) => Number(part.trim()));
    if (levelsText.trim() === "" || levels.some((level) => !Number.isSafeInteger(level) || level < 1)) {
      problems.push(`--levels: expected comma-separated whole numbers >= 1, e.g. 1,8,32, got '${levelsText}'`);
      return SCENARIOS.sweep.concurrencyLevels;
    }
    return levels;
  }
  if (levelsText !== undefined) problems.push("--levels: only with --scenario sweep; use --concurrency for one level");
  if (concurrencyText === undefined) return SCENARIOS[scenario].concurrencyLevels;
  const concurrency = parseWholeNumber("concurrency", concurrencyText, 1, problems);
  return concurrency === undefined ? SCENARIOS[scenario].concurrencyLevels : [concurrency];
}

export function parseBenchArgs(argv: string[]): ParsedArgs {
  const problems: string[] = [];
  const raw = collectRawFlags(argv, problems);
  if (raw.has("help")) return { kind: "help" };

  const target = parseTarget(raw, problems);

  const models = raw.get("model") ?? [];
  if (models.some((model) => model.trim() === "")) problems.push("--model: expected a model name, got an empty string");
  const repeated = models.filter((model, index) => models.indexOf(model) !== index);
  for (const model of new Set(repeated)) problems.push(`--model: '${model}' given more than once`);
  if (target?.kind === "url" && models.length === 0) {
    problems.push("--model: required with --url (repeat it for several models)");
  }

  const scenarioText = raw.get("scenario")?.[0];
  let scenario: ScenarioName = "quick";
  if (scenarioText !== undefined) {
    if ((SCENARIO_NAMES as string[]).includes(scenarioText)) scenario = scenarioText as ScenarioName;
    else problems.push(`--scenario: expected one of ${SCENARIO_NAMES.join(", ")}, got '${scenarioText}'`);
  }

  const wholeNumber = (flag: string, min: number, fallback: number): number => {
    const text = raw.get(flag)?.[0];
    return text === undefined ? fallback : (parseWholeNumber(flag, text, min, problems) ?? fallback);
  };
  const boundedNumber = (flag: string, min: number, max: number, fallback: number): number => {
    const text = raw.get(flag)?.[0];
    return text === undefined ? fallback : (parseBoundedNumber(flag, text, min, max, problems) ?? fallback);
  };

  const requestsPerModel = wholeNumber("requests", 1, SCENARIOS[scenario].requestsPerModel);
  const concurrencyLevels = parseConcurrencyLevels(raw, scenario, problems);
  const maxTokens = wholeNumber("max-tokens", 1, DEFAULTS.maxTokens);
  const retries = wholeNumber("retries", 0, DEFAULTS.retries);
  const retryBackoffMs = wholeNumber("retry-backoff-ms", 0, DEFAULTS.retryBackoffMs);
  const timeoutMs = wholeNumber("timeout-ms", 1, DEFAULTS.timeoutMs);
  const ttftP95Ms = boundedNumber("ttft-p95-ms", 0, Infinity, DEFAULTS.ttftP95Ms);
  const tpotP95Ms = boundedNumber("tpot-p95-ms", 0, Infinity, DEFAULTS.tpotP95Ms);
  const minRoutingAccuracy = boundedNumber("min-routing-accuracy", 0, 1, DEFAULTS.minRoutingAccuracy);

  const prompt = raw.get("prompt")?.[0] ?? null;
  if (prompt !== null && prompt.trim() === "") problems.push("--prompt: expected some text, got an empty string");

  const outPath = raw.get("out")?.[0] ?? null;
  const htmlPath = raw.get("html")?.[0] ?? null;
  if (outPath !== null && htmlPath !== null && outPath === htmlPath) problems.push("--out, --html: give two different files");

  if (problems.length > 0 || target === undefined) return { kind: "problems", problems };
  return {
    kind: "options",
    options: {
      target,
      models,
      chat: raw.has("chat"),
      scenario,
      requestsPerModel,
      concurrencyLevels,
      maxTokens,
      prompt,
      retries,
      retryBackoffMs,
      timeoutMs,
      ttftP95Ms,
      tpotP95Ms,
      minRoutingAccuracy,
      outPath,
      htmlPath,
    },
  };
}
