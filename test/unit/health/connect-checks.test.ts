import { describe, expect, test } from 'vitest';
import { parseConfig } from '../../../src/config/parse.js';
import { connectCheck } from '../../../src/health/connect-checks.js';
import type { DoctorContext } from '../../../src/health/doctor-checks.js';
import { FakeConnect } from '../../fakes/fake-connect.js';

const contextOf = (connect?: object) =>
  ({ config: parseConfig(connect ? { connect } : {}, { source: 'test', defaultName: 'app', env: {} }) }) as DoctorContext;

describe('doctor: Kafka Connect', () => {
  test('applies only with Connect; passes when every connector and task runs', async () => {
    expect(connectCheck().appliesTo?.(contextOf().config)).toBe(false);
    expect(connectCheck().appliesTo?.(contextOf({}).config)).toBe(true);
    const connect = new FakeConnect();
    connect.connectors.set('files-in', { 'connector.class': 'FileStreamSource', name: 'files-in' });
    expect(await connectCheck(() => connect).run(contextOf({}))).toEqual({ verdict: 'pass', detail: '1 connector running on http://127.0.0.1:8083' });
  });

  test('a failed task fails the check with the start of its trace', async () => {
    const connect = new FakeConnect();
    connect.connectors.set('files-out', { 'connector.class': 'FileStreamSink', name: 'files-out' });
    connect.statuses.set('files-out', {
      name: 'files-out',
      connector: { state: 'RUNNING', worker_id: 'w' },
      tasks: [{ id: 0, state: 'FAILED', worker_id: 'w', trace: 'org.apache.kafka.connect.errors.ConnectException: no file\n\tat X.start(X.java:1)' }],
    });
    const result = await connectCheck(() => connect).run(contextOf({}));
    expect(result.verdict).toBe('fail');
    expect(result.detail).toBe('failed: files-out task 0: org.apache.kafka.connect.errors.ConnectException: no file');
  });
});
