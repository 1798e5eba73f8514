import type { RequestOutcome } from "./retry";

/** Client-side timings of one successful request, taken from its successful attempt. */
export interface RequestMetrics {
  /** Time to the first chunk with text; null if the model streamed no text at all. */
  ttftMs: number | null;
  /** (last token time - first token time) / (output tokens - 1); null below two tokens. */
  tpotMs: number | null;
  latencyMs: number;
  /** From the first attempt's start, so retries and backoff are counted. */
  latencyFromFirstAttemptMs: number;
  /** Completion tokens only: `usage.completion_tokens` when sent, else the number of text chunks. */
  outputTokens: number;
}

export function requestMetrics(outcome: RequestOutcome): RequestMetrics {
  const attempt = outcome.finalAttempt;
  const outputTokens = attempt.usageCompletionTokens ?? attempt.contentChunks;
  const first = attempt.firstTokenAtMs;
  const last = attempt.lastTokenAtMs;
  return {
    ttftMs: first === null ? null : first - attempt.startedAtMs,
    tpotMs: first !== null && last !== null && outputTokens > 1 ? (last - first) / (outputTokens - 1) : null,
    latencyMs: attempt.endedAtMs - attempt.startedAtMs,
    latencyFromFirstAttemptMs: attempt.endedAtMs - outcome.firstAttempt.startedAtMs,
    outputTokens,
  };
}
