// An apply that throws while nothing exported depends on it: still a failed run.
import * as aws from '@pulumi/aws';

const queue = new aws.sqs.Queue('queue', { messageRetentionSeconds: 60 });
queue.arn.apply(() => {
  throw new Error('tag value must be at most 256 characters');
});
export const ok = 'exports do not depend on the failing apply';
