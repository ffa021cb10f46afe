import { isAbsolute, relative } from 'node:path';

/**
 * Resource inputs recorded under the mock runtime still hold SDK objects: assets
 * and archives (Lambda code) whose contents are promises. The plan is plain JSON,
 * so they become `{ "archive": { "path": ... } }`, `{ "asset": { "text": ... } }`
 * and so on, with file paths relative to the workspace so plans do not depend on
 * where the checkout lives.
 */
export async function toPlainValue(value: unknown, workspaceRoot: string): Promise<unknown> {
  const resolved = await value;
  if (resolved === null || typeof resolved !== 'object') {
    return resolved;
  }
  if (Array.isArray(resolved)) {
    return Promise.all(resolved.map((item) => toPlainValue(item, workspaceRoot)));
  }
  const object = resolved as Record<string, unknown>;
  if (object['__pulumiAsset'] === true) {
    return { asset: await sourceOf(object, ['path', 'text', 'uri'], workspaceRoot) };
  }
  if (object['__pulumiArchive'] === true) {
    return { archive: await sourceOf(object, ['path', 'uri', 'assets'], workspaceRoot) };
  }
  const entries = await Promise.all(Object.entries(object).map(async ([key, item]) => [key, await toPlainValue(item, workspaceRoot)] as const));
  return Object.fromEntries(entries.filter(([, item]) => item !== undefined));
}

export async function toPlainRecord(value: Readonly<Record<string, unknown>>, workspaceRoot: string): Promise<Record<string, unknown>> {
  return (await toPlainValue(value, workspaceRoot)) as Record<string, unknown>;
}

async function sourceOf(object: Record<string, unknown>, keys: readonly string[], workspaceRoot: string): Promise<Record<string, unknown>> {
  for (const key of keys) {
    const value = await object[key];
    if (value === undefined) {
      continue;
    }
    if (key === 'path' && typeof value === 'string') {
      return { path: isAbsolute(value) ? relative(workspaceRoot, value) : value };
    }
    return { [key]: await toPlainValue(value, workspaceRoot) };
  }
  return {};
}
