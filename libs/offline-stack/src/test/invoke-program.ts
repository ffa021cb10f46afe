// Makes an invoke the offline runner has no planned answer for.
import * as aws from '@pulumi/aws';

export const ami = aws.ec2.getAmiOutput({ owners: ['amazon'], mostRecent: true }).id;
