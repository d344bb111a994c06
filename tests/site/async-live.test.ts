// async code in the reader's browser: the worker's interpreter (the same tracer and lockdown as the build's)
// runs asyncio on its virtual-clock loop, prints what CPython prints and draws the loop and its coroutines.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { encodeCode } from '../../src/page/share-link.ts';
import { openPlayground, playgroundVerdict } from './playground-harness.ts';
import { useBuiltSite } from './site-harness.ts';

const site = useBuiltSite();

const program = `import asyncio


async def fetch(name, seconds):
    await asyncio.sleep(seconds)
    print(name, "done")
    return name


async def main():
    return await asyncio.gather(fetch("slow", 2), fetch("quick", 1))


print(asyncio.run(main()))
`;

describe('async code in the browser', () => {
  it("a program with gather and sleeps runs in the playground, in CPython's order, with the loop drawn", async () => {
    const { page, errors } = await openPlayground(site, { hash: `#code=${encodeCode(program)}` });
    assert.match(await playgroundVerdict(page), /^Ran/);
    const printed = await page.locator('#playground .memlane-output-text').textContent();
    assert.equal(printed?.trim(), "quick done\nslow done\n['slow', 'quick']");
    const drawn = await page.locator('#playground svg.memlane-diagram text').allTextContents();
    assert.ok(drawn.includes('event loop'), 'the event loop frame is drawn');
    assert.ok(
      drawn.some((text) => text.startsWith('coroutine fetch')),
      drawn.join(' | '),
    );
    assert.deepEqual(errors, []);
    await page.context().close();
  });
});
