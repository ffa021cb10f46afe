import type { Context } from 'aws-lambda';

/** A Lambda context with a fixed amount of remaining time; enough for Powertools and the deadline. */
export function lambdaContext(functionName: string, remainingTimeMs = 60_000): Context {
  return {
    callbackWaitsForEmptyEventLoop: false,
    functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:eu-west-1:111111111111:function:${functionName}`,
    memoryLimitInMB: '256',
    awsRequestId: `request-${functionName}`,
    logGroupName: `/aws/lambda/${functionName}`,
    logStreamName: '2026/11/26/[$LATEST]0123456789abcdef',
    getRemainingTimeInMillis: () => remainingTimeMs,
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
}
