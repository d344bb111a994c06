// While a simulator is open, its process ignores SIGUSR1. By default Node opens its inspector on that signal,
// and a process with an open inspector runs whatever code reaches the port: anything that can signal the
// process (any process of the user's) could then act with the rights of the build, the CLI or the server.

let holders = 0;
const ignore = (): void => {};

/** Keeps SIGUSR1 from opening the inspector until every holder has let go; returns the release. */
export function holdInspectorShut(): () => void {
  if (process.platform === 'win32') return () => {};
  if (holders++ === 0) process.on('SIGUSR1', ignore);
  let released = false;
  return () => {
    if (released) return;
    released = true;
    if (--holders === 0) process.off('SIGUSR1', ignore);
  };
}
