import { bucketNameViolation } from './bucket-name-rules';

describe('bucketNameViolation', () => {
  it.each(['acme-data-dev-eu-west-1-111111111111', 'abc', 'a.b-c', `a${'b'.repeat(61)}c`])('accepts %s', (name) => {
    expect(bucketNameViolation(name)).toBeUndefined();
  });

  it.each([
    ['ab', 'must be 3-63 characters long (it has 2)'],
    [`a${'b'.repeat(63)}`, 'must be 3-63 characters long (it has 64)'],
    ['Acme-data', 'may contain only lowercase letters, digits, dots and hyphens'],
    ['acme_data', 'may contain only lowercase letters, digits, dots and hyphens'],
    ['-acme-data', 'must begin and end with a letter or digit'],
    ['acme-data.', 'must begin and end with a letter or digit'],
    ['acme..data', 'must not contain two adjacent dots'],
    ['192.168.5.4', 'must not be formatted as an IP address'],
    ['xn--acme-data', 'must not start with the reserved prefix "xn--"'],
    ['sthree-acme', 'must not start with the reserved prefix "sthree-"'],
    ['amzn-s3-demo-acme', 'must not start with the reserved prefix "amzn-s3-demo-"'],
    ['acme-s3alias', 'must not end with the reserved suffix "-s3alias"'],
    ['acme--ol-s3', 'must not end with the reserved suffix "--ol-s3"'],
    ['acme.mrap', 'must not end with the reserved suffix ".mrap"'],
    ['acme--x-s3', 'must not end with the reserved suffix "--x-s3"'],
    ['acme--table-s3', 'must not end with the reserved suffix "--table-s3"'],
  ])('rejects %s: %s', (name, rule) => {
    expect(bucketNameViolation(name)).toBe(rule);
  });
});
