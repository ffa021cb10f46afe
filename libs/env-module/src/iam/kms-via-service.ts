import { parseArn } from '../naming/arns';

/** `kms:ViaService` values: a key may be used only through these services, in this region. */
export function viaServicesIn(region: string, services: readonly string[]): string[] {
  return services.map((service) => `${service}.${region}.amazonaws.com`);
}

/** `kms:ViaService` values for keys named by ARN: these services, each in the region of a key. */
export function viaServices(services: readonly string[], keyArns: readonly string[]): string[] {
  const regions = [...new Set(keyArns.map((arn) => parseArn(arn)?.region ?? ''))].filter((region) => region !== '');
  return regions.flatMap((region) => viaServicesIn(region, services));
}
