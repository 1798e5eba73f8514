import { PROMPT_MIX } from "./promptMix";
import { type Api, requestBody } from "./requestBody";
import { type RequestOutcome, type RetryPolicy, sendWithRetries } from "./retry";
import { type AttemptResult, createAgent, sendStreamingRequest } from "./sseClient";

export interface RunPlan {
  endpoint: URL;
  api: Api;
  models: string[];
  requestsPerModel: number;
  /** One run per level, in order; a single level for every scenario but a sweep. */
  concurrencyLevels: number[];
  maxTokens: number;
  /** null sends the built-in prompt mix in turn. */
  prompt: string | null;
  retry: RetryPolicy;
  timeoutMs: number;
}

export interface LevelRun {
  concurrency: number;
  /** In send order: model 0 request 0, model 1 request 0, ..., model 0 request 1, ... */
  outcomes: RequestOutcome[];
}

export interface LevelProgress {
  levelIndex: number;
  levelCount: number;
  concurrency: number;
  done: number;
  failed: number;
  total: number;
}

/**
 * Sends requestsPerModel requests to every model, interleaved round-robin across models,
 * with `concurrency` requests in flight at once across all models.
 */
async function runLevel(
  plan: RunPlan,
  levelIndex: number,
  send: (body: string) => Promise<AttemptResult>,
  onProgress: (progress: LevelProgress) => void,
): Promise<LevelRun> {
  const concurrency = plan.concurrencyLevels[levelIndex];
  const prompts = plan.prompt === null ? PROMPT_MIX : [plan.prompt];
  const bodies = plan.models.map((model) => prompts.map((prompt) => requestBody(plan.api, model, prompt, plan.maxTokens)));
  const total = plan.models.length * plan.requestsPerModel;
  const outcomes = new Array<RequestOutcome>(total);
  let nextJob = 0;
  let done = 0;
  let failed = 0;

  const reportProgress = (): void => onProgress({ levelIndex, levelCount: plan.concurrencyLevels.length, concurrency, done, failed, total });

  const worker = async (): Promise<void> => {
    while (nextJob < total) {
      const job = nextJob++;
      const modelIndex = job % plan.models.length;
      const requestIndex = Math.floor(job / plan.models.length);
      const body = bodies[modelIndex][requestIndex % prompts.length];
      const outcome = await sendWithRetries(() => send(body), plan.models[modelIndex], plan.retry);
      outcomes[job] = outcome;
      done += 1;
      if (!outcome.succeeded) failed += 1;
      reportProgress();
    }
  };
  reportProgress();
  await Promise.all(Array.from({ length: Math.min(concurrency, total) }, worker));
  return { concurrency, outcomes };
}

export async function runBenchmark(plan: RunPlan, onProgress: (progress: LevelProgress) => void = () => {}): Promise<LevelRun[]> {
  const agent = createAgent(plan.endpoint, Math.max(...plan.concurrencyLevels));
  const send = (body: string) => sendStreamingRequest({ endpoint: plan.endpoint, body, agent, timeoutMs: plan.timeoutMs });
  try {
    const levels: LevelRun[] = [];
    for (let levelIndex = 0; levelIndex < plan.concurrencyLevels.length; levelIndex += 1) {
      levels.push(await runLevel(plan, levelIndex, send, onProgress));
    }
    return levels;
  } finally {
    agent.destroy();
  }
}
