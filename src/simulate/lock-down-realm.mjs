// The sandbox process's JavaScript realm once its interpreter is loaded: nothing reachable from it can signal
// a process, open a socket or the inspector, load a module or reach Node's bindings. The host script keeps what
// it took before (process.send and its listeners); code that arrives later, a snippet that found a way into
// JavaScript, finds only the language and the web's harmless globals. The process also runs with
// --disallow-code-generation-from-strings (no eval, no new Function) under Node's permission model
// (no files beyond its own, no child processes, workers or add-ons).
import * as nodeModule from 'node:module';

/** What the process object offers that acts outside the process or reaches Node's insides. */
const PROCESS_CAPABILITIES = [
  'kill',
  '_kill',
  '_debugProcess',
  '_debugEnd',
  'binding',
  '_linkedBinding',
  'dlopen',
  'getBuiltinModule',
  'report',
  'setuid',
  'setgid',
  'seteuid',
  'setegid',
  'setgroups',
  'initgroups',
  'chdir',
  'umask',
  'loadEnvFile',
  'openStdin',
  '_startProfilerIdleNotifier',
  '_stopProfilerIdleNotifier',
  'mainModule',
  'execve',
  'stdin',
  'stdout',
  'stderr',
  '_getActiveHandles',
  '_getActiveRequests',
  'getActiveResourcesInfo',
  'setSourceMapsEnabled',
  'permission',
];

/** Globals that reach the network, other threads, or Node streams (console holds the stderr pipe's socket). */
const OUTSIDE_GLOBALS = [
  'fetch',
  'Request',
  'Response',
  'Headers',
  'FormData',
  'WebSocket',
  'EventSource',
  'XMLHttpRequest',
  'BroadcastChannel',
  'MessageChannel',
  'MessagePort',
  'MessageEvent',
  'Worker',
  'SharedWorker',
  'navigator',
];

function remove(object, name) {
  if (!(name in object)) return;
  if (!Reflect.deleteProperty(object, name)) {
    Reflect.defineProperty(object, name, { value: undefined, writable: false, configurable: false });
  }
}

/**
 * Takes the capabilities away; from then on `globalThis.process` and `console` are inert stand-ins.
 * Pre: the interpreter and tracer are loaded and the host holds every function it needs of `process`.
 * Post: no module can be loaded any more (where Node has synchronous module hooks, 22.15 and later).
 */
export function lockDownRealm() {
  nodeModule.registerHooks?.({
    resolve(specifier) {
      throw new Error(`memlane: the sandbox loads no module once its interpreter is ready (asked for ${specifier})`);
    },
  });
  const { process } = globalThis;
  for (const name of PROCESS_CAPABILITIES) remove(process, name);
  for (const name of OUTSIDE_GLOBALS) remove(globalThis, name);
  const silent = () => {};
  const standIns = {
    process: Object.freeze({
      env: Object.freeze({}),
      argv: Object.freeze([]),
      platform: process.platform,
      versions: Object.freeze({}),
    }),
    console: Object.freeze({ log: silent, info: silent, warn: silent, error: silent, debug: silent, trace: silent }),
  };
  for (const [name, value] of Object.entries(standIns)) {
    Reflect.defineProperty(globalThis, name, { value, writable: false, configurable: false, enumerable: false });
  }
}
