import { parseArn } from '../naming/arns';

/** `kms:ViaService` values: the key may be used only by these services, in the key's region. */
export function viaServices(services: readonly string[], keyArns: readonly string[]): string[] {
  const regions = [...new Set(keyArns.map((arn) => parseArn(arn)?.region ?? ''))].filter((region) => region !== '');
  return regions.flatMap((region) => services.map((service) => `${service}.${region}.amazonaws.com`));
}
