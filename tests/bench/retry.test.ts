import { describe, expect, it } from "vitest";
import { backoffDelayMs, failureLabel, judgeAttempt, sendWithRetries } from "../../bench/retry";
import type { AttemptResult } from "../../bench/sseClient";

function attempt(overrides: Partial<AttemptResult>): AttemptResult {
  return {
    status: 200,
    completed: true,
    error: null,
    errorBody: "",
    responseModel: "m",
    startedAtMs: 0,
    firstTokenAtMs: 10,
    lastTokenAtMs: 20,
    endedAtMs: 25,
    contentChunks: 3,
    usageCompletionTokens: 3,
    ...overrides,
  };
}

const failedWith = (status: number | null, errorBody = ""): AttemptResult =>
  attempt({ status, completed: false, error: status === null ? "connection error: ECONNRESET" : `HTTP ${status}`, errorBody, responseModel: null });

describe("judgeAttempt", () => {
  it.each([
    ["a completed stream from the requested model", attempt({}), "success"],
    ["a completed stream from another model", attempt({ responseModel: "other" }), "wrong-model"],
    ["404 model does not exist", failedWith(404, '{"error":{"message":"The model `m` does not exist."}}'), "retryable"],
    ["another 404", failedWith(404, "Not Found"), "fatal"],
    ["429", failedWith(429), "retryable"],
    ["500", failedWith(500), "retryable"],
    ["503", failedWith(503), "retryable"],
    ["a connection error", failedWith(null), "retryable"],
    ["a 200 stream cut before [DONE]", attempt({ completed: false, error: "stream ended before data: [DONE]" }), "retryable"],
    ["400", failedWith(400), "fatal"],
    ["401", failedWith(401), "fatal"],
  ])("%s is %s", (_, result, verdict) => {
    expect(judgeAttempt(result, "m")).toBe(verdict);
  });
});

describe("failureLabel", () => {
  it("groups failures by cause", () => {
    expect(failureLabel(failedWith(404, "The model `m` does not exist."))).toBe("HTTP 404 model does not exist");
    expect(failureLabel(failedWith(503))).toBe("HTTP 503");
    expect(failureLabel(attempt({ responseModel: "other" }))).toBe("wrong model: other");
    expect(failureLabel(failedWith(null))).toBe("connection error: ECONNRESET");
  });
});

describe("backoffDelayMs", () => {
  it("doubles the ceiling per retry, draws below it (full jitter) and caps it", () => {
    expect(backoffDelayMs(0, 100, () => 0.999)).toBeCloseTo(99.9);
    expect(backoffDelayMs(3, 100, () => 0.5)).toBe(400);
    expect(backoffDelayMs(3, 100, () => 0)).toBe(0);
    expect(backoffDelayMs(20, 100, () => 1)).toBe(10_000);
  });
});

describe("sendWithRetries", () => {
  const noWait = async (): Promise<void> => {};

  it("retries retryable answers and wrong models until success, keeping the first and last attempts", async () => {
    const answers = [failedWith(503), attempt({ responseModel: "other" }), attempt({ startedAtMs: 100, endedAtMs: 150 })];
    const waits: number[] = [];
    const outcome = await sendWithRetries(async () => answers.shift()!, "m", { retries: 5, backoffBaseMs: 10 }, async (ms) => {
      waits.push(ms);
    }, () => 0.5);
    expect(outcome.succeeded).toBe(true);
    expect(outcome.attemptCount).toBe(3);
    expect(outcome.firstAttempt.status).toBe(503);
    expect(outcome.finalAttempt.startedAtMs).toBe(100);
    expect(waits).toEqual([5, 10]);
  });

  it("stops after the allowed retries and does not retry fatal answers", async () => {
    let sent = 0;
    const send503 = async (): Promise<AttemptResult> => {
      sent += 1;
      return failedWith(503);
    };
    const always503 = await sendWithRetries(send503, "m", { retries: 2, backoffBaseMs: 0 }, noWait);
    expect([always503.succeeded, always503.attemptCount, sent]).toEqual([false, 3, 3]);
    const fatal = await sendWithRetries(async () => failedWith(401), "m", { retries: 5, backoffBaseMs: 0 }, noWait);
    expect([fatal.succeeded, fatal.attemptCount]).toEqual([false, 1]);
  });

  it("without retries a wrong model is a failed request", async () => {
    const outcome = await sendWithRetries(async () => attempt({ responseModel: "other" }), "m", { retries: 0, backoffBaseMs: 0 }, noWait);
    expect([outcome.succeeded, outcome.attemptCount]).toEqual([false, 1]);
  });
});
