import { resource, violations } from '../test/resources';
import { snsTopicEncryption } from './sns-topic-encryption';

const topic = (props: Record<string, unknown>) => resource('aws:sns/topic:Topic', 'replication-success', props);

describe('sns-topic-encryption', () => {
  it('passes a topic with a KMS key', async () => {
    expect(await violations(snsTopicEncryption, [topic({ kmsMasterKeyId: 'alias/aws/sns' })])).toEqual([]);
  });

  it('reports a topic without one', async () => {
    expect(await violations(snsTopicEncryption, [topic({})])).toEqual(['SNS topic replication-success is not encrypted; set kmsMasterKeyId (for example alias/aws/sns).']);
  });
});
