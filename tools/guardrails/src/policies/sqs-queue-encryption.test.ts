import { resource, violations } from '../test/resources';
import { sqsQueueEncryption } from './sqs-queue-encryption';

const queue = (props: Record<string, unknown>) => resource('aws:sqs/queue:Queue', 'dead-letters', { messageRetentionSeconds: 1209600, ...props });

describe('sqs-queue-encryption', () => {
  it.each([[{ sqsManagedSseEnabled: true }], [{ kmsMasterKeyId: 'alias/aws/sqs' }]])('passes %j', async (props) => {
    expect(await violations(sqsQueueEncryption, [queue(props)])).toEqual([]);
  });

  it.each([[{}], [{ sqsManagedSseEnabled: false }], [{ kmsMasterKeyId: '' }]])('reports %j', async (props) => {
    expect(await violations(sqsQueueEncryption, [queue(props)])).toEqual(['SQS queue dead-letters is not encrypted; set kmsMasterKeyId or sqsManagedSseEnabled: true.']);
  });
});
