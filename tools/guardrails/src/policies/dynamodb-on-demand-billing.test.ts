import { resource, violations } from '../test/resources';
import { dynamodbOnDemandBilling } from './dynamodb-on-demand-billing';

const table = (props: Record<string, unknown>) => resource('aws:dynamodb/table:Table', 'metadata', { name: 'acme-metadata-dev', hashKey: 'pk', ...props });

describe('dynamodb-on-demand-billing', () => {
  it('passes PAY_PER_REQUEST', async () => {
    expect(await violations(dynamodbOnDemandBilling, [table({ billingMode: 'PAY_PER_REQUEST' })])).toEqual([]);
  });

  it('reports PROVISIONED, which is also the default when billingMode is not set', async () => {
    expect(await violations(dynamodbOnDemandBilling, [table({ billingMode: 'PROVISIONED' }), table({})])).toEqual([
      'DynamoDB table metadata uses billing mode PROVISIONED; it must be PAY_PER_REQUEST (on-demand).',
      'DynamoDB table metadata uses billing mode PROVISIONED; it must be PAY_PER_REQUEST (on-demand).',
    ]);
  });

  it('ignores other resource types', async () => {
    expect(await violations(dynamodbOnDemandBilling, [resource('aws:sqs/queue:Queue', 'q', {})])).toEqual([]);
  });
});
