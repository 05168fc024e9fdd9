/**
 * What to tell the user when the app cannot start, from the error thrown while opening the databases.
 * The usual developer mistake is a better-sqlite3 addon built for Node rather than Electron (or not
 * built at all), so that gets its own hint.
 */
export function startupErrorMessage(
  err: unknown,
  options: { isPackaged: boolean; nativeBinding: string | undefined },
): { title: string; detail: string } {
  const message = err instanceof Error ? err.message : String(err);
  const isNativeProblem =
    /NODE_MODULE_VERSION|was compiled against a different Node\.js version|Could not locate the bindings file|better_sqlite3\.node/u.test(
      message,
    ) ||
    (options.nativeBinding !== undefined && message.includes(options.nativeBinding));
  if (isNativeProblem && !options.isPackaged) {
    return {
      title: 'Offprint could not load its database module',
      detail:
        `better-sqlite3 must be built for Electron before the app can run from a checkout.\n` +
        `Run \`node scripts/build-native.mjs\` (or \`npm start\`, which does it), then start again.\n\n` +
        `Expected: ${options.nativeBinding ?? 'the default build'}\nError: ${message}`,
    };
  }
  if (isNativeProblem) {
    return {
      title: 'Offprint could not load its database module',
      detail: `This installation looks damaged; reinstall Offprint.\n\nError: ${message}`,
    };
  }
  return { title: 'Offprint could not start', detail: `Your articles and reading data were not changed.\n\nError: ${message}` };
}
