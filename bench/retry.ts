import type { AttemptResult } from "./sseClient";

/** success: completed with the requested model; wrong-model: completed by another model; fatal: retrying will not help. */
export type AttemptVerdict = "success" | "wrong-model" | "retryable" | "fatal";

export function judgeAttempt(attempt: AttemptResult, requestedModel: string): AttemptVerdict {
  if (attempt.completed) return attempt.responseModel === requestedModel ? "success" : "wrong-model";
  const status = attempt.status;
  // A mixed pool answers 404 "does not exist" when the request reached a server without the model.
  if (status === 404) return attempt.errorBody.includes("does not exist") ? "retryable" : "fatal";
  if (status === null || status === 200 || status === 429 || status >= 500) return "retryable";
  return "fatal";
}

/** Short label grouping failed attempts in the report, e.g. "HTTP 404 model does not exist". */
export function failureLabel(attempt: AttemptResult): string {
  if (attempt.completed) return `wrong model: ${attempt.responseModel ?? "(none)"}`;
  if (attempt.status === 404 && attempt.errorBody.includes("does not exist")) return "HTTP 404 model does not exist";
  if (attempt.status !== null && attempt.status !== 200) return `HTTP ${attempt.status}`;
  return attempt.error ?? "unknown error";
}

const MAX_BACKOFF_MS = 10_000;

/** Exponential backoff with full jitter: uniform in [0, base * 2^retryIndex), capped, so retries do not synchronise. */
export function backoffDelayMs(retryIndex: number, baseMs: number, random: () => number): number {
  return random() * Math.min(MAX_BACKOFF_MS, baseMs * 2 ** retryIndex);
}

export interface RetryPolicy {
  retries: number;
  backoffBaseMs: number;
}

/** One logical request: its first attempt (for routing accuracy and time from first start) and its last. */
export interface RequestOutcome {
  model: string;
  succeeded: boolean;
  attemptCount: number;
  firstAttempt: AttemptResult;
  finalAttempt: AttemptResult;
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export async function sendWithRetries(
  send: () => Promise<AttemptResult>,
  requestedModel: string,
  policy: RetryPolicy,
  wait: (ms: number) => Promise<void> = sleep,
  random: () => number = Math.random,
): Promise<RequestOutcome> {
  const firstAttempt = await send();
  let finalAttempt = firstAttempt;
  let verdict = judgeAttempt(firstAttempt, requestedModel);
  let attemptCount = 1;
  while (attemptCount <= policy.retries && (verdict === "retryable" || verdict === "wrong-model")) {
    await wait(backoffDelayMs(attemptCount - 1, policy.backoffBaseMs, random));
    finalAttempt = await send();
    verdict = judgeAttempt(finalAttempt, requestedModel);
    attemptCount += 1;
  }
  return { model: requestedModel, succeeded: verdict === "success", attemptCount, firstAttempt, finalAttempt };
}
