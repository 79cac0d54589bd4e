import { Cron } from 'croner';

/**
 * Why `expression` is not a five-field cron expression (minute hour day-of-month month day-of-week),
 * or undefined when it is one. Parsed by croner, so `every monday` or a minute of 61 is caught here
 * rather than when the job queue first tries to schedule it.
 */
export function cronExpressionProblem(expression: string): string | undefined {
  const fields = expression.trim().split(/\s+/);
  if (fields.length !== 5) {
    return `"${expression}" is not a cron expression: it needs five fields (minute hour day-of-month month day-of-week), e.g. "0 9 * * 1" for Mondays at 09:00`;
  }
  try {
    new Cron(expression, { paused: true });
    return undefined;
  } catch (error) {
    const reason = (error as Error).message.replace(/^CronPattern: /, '');
    return `"${expression}" is not a valid cron expression (${reason}); e.g. "0 9 * * 1" for Mondays at 09:00`;
  }
}
