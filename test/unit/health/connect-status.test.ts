import { describe, expect, test } from 'vitest';
import { parseConfig } from '../../../src/config/parse.js';
import { connectorStates } from '../../../src/health/connect-status.js';
import { FakeConnect } from '../../fakes/fake-connect.js';

const connectOf = (connectors: { name: string; config: Record<string, string> }[]) =>
  parseConfig({ connect: { port: 18083, connectors } }, { source: 'test', defaultName: 'app', env: {} }).connect;

describe('connectorStates', () => {
  test('every connector Connect runs with its tasks, asked of worker 1, and whether the config declares it', async () => {
    const connect = new FakeConnect();
    connect.connectors.set('old', { 'connector.class': 'FileStreamSink', name: 'old' });
    connect.connectors.set('files-in', { 'connector.class': 'FileStreamSource', name: 'files-in' });
    connect.statuses.set('old', { name: 'old', connector: { state: 'RUNNING', worker_id: 'w' }, tasks: [{ id: 0, state: 'FAILED', worker_id: 'w', trace: 'x' }] });
    const urls: string[] = [];
    const states = await connectorStates(connectOf([{ name: 'files-in', config: { 'connector.class': 'FileStreamSource' } }]), (url) => {
      urls.push(url);
      return connect;
    });
    expect(urls).toEqual(['http://127.0.0.1:18083']);
    expect(states).toEqual([
      { name: 'files-in', state: 'RUNNING', tasks: [{ id: 0, state: 'RUNNING' }], declared: true },
      { name: 'old', state: 'RUNNING', tasks: [{ id: 0, state: 'FAILED' }], declared: false },
    ]);
  });

  test('null without Connect in the config, and while Connect does not answer', async () => {
    expect(await connectorStates(undefined)).toBeNull();
    const silent = new FakeConnect();
    silent.listConnectors = async () => {
      throw new Error('GET /connectors got no answer (ECONNREFUSED)');
    };
    expect(await connectorStates(connectOf([]), () => silent)).toBeNull();
  });
});
