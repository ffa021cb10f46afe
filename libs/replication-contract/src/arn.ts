/** The parts of an ARN: `arn:partition:service:region:account:resource`. */
export interface ParsedArn {
  readonly partition: string;
  readonly service: string;
  /** Empty for global services (S3 buckets, IAM). */
  readonly region: string;
  /** Empty for S3 buckets. */
  readonly accountId: string;
  readonly resource: string;
}

const ARN = /^arn:(aws[a-z-]*):([a-z0-9-]+):([a-z0-9-]*):(\d{12}|):(.+)$/;

/** The one ARN reader of the platform (infrastructure and functions); `undefined` for anything that is not an ARN. */
export function parseArn(arn: string): ParsedArn | undefined {
  const match = ARN.exec(arn);
  if (match === null) {
    return undefined;
  }
  const [, partition = '', service = '', region = '', accountId = '', resource = ''] = match;
  return { partition, service, region, accountId, resource };
}
