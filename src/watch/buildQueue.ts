/**
 * Builds one brief at a time, in the order asked. Asking again for a brief that is waiting
 * changes nothing; asking for one that is being built queues exactly one more build of it,
 * which starts when the current one ends. So a brief is never built twice at once, and the
 * last save is always built.
 */
export class BuildQueue {
  private readonly waiting = new Set<string>();
  private running: Promise<void> | undefined;
  private idleWaiters: (() => void)[] = [];

  constructor(private readonly build: (briefPath: string) => Promise<void>) {}

  request(briefPath: string): void {
    this.waiting.add(briefPath);
    this.running ??= this.drain();
  }

  /** Resolves once nothing is waiting or being built. */
  idle(): Promise<void> {
    return this.running ? new Promise((resolve) => this.idleWaiters.push(resolve)) : Promise.resolve();
  }

  private async drain(): Promise<void> {
    for (let next = this.take(); next !== undefined; next = this.take()) {
      await this.build(next);
    }
    this.running = undefined;
    for (const resolve of this.idleWaiters.splice(0)) resolve();
  }

  private take(): string | undefined {
    const [first] = this.waiting;
    if (first !== undefined) this.waiting.delete(first);
    return first;
  }
}
