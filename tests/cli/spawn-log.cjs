// Test preload (NODE_OPTIONS=--require): writes the arguments of every process the CLI spawns to
// $MEMLANE_SPAWN_LOG, one JSON line each, so a test knows for certain whether a server was started.
const { appendFileSync } = require('node:fs');
const childProcess = require('node:child_process');
const { syncBuiltinESMExports } = require('node:module');

const spawn = childProcess.spawn;
childProcess.spawn = function loggedSpawn(command, args, ...rest) {
  appendFileSync(process.env.MEMLANE_SPAWN_LOG, `${JSON.stringify(Array.isArray(args) ? args : [])}\n`);
  return spawn.call(this, command, args, ...rest);
};
// `import('node:child_process')` in the CLI sees the wrapper too.
syncBuiltinESMExports();
