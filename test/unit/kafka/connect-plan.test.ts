import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { describeConnectorsPlan, planConnectors, summarizeConnectorsPlan, type ConnectorConfig, type DeclaredConnector } from '../../../src/kafka/connect-plan.js';

const source: DeclaredConnector = { name: 'files-in', config: { 'connector.class': 'FileStreamSource', file: '/data/in.txt', topic: 'lines' } };
const sink: DeclaredConnector = { name: 'files-out', config: { 'connector.class': 'FileStreamSink', file: '/data/out.txt', topics: 'lines' } };
/** Connect returns a connector's config with its name in it. */
const asStored = ({ name, config }: DeclaredConnector): [string, ConnectorConfig] => [name, { ...config, name }];

describe('planConnectors', () => {
  test('creates what Connect lacks, updates what differs and leaves equal ones alone', () => {
    const changedSink = { ...sink, config: { ...sink.config, file: '/data/other.txt' } };
    const plan = planConnectors([source, changedSink], new Map([asStored(source), asStored(sink)]));
    expect(plan.create).toEqual([]);
    expect(plan.unchanged).toEqual(['files-in']);
    expect(plan.update).toEqual([{ connector: changedSink, changes: [{ key: 'file', from: '/data/out.txt', to: '/data/other.txt' }] }]);
    expect(describeConnectorsPlan(plan)).toEqual(['files-out: update (file: /data/out.txt -> /data/other.txt)']);
  });

  test('a key only the running connector has is a change back to unset', () => {
    const running: [string, ConnectorConfig] = ['files-in', { ...source.config, name: 'files-in', 'tasks.max': '2' }];
    const plan = planConnectors([source], new Map([running]));
    expect(plan.update[0]?.changes).toEqual([{ key: 'tasks.max', from: '2', to: null }]);
  });

  test('undeclared connectors are deleted only when pruning', () => {
    const actual = new Map([asStored(source), asStored(sink)]);
    const kept = planConnectors([source], actual);
    expect(kept).toMatchObject({ remove: [], undeclared: ['files-out'] });
    expect(summarizeConnectorsPlan(kept)).toBe('1 connector: 0 created, 0 updated, 1 unchanged, 1 not declared (left alone; --prune deletes)');
    const pruned = planConnectors([source], actual, { prune: true });
    expect(pruned).toMatchObject({ remove: ['files-out'], undeclared: [] });
    expect(describeConnectorsPlan(pruned)).toEqual(['files-out: not declared, delete']);
  });

  test('applying a plan leaves Connect holding exactly the declared connectors, and planning again changes nothing', () => {
    const config = fc.dictionary(fc.constantFrom('connector.class', 'file', 'topic', 'tasks.max'), fc.constantFrom('a', 'b', '1'));
    const connectors = fc.uniqueArray(fc.record({ name: fc.constantFrom('a', 'b', 'c', 'd'), config }), { selector: (connector) => connector.name });
    fc.assert(
      fc.property(connectors, connectors, (declared, running) => {
        const actual = new Map(running.map(asStored));
        const plan = planConnectors(declared, actual, { prune: true });
        for (const name of plan.remove) actual.delete(name);
        for (const connector of [...plan.create, ...plan.update.map((item) => item.connector)]) actual.set(...asStored(connector));
        expect(new Map([...actual].sort())).toEqual(new Map(declared.map(asStored).sort()));
        const again = planConnectors(declared, actual, { prune: true });
        expect(again.create.length + again.update.length + again.remove.length).toBe(0);
      }),
    );
  });
});
