import { logStreamsArn } from '../naming/arns';
import type { PolicyStatement } from './policy-document';

/** What every function of the platform does: write its logs, and dead-letter what it cannot process. */
export const FUNCTION_BASELINE_ACTIONS = {
  writeLogs: ['logs:CreateLogStream', 'logs:PutLogEvents'],
  /** Its own dead letters, and Lambda's on-failure destinations, which send with the function's role. */
  sendDeadLetters: ['sqs:SendMessage'],
} as const;

export interface FunctionBaselineResources {
  readonly logGroupArn: string;
  readonly deadLetterQueueArn: string;
}

export function functionBaselineStatements({ logGroupArn, deadLetterQueueArn }: FunctionBaselineResources): PolicyStatement[] {
  return [
    { Sid: 'WriteOwnLogs', Effect: 'Allow', Action: FUNCTION_BASELINE_ACTIONS.writeLogs, Resource: logStreamsArn(logGroupArn) },
    { Sid: 'SendDeadLetters', Effect: 'Allow', Action: FUNCTION_BASELINE_ACTIONS.sendDeadLetters, Resource: deadLetterQueueArn },
  ];
}
