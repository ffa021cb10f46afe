import { BUCKET, BUCKET_ARN, bucketWith, bucketWithout, tlsOnlyPolicy } from '../test/s3-bucket';
import { violations } from '../test/resources';
import { s3BucketTlsOnly } from './s3-bucket-tls-only';

const [denyInsecure] = tlsOnlyPolicy.Statement;
const withStatement = (statement: object) => bucketWith('policy', { bucket: BUCKET, policy: JSON.stringify({ Version: '2012-10-17', Statement: [statement] }) });
const missing = `BucketPolicy data-policy (bucket ${BUCKET}) has no statement that denies s3:* to every principal when aws:SecureTransport is false on ${BUCKET_ARN} and ${BUCKET_ARN}/*.`;

describe('s3-bucket-tls-only', () => {
  it('passes the recommended deny statement, given as a JSON string or as an object', async () => {
    expect(await violations(s3BucketTlsOnly, withStatement(denyInsecure))).toEqual([]);
    expect(await violations(s3BucketTlsOnly, bucketWith('policy', { bucket: BUCKET, policy: tlsOnlyPolicy }))).toEqual([]);
  });

  it('passes a boolean condition value and a wildcard principal object', async () => {
    expect(await violations(s3BucketTlsOnly, withStatement({ ...denyInsecure, Principal: { AWS: '*' }, Condition: { Bool: { 'aws:securetransport': false } } }))).toEqual([]);
  });

  it('reports a bucket without a bucket policy', async () => {
    expect(await violations(s3BucketTlsOnly, bucketWithout('policy'))).toEqual([
      `Bucket ${BUCKET} has no BucketPolicy; a policy must deny requests without TLS (aws:SecureTransport = false).`,
    ]);
  });

  it.each([
    ['covers only the objects', { ...denyInsecure, Resource: `${BUCKET_ARN}/*` }],
    ['covers only some objects', { ...denyInsecure, Resource: [BUCKET_ARN, `${BUCKET_ARN}/config/*`] }],
    ['denies only some actions', { ...denyInsecure, Action: ['s3:GetObject'] }],
    ['is an Allow', { ...denyInsecure, Effect: 'Allow' }],
    ['has no SecureTransport condition', { ...denyInsecure, Condition: undefined }],
    ['applies to one principal only', { ...denyInsecure, Principal: { AWS: 'arn:aws:iam::111111111111:root' } }],
  ])('reports a statement that %s', async (_case, statement) => {
    expect(await violations(s3BucketTlsOnly, withStatement(statement))).toEqual([missing]);
  });

  it('reports a policy that is not valid JSON', async () => {
    expect(await violations(s3BucketTlsOnly, bucketWith('policy', { bucket: BUCKET, policy: '{"Statement": [' }))).toEqual([
      `BucketPolicy data-policy (bucket ${BUCKET}) has a policy that is not valid JSON (Unexpected end of JSON input).`,
    ]);
  });
});
