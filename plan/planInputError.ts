/** Bad plan input (config, arguments, a saved plan): one line per problem, exit code 2. */
export class PlanInputError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join("\n"));
  }
}
