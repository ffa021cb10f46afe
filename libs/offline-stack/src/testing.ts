/**
 * For tests that run programs under Jest: Jest keeps its own module registry,
 * which Node's `require.cache` does not reach, so the same program (and a fresh
 * copy of the SDKs it imports) is loaded in an isolated registry each run.
 * Pass as `runStackOffline({ loadProgram: loadProgramInJestIsolation })`.
 */
export function loadProgramInJestIsolation(program: string): unknown {
  let exported: unknown;
  jest.isolateModules(() => {
    exported = jest.requireActual(program);
  });
  return exported;
}
