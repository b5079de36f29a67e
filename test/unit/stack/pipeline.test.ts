import { describe, expect, test } from 'vitest';
import { Pipeline } from '../../../src/stack/pipeline.js';

const signal = new AbortController().signal;

describe('Pipeline', () => {
  test('each step receives what the step before it handed on, and the last value is the result', async () => {
    const pipeline = Pipeline.from(2)
      .step('Double', async (n) => ({ value: n * 2, summary: `${n} doubled` }))
      .check('Look', async (n) => `saw ${n}`)
      .step('Describe', async (n) => ({ value: `four is ${n}`, summary: 'described' }));
    const summaries = [];
    for (const step of pipeline.steps) summaries.push(`${step.title}: ${await step.run(signal)}`);
    expect(summaries).toEqual(['Double: 2 doubled', 'Look: saw 4', 'Describe: described']);
    await expect(pipeline.result()).resolves.toBe('four is 4');
  });

  test('a step run before the one it depends on waits for that value instead of reading nothing', async () => {
    const pipeline = Pipeline.from('a').step('First', async (value) => ({ value: `${value}b`, summary: '' }));
    const [first, second] = pipeline.check('Second', async (value) => value).steps;
    const early = second!.run(signal);
    await first!.run(signal);
    await expect(early).resolves.toBe('ab');
  });

  test('adding a step leaves the pipeline it was added to as it was', () => {
    const base = Pipeline.from(1).check('One', async () => '');
    base.check('Two', async () => '');
    expect(base.steps.map((step) => step.title)).toEqual(['One']);
  });
});
