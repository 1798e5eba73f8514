import autocannon from "autocannon";
import { type ChildProcess, fork } from "node:child_process";
import { once } from "node:events";
import { performance } from "node:perf_hooks";
import { endpointUrl, requestBody } from "../bench/requestBody";
import { runBenchmark } from "../bench/runner";
import { startFakeOpenAiServer } from "../tests/bench/fakeOpenAiServer";

// Is the benchmark client fast enough not to be the bottleneck? Compares it with autocannon on one loopback server.
const CONCURRENCY = 64;
const REQUESTS_PER_ROUND = 10_000;
const ROUNDS = 3;
const WARMUP_REQUESTS = 2_000;
const MIN_RATIO = 0.5;
const MODEL = "speed/test-model";
const PROMPT = "Say hello.";
const MAX_TOKENS = 4;
const SERVE_FLAG = "--serve";

// The server runs in a child process so it does not share a CPU thread with the client being measured.
async function serve(): Promise<void> {
  const server = await startFakeOpenAiServer({ outputTokens: MAX_TOKENS });
  process.send?.(server.url);
  process.on("disconnect", () => void server.close().then(() => process.exit(0)));
}

async function startServerProcess(): Promise<{ child: ChildProcess; url: string }> {
  const child = fork(__filename, [SERVE_FLAG], { stdio: ["ignore", "inherit", "inherit", "ipc"] });
  const [url] = (await once(child, "message")) as [string];
  return { child, url };
}

async function ourRequestsPerSec(gatewayUrl: string, requests: number): Promise<number> {
  const startedAt = performance.now();
  const [level] = await runBenchmark({
    endpoint: endpointUrl(gatewayUrl, "completions"),
    api: "completions",
    models: [MODEL],
    requestsPerModel: requests,
    concurrencyLevels: [CONCURRENCY],
    maxTokens: MAX_TOKENS,
    prompt: PROMPT,
    retry: { retries: 0, backoffBaseMs: 0 },
    timeoutMs: 10_000,
  });
  const seconds = (performance.now() - startedAt) / 1000;
  const failed = level.outcomes.filter((outcome) => !outcome.succeeded).length;
  if (failed > 0) throw new Error(`our client: ${failed} of ${requests} requests failed`);
  return requests / seconds;
}

async function autocannonRequestsPerSec(gatewayUrl: string, requests: number): Promise<number> {
  const result = await autocannon({
    url: endpointUrl(gatewayUrl, "completions").href,
    method: "POST",
    headers: { "content-type": "application/json", accept: "text/event-stream" },
    body: requestBody("completions", MODEL, PROMPT, MAX_TOKENS),
    connections: CONCURRENCY,
    amount: requests,
    // autocannon notices the end of an `amount` run only at its next sample tick (1 s by default), which would inflate its time.
    sampleInt: 10,
  });
  if (result.errors > 0 || result.non2xx > 0) throw new Error(`autocannon: ${result.errors} errors, ${result.non2xx} non-2xx`);
  return result.requests.total / ((result.finish.getTime() - result.start.getTime()) / 1000);
}

async function main(): Promise<void> {
  const { child, url } = await startServerProcess();
  try {
    // Warm both clients up first so neither pays for JIT compilation and connection set-up in the measurement.
    await ourRequestsPerSec(url, WARMUP_REQUESTS);
    await autocannonRequestsPerSec(url, WARMUP_REQUESTS);
    console.log(`concurrency ${CONCURRENCY}, ${ROUNDS} rounds of ${REQUESTS_PER_ROUND} streamed completions of ${MAX_TOKENS} tokens`);
    // Alternating rounds, best of each: a busy neighbour on the machine slows one round, not one client.
    let bestOurs = 0;
    let bestTheirs = 0;
    for (let round = 1; round <= ROUNDS; round += 1) {
      const ours = await ourRequestsPerSec(url, REQUESTS_PER_ROUND);
      const theirs = await autocannonRequestsPerSec(url, REQUESTS_PER_ROUND);
      console.log(`round ${round}: bench client ${ours.toFixed(0)} req/s, autocannon ${theirs.toFixed(0)} req/s`);
      bestOurs = Math.max(bestOurs, ours);
      bestTheirs = Math.max(bestTheirs, theirs);
    }
    const ratio = bestOurs / bestTheirs;
    console.log(`best: bench client ${bestOurs.toFixed(0)} req/s, autocannon ${bestTheirs.toFixed(0)} req/s`);
    console.log(`ratio (ours / autocannon): ${ratio.toFixed(2)} (minimum ${MIN_RATIO})`);
    process.exitCode = ratio >= MIN_RATIO ? 0 : 1;
  } finally {
    child.disconnect();
  }
}

if (process.argv.includes(SERVE_FLAG)) {
  void serve();
} else {
  main().catch((error: unknown) => {
    console.error(`bench:speed: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  });
}
