import { performance } from "node:perf_hooks";
import type { LevelProgress } from "./runner";

export interface ProgressStream {
  isTTY?: boolean;
  write(text: string): unknown;
}

export interface ProgressLine {
  update(progress: LevelProgress): void;
  finish(): void;
}

const REDRAW_INTERVAL_MS = 100;
const CLEAR_LINE = "\r\x1b[K";

/** A self-overwriting status line, drawn only on a terminal so logs and pipes stay clean. */
export function createProgressLine(stream: ProgressStream, now: () => number = () => performance.now()): ProgressLine {
  if (!stream.isTTY) return { update: () => {}, finish: () => {} };
  let levelIndex = -1;
  let levelStartedAt = 0;
  let lastDrawnAt = -Infinity;
  let drawn = false;
  return {
    update(progress) {
      const time = now();
      if (progress.levelIndex !== levelIndex) {
        levelIndex = progress.levelIndex;
        levelStartedAt = time;
      }
      const last = progress.done === progress.total;
      if (!last && time - lastDrawnAt < REDRAW_INTERVAL_MS) return;
      lastDrawnAt = time;
      const elapsedSec = (time - levelStartedAt) / 1000;
      const rate = elapsedSec > 0 ? (progress.done / elapsedSec).toFixed(1) : "-";
      const level = progress.levelCount > 1 ? `level ${progress.levelIndex + 1}/${progress.levelCount}, ` : "";
      stream.write(
        `${CLEAR_LINE}[${level}concurrency ${progress.concurrency}] ${progress.done}/${progress.total} requests, ` +
          `${progress.failed} failed, ${rate} req/s`,
      );
      drawn = true;
    },
    finish() {
      if (drawn) stream.write(CLEAR_LINE);
    },
  };
}
