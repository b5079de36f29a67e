import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { StackStatus } from '../../../src/api.js';
import type { ConsoleData } from '../../../src/ui/console-data.js';
import { startUi, type RunningUi } from '../../../src/ui/start-ui.js';

/** The console's guard on a real server on 127.0.0.1, with canned data: no Kafka needed. */

const token = 'a'.repeat(48);
const status = { project: 'demo', mode: 'kraft', services: [], bootstrapServers: { host: ['localhost:9092'], containers: ['kafka-1:19092'] }, activeController: 1, healthy: true, connectors: null } satisfies StackStatus;
const data: ConsoleData = {
  status: async () => status,
  topics: async () => [],
  topic: async (name) => ({ name, partitions: 1, replicationFactor: 1, partitionDetails: [], config: {}, declared: false }),
  clientEnv: async () => ({ bootstrap: ['localhost:9092'], protocol: 'PLAINTEXT' }),
  browse: async (topic, request) => {
    browsed.push({ topic, request });
    return [{ topic, partition: 0, offset: '3', timestamp: '0', key: { hex: 'ff00' }, value: 'v', headers: [['trace', 'abc']] }];
  },
  groups: async () => [],
  tail: async (topic, onMessage, signal) => {
    onMessage({ topic, partition: 0, offset: '7', timestamp: '0', key: null, value: 'hello' });
    await new Promise((resolve) => signal.addEventListener('abort', resolve));
  },
  produce: async (topic, message) => void produced.push({ topic, ...message }),
};
const produced: unknown[] = [];
const browsed: unknown[] = [];

let ui: RunningUi;
beforeAll(async () => {
  ui = await startUi({ data, token });
});
afterAll(() => ui.close());

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

function send(path: string, headers: Record<string, string> = {}, method = 'GET', body?: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const { host = `127.0.0.1:${ui.port}`, ...others } = headers;
    // An empty Host means none at all: Node would otherwise write its own.
    const request = httpRequest({ host: '127.0.0.1', port: ui.port, path, method, setHost: false, headers: { ...(host && { host }), ...others } }, (response) => {
      let body = '';
      response.on('data', (chunk: Buffer) => (body += chunk.toString()));
      response.on('end', () => resolve({ status: response.statusCode!, headers: response.headers, body }));
    });
    request.on('error', reject);
    request.end(body);
  });
}

const cookie = () => `kafka_dev_ui_${ui.port}=${token}`;

describe('startUi', () => {
  test('prints a URL on 127.0.0.1 with the token', () => {
    expect(ui.url).toBe(`http://127.0.0.1:${ui.port}/?token=${token}`);
  });

  test('the URL with the token sets an HttpOnly, SameSite=Strict cookie and drops the token from the address', async () => {
    const answer = await send(`/?token=${token}`);
    expect(answer.status).toBe(303);
    expect(answer.headers.location).toBe('/');
    expect(answer.headers['set-cookie']).toEqual([`kafka_dev_ui_${ui.port}=${token}; HttpOnly; SameSite=Strict; Path=/`]);
  });

  test('with the cookie, pages and the API answer', async () => {
    const page = await send('/', { cookie: cookie() });
    expect(page.status).toBe(200);
    expect(page.body).toContain('<main id="page"');
    expect(page.headers['content-security-policy']).toContain("default-src 'self'");
    const answer = await send('/api/status', { cookie: cookie() });
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toEqual(status);
    expect(JSON.parse((await send('/api/groups', { cookie: cookie() })).body)).toEqual([]);
  });

  test('localhost and [::1] with the right port are this console too', async () => {
    expect((await send('/api/status', { cookie: cookie(), host: `localhost:${ui.port}` })).status).toBe(200);
    expect((await send('/api/status', { cookie: cookie(), host: `[::1]:${ui.port}` })).status).toBe(200);
  });

  test.each([
    ['no token at all', '/api/status', {}],
    ['a wrong token in the URL', `/api/status?token=${'b'.repeat(48)}`, {}],
    ['a shorter token in the URL', '/api/status?token=aaaa', {}],
    ['a wrong cookie', '/api/status', { cookie: `kafka_dev_ui_${0}=${token}` }],
  ])('refuses a request with %s (401)', async (_, path, headers) => {
    const answer = await send(path, headers);
    expect(answer.status).toBe(401);
    expect(JSON.parse(answer.body).error).toContain('token');
  });

  test.each([
    ['a DNS-rebinding name', 'evil.example:PORT'],
    ['a loopback name with another port', 'localhost:1'],
    ['a loopback IP without a port', '127.0.0.1'],
    ['a LAN address', '192.168.1.10:PORT'],
  ])('refuses a non-loopback Host: %s (403), even with the token', async (_, host) => {
    const answer = await send(`/api/status?token=${token}`, { cookie: cookie(), host: host.replace('PORT', String(ui.port)) });
    expect(answer.status).toBe(403);
    expect(JSON.parse(answer.body).error).toContain('Host');
  });

  test('refuses a request without a Host header (400, from Node before the console sees it)', async () => {
    expect((await send(`/api/status?token=${token}`, { cookie: cookie(), host: '' })).status).toBe(400);
  });

  test.each([
    ['a GET from another site', 'GET', { origin: 'https://evil.example' }],
    ['an event stream opened by another site', 'GET', { origin: 'https://evil.example', accept: 'text/event-stream' }],
    ['an event stream from another port of this machine', 'GET', { origin: 'http://127.0.0.1:1', accept: 'text/event-stream' }],
    ['a POST from another site', 'POST', { origin: 'https://evil.example' }],
    ['a POST without an Origin', 'POST', {}],
    ['a request the browser marks cross-site', 'POST', { origin: 'ORIGIN', 'sec-fetch-site': 'cross-site' }],
  ])('refuses %s (403), even with the cookie', async (_, method, headers) => {
    const answer = await send('/api/status', { ...headers, cookie: cookie(), origin: (headers as { origin?: string }).origin?.replace('ORIGIN', `http://127.0.0.1:${ui.port}`) ?? '' }, method);
    expect(answer.status).toBe(403);
    expect(JSON.parse(answer.body).error).toMatch(/Origin|origin/);
  });

  test("a POST from the console's own page produces the message", async () => {
    const answer = await send('/api/topics/orders/messages', { cookie: cookie(), origin: `http://127.0.0.1:${ui.port}` }, 'POST', JSON.stringify({ key: 'k', value: '{"id":1}' }));
    expect(answer.status).toBe(200);
    expect(produced).toEqual([{ topic: 'orders', key: 'k', value: '{"id":1}' }]);
  });

  test.each([
    ['no JSON', 'value=1', 'value: expected a JSON body'],
    ['no value', '{"key":"k"}', 'value: expected a JSON body'],
    ['a value of two lines', '{"value":"a\\nb"}', 'value: got a line break'],
    ['a key with a tab', '{"key":"a\\tb","value":"v"}', 'key: got a tab or line break'],
    ['a key that is not text', '{"key":1,"value":"v"}', 'key: got number, expected a string'],
  ])('a produce with %s is refused naming the field (400), and nothing is sent', async (_, body, error) => {
    const before = produced.length;
    const answer = await send('/api/topics/orders/messages', { cookie: cookie(), origin: `http://127.0.0.1:${ui.port}` }, 'POST', body);
    expect(answer.status).toBe(400);
    expect(JSON.parse(answer.body).error).toContain(error);
    expect(produced.length).toBe(before);
  });

  test("a POST with headers sends them in the form's order", async () => {
    const before = produced.length;
    const answer = await send('/api/topics/orders/messages', { cookie: cookie(), origin: `http://127.0.0.1:${ui.port}` }, 'POST', JSON.stringify({ value: 'v', headers: [['trace', '1'], ['trace', '2']] }));
    expect(answer.status).toBe(200);
    expect(produced.slice(before)).toEqual([{ topic: 'orders', value: 'v', headers: [['trace', '1'], ['trace', '2']] }]);
  });

  test.each([
    ['headers that are not a list', '{"value":"v","headers":{"a":"b"}}', "headers: got an object, expected a list of [name, value] pairs"],
    ['a header without a name', '{"value":"v","headers":[["","b"]]}', 'headers[0]: got a list, expected a list of [name, value] pairs of text, each with a name'],
    ['a header value that is not text', '{"value":"v","headers":[["a","b"],["c",1]]}', 'headers[1]: got a list'],
  ])('a produce with %s is refused naming the header (400), and nothing is sent', async (_, body, error) => {
    const before = produced.length;
    const answer = await send('/api/topics/orders/messages', { cookie: cookie(), origin: `http://127.0.0.1:${ui.port}` }, 'POST', body);
    expect(answer.status).toBe(400);
    expect(JSON.parse(answer.body).error).toContain(error);
    expect(produced.length).toBe(before);
  });

  test('browsing reads the partition and start of the query, and answers key, headers and value as shown', async () => {
    const answer = await send('/api/topics/orders/messages?partition=1&from=timestamp&timestamp=1700000000000&limit=5', { cookie: cookie() });
    expect(answer.status).toBe(200);
    expect(browsed.at(-1)).toEqual({ topic: 'orders', request: { partition: 1, limit: 5, start: { from: 'timestamp', timestamp: 1700000000000n } } });
    expect(JSON.parse(answer.body)).toEqual([{ topic: 'orders', partition: 0, offset: '3', timestamp: '0', key: { hex: 'ff00' }, value: 'v', headers: [['trace', 'abc']] }]);
  });

  test('a browse with a bad query is refused naming the parameter (400), and nothing is read', async () => {
    const before = browsed.length;
    const answer = await send('/api/topics/orders/messages?from=offset&offset=-3', { cookie: cookie() });
    expect(answer.status).toBe(400);
    expect(JSON.parse(answer.body).error).toBe("offset: got '-3', expected a whole number of at least 0");
    expect(browsed.length).toBe(before);
  });

  test("the lag chart's library is served from the installed package, as JavaScript", async () => {
    const answer = await send('/assets/uplot.js', { cookie: cookie() });
    expect(answer.status).toBe(200);
    expect(answer.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(answer.body).toContain('uPlot');
    expect((await send('/assets/uplot.css', { cookie: cookie() })).headers['content-type']).toBe('text/css; charset=utf-8');
  });

  test('the live tail streams each message as a server-sent event', async () => {
    const event = await new Promise<string>((resolve, reject) => {
      const request = httpRequest({ host: '127.0.0.1', port: ui.port, path: '/api/topics/orders/tail', headers: { host: `127.0.0.1:${ui.port}`, cookie: cookie(), accept: 'text/event-stream' } }, (response) => {
        expect(response.headers['content-type']).toBe('text/event-stream');
        let text = '';
        response.on('data', (chunk: Buffer) => {
          text += chunk.toString();
          if (text.includes('data: ')) {
            request.destroy();
            resolve(text);
          }
        });
      });
      request.on('error', reject);
      request.end();
    });
    expect(event).toContain('data: {"topic":"orders","partition":0,"offset":"7","timestamp":"0","key":null,"value":"hello"}');
  });

  test('an unknown path is 404, not a page', async () => {
    expect((await send('/api/nothing', { cookie: cookie() })).status).toBe(404);
    expect((await send('/../package.json', { cookie: cookie() })).status).toBe(404);
  });
});

describe('startUi binding', () => {
  test('binds to 127.0.0.1 only unless a host is given', async () => {
    const local = await startUi({ data, token });
    try {
      const refused = await new Promise<string>((resolve) => {
        const request = httpRequest({ host: '::1', port: local.port, path: '/' }, () => resolve('answered'));
        request.on('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? 'error'));
        request.end();
      });
      expect(refused).toBe('ECONNREFUSED');
    } finally {
      await local.close();
    }
  });
});
