import { Logger, type LogItem } from '@aws-lambda-powertools/logger';

/** The real Powertools Logger, with its output kept in memory for assertions instead of printed. */
export class CapturingLogger extends Logger {
  readonly entries: Record<string, unknown>[] = [];

  protected override printLog(_logLevel: number, log: LogItem): void {
    log.prepareForPrint();
    this.entries.push(JSON.parse(JSON.stringify(log.getAttributes())) as Record<string, unknown>);
  }

  /** Everything that was logged, as the JSON lines CloudWatch would receive. */
  text(): string {
    return this.entries.map((entry) => JSON.stringify(entry)).join('\n');
  }
}
