// The slice of autocannon 8's programmatic API that scripts/benchSpeed.ts uses; the package ships no types.
declare module "autocannon" {
  interface AutocannonOptions {
    url: string;
    method?: "GET" | "POST";
    headers?: Record<string, string>;
    body?: string;
    connections?: number;
    amount?: number;
    sampleInt?: number;
  }

  interface AutocannonResult {
    start: Date;
    finish: Date;
    errors: number;
    timeouts: number;
    non2xx: number;
    "2xx": number;
    requests: { total: number; average: number };
  }

  function autocannon(options: AutocannonOptions): Promise<AutocannonResult>;
  export = autocannon;
}
