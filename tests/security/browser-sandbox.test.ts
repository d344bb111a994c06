// The reader's sandbox in Chromium: one run leaves nothing for the next, and a reply the tracer did not
// make (forged in the interpreter's frame) is refused with a clear error while the page stays responsive,
// and the next run gets a fresh interpreter.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { interpreterFrame, openPlayground, playgroundVerdict, runInPlayground } from '../site/playground-harness.ts';
import { useBuiltSite } from '../site/site-harness.ts';

const site = useBuiltSite();

/** The playground, its first run finished. */
async function openAfterFirstRun(): Promise<{ page: Page; errors: string[] }> {
  const opened = await openPlayground(site, { colorScheme: 'light' });
  await playgroundVerdict(opened.page);
  return opened;
}

describe("the reader's sandbox", () => {
  it("a run leaves nothing for the next: builtins, modules and the tracer's own state are as they were", async () => {
    const { page, errors } = await openAfterFirstRun();
    assert.match(
      await runInPlayground(
        page,
        'import builtins, sys\nbuiltins.leaked = 1\nsys.modules["planted"] = sys\nsys.setrecursionlimit(50)',
      ),
      /^Ran/,
    );
    const status = await runInPlayground(
      page,
      'import sys\nseen = "left %s %s %s" % (hasattr(__builtins__, "leaked"), "planted" in sys.modules, ' +
        'sys.getrecursionlimit() == 50)',
    );
    assert.match(status, /^Ran/);
    const drawn = (await page.locator('#playground svg.memlane-diagram text').allTextContents()).join(' ');
    assert.match(drawn, /left False False False/, drawn);
    assert.deepEqual(errors, []);
    await page.context().close();
  });

  it(
    "a forged reply from the interpreter's frame is refused with an error, the page stays responsive, and " +
      'the next run is drawn',
    async () => {
      const { page, errors } = await openAfterFirstRun();
      const frame = await interpreterFrame(page);
      // Code in the frame answers the next run itself, before the interpreter can: first a trace of
      // 41 MiB (over the cap), then, for the run after, a trace that is no JSON at all.
      await frame.evaluate(() => {
        const forged = [
          (id: number) => ({
            kind: 'trace',
            id,
            json: `[${'0,'.repeat(21 * 2 ** 20)}0]`,
            memoryBytes: 0,
            memoryLimitHit: false,
            clean: true,
          }),
          (id: number) => ({
            kind: 'trace',
            id,
            json: '{"version": 1, "steps": [',
            memoryBytes: 0,
            memoryLimitHit: false,
            clean: true,
          }),
        ];
        const send = Worker.prototype.postMessage;
        Worker.prototype.postMessage = function (
          this: Worker,
          message: { kind?: string; id?: number },
          ...rest: unknown[]
        ) {
          const forge = message?.kind === 'run' ? forged.shift() : undefined;
          if (forge) parent.postMessage({ from: 'worker', message: forge(message.id!) }, '*');
          else (send as (...args: unknown[]) => void).call(this, message, ...rest);
        } as typeof Worker.prototype.postMessage;
      });
      assert.match(await runInPlayground(page, 'x = [1, 2]'), /^The run failed/);
      assert.match(
        (await page.getByRole('alert').textContent())!,
        /the sandbox sent an invalid trace: it is 42 MiB, more than the 40 MiB a trace may be/,
      );
      // The page's thread answers while the diagram worker holds the reply.
      assert.equal(await page.evaluate(() => 6 * 7), 42);
      assert.match(await runInPlayground(page, 'y = [3]'), /^The run failed/);
      assert.match((await page.getByRole('alert').textContent())!, /the sandbox sent an invalid trace: not JSON/);
      // The frame's forgeries are spent; the interpreter it restarted draws the next run.
      assert.match(await runInPlayground(page, 'z = [4, 5]'), /^Ran/);
      const drawn = await page.locator('#playground svg.memlane-diagram text').allTextContents();
      assert.ok(drawn.includes('z'), drawn.join(' '));
      assert.deepEqual(errors, []);
      await page.context().close();
    },
  );
});
