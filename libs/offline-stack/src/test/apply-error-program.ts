// Validates a value inside an apply, as programs do with values only known at deploy time.
import * as aws from '@pulumi/aws';

const queue = new aws.sqs.Queue('queue', { messageRetentionSeconds: 60 });
export const checked = queue.arn.apply(() => {
  throw new Error('memoryMb must be at most 10240');
});
