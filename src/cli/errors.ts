/**
 * Errors that reach the user. A command throws `CliError` with one readable line; `main` prints
 * it to stderr as `mizan: <line>` and exits with its code. Anything else is a bug and is still
 * reported in one line (the stack only with MIZAN_DEBUG=1), never as a trace on a user's screen.
 */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

/** Bad arguments: exit 2, as POSIX utilities do. */
export class UsageError extends CliError {
  constructor(message: string) {
    super(`${message} (see --help)`, 2);
    this.name = 'UsageError';
  }
}

export function oneLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.replace(/\s*\n\s*/g, ' ').trim();
}
