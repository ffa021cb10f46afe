import { parseArn } from './arn';

describe('parseArn', () => {
  it('reads every part, in any partition', () => {
    expect(parseArn('arn:aws-us-gov:dynamodb:us-gov-west-1:222222222222:table/t')).toEqual({
      partition: 'aws-us-gov',
      service: 'dynamodb',
      region: 'us-gov-west-1',
      accountId: '222222222222',
      resource: 'table/t',
    });
  });

  it('reads global ARNs with an empty region and account', () => {
    expect(parseArn('arn:aws:s3:::bucket')).toEqual({ partition: 'aws', service: 's3', region: '', accountId: '', resource: 'bucket' });
  });

  it.each(['bucket', '', 'arn:aws:sns:eu-west-1:12345:topic', 'arn:other:sns:eu-west-1:111111111111:topic'])('is undefined for %p', (value) => {
    expect(parseArn(value)).toBeUndefined();
  });
});
