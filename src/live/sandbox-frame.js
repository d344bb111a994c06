// The sandboxed frame's script (inlined into the frame's srcdoc, which has an opaque origin and a
// CSP that allows no request at all). It starts the interpreter's worker from the bytes the page
// handed over, passes runs to it, and ends and restarts a worker that outlives its time limit.
(() => {
  /** After the time limit, how long CPython gets to notice the interrupt before its worker is ended. */
  const GRACE_MS = 2000;
  let start;
  let worker;
  let running;
  let timer;
  const toPage = (message) => parent.postMessage(message, '*');

  function spawn() {
    const url = URL.createObjectURL(new Blob([start.modules['trace-worker.mjs']], { type: 'text/javascript' }));
    worker = new Worker(url);
    URL.revokeObjectURL(url);
    const own = worker;
    own.onmessage = ({ data }) => {
      if (own !== worker) return;
      if (running && data && data.id === running) {
        clearTimeout(timer);
        running = undefined;
      }
      toPage({ from: 'worker', message: data });
    };
    own.onerror = (event) => {
      if (own === worker)
        toPage({ from: 'frame', kind: 'crashed', message: String(event.message || 'the interpreter stopped') });
    };
    worker.postMessage(start);
  }

  function restart() {
    clearTimeout(timer);
    running = undefined;
    worker.terminate();
    spawn();
  }

  addEventListener('message', ({ data, source }) => {
    if (source !== parent || typeof data !== 'object' || data === null) return;
    if (data.kind === 'start' && !start) {
      start = data;
      spawn();
    } else if (data.kind === 'run' && start) {
      running = data.id;
      worker.postMessage(data);
      timer = setTimeout(() => {
        toPage({ from: 'frame', kind: 'killed', id: data.id });
        restart();
      }, data.options.timeoutMs + GRACE_MS);
    } else if (data.kind === 'restart' && start) {
      restart();
    }
  });
  toPage({ from: 'frame', kind: 'loaded' });
})();
