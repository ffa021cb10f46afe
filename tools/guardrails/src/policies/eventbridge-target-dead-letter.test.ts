import { resource, violations } from '../test/resources';
import { eventbridgeTargetDeadLetter } from './eventbridge-target-dead-letter';

const target = (props: Record<string, unknown>) =>
  resource('aws:cloudwatch/eventTarget:EventTarget', 'replicator-target', { rule: 'replication', arn: 'arn:aws:lambda:eu-west-1:111111111111:function:replicator', ...props });

describe('eventbridge-target-dead-letter', () => {
  it('passes a target with a dead-letter queue', async () => {
    expect(await violations(eventbridgeTargetDeadLetter, [target({ deadLetterConfig: { arn: 'arn:aws:sqs:eu-west-1:111111111111:dlq' } })])).toEqual([]);
  });

  it.each([[{}], [{ deadLetterConfig: {} }]])('reports a target without one: %j', async (props) => {
    expect(await violations(eventbridgeTargetDeadLetter, [target(props)])).toEqual(['EventBridge target replicator-target has no dead-letter queue; set deadLetterConfig.arn.']);
  });
});
