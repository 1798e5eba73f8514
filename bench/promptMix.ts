/** Built-in prompts of different lengths, so a run sees short and long prefills rather than one cached prompt. */
export const PROMPT_MIX: readonly string[] = [
  "Explain in two sentences what a load balancer does.",
  "Write a haiku about autumn rain on a tin roof.",
  "List five practical tips for writing readable code, one line each.",
  "Summarise the plot of a heist story set on a night train, in one paragraph, without naming any characters.",
  "A farmer has 17 sheep and all but 9 run away. How many sheep does the farmer have left? Reason step by step before answering.",
  "You are reviewing a pull request that adds retries with exponential backoff to an HTTP client. " +
    "Describe what you would check: which errors should be retried, how jitter avoids synchronised retries, " +
    "how the total time is bounded, and how the change should be tested. Answer as a short checklist.",
];

