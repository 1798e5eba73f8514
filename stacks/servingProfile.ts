/** Probe budgets per accelerator family: TPUs compile with XLA at start, GPUs only load weights. */
import type { AcceleratorFamily } from "./hardware";

export interface StartupBudget {
  periodSeconds: number;
  failureThreshold: number;
}

/** llm-d's TPU guides allow 30 s x 60 = 30 min for XLA compilation (facts.md, TPU v6e). */
export const startupBudgets: Record<AcceleratorFamily, StartupBudget> = {
  tpu: { periodSeconds: 30, failureThreshold: 60 },
  gpu: { periodSeconds: 10, failureThreshold: 90 },
};
