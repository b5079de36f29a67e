// kafka-dev ui: plain DOM, no framework. Every value from Kafka goes in as text, never as HTML.

/** `el('td', { class: 'x' }, 'text', child)`. */
function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (name.startsWith('on')) node.addEventListener(name.slice(2), value);
    else if (value !== undefined && value !== null && value !== false) node.setAttribute(name, String(value));
  }
  for (const child of children.flat()) node.append(child instanceof Node ? child : document.createTextNode(String(child ?? '')));
  return node;
}

function table(headers, rows) {
  return el('table', {}, el('thead', {}, el('tr', {}, headers.map((header) => el('th', {}, header)))), el('tbody', {}, rows.map((cells) => el('tr', {}, cells.map((cell) => el('td', {}, cell))))));
}

async function api(path) {
  const response = await fetch(`/api/${path}`, { headers: { accept: 'application/json' } });
  const body = await response.json();
  if (!response.ok) throw new Error(body.error ?? response.statusText);
  return body;
}

function copyable(text) {
  return el('span', {}, el('code', {}, text), el('button', { class: 'copy', type: 'button', title: 'Copy', onclick: () => navigator.clipboard?.writeText(text) }, 'copy'));
}

const badge = (text, kind) => el('span', { class: `badge ${kind}` }, text);

function nodeCard(service, activeController) {
  const leads = service.nodeId !== null && service.nodeId === activeController;
  return el(
    'div',
    { class: `node ${service.state === 'running' ? service.health : 'stopped'}`, 'data-service': service.service, 'data-health': service.state === 'running' ? service.health : 'stopped' },
    el('div', { class: 'role' }, service.role, service.nodeId !== null ? ` · node ${service.nodeId}` : ''),
    el('div', {}, el('strong', {}, service.service), leads ? ' ' : '', leads ? badge('controller', 'good') : ''),
    el('div', {}, service.state, ' · ', service.health),
    service.inSync === false ? el('div', {}, badge('catching up', 'warn')) : '',
    el('div', { class: 'role' }, service.status),
  );
}

async function clusterPage() {
  const [status, env] = await Promise.all([api('status'), api('env').catch((error) => ({ error: error.message }))]);
  document.getElementById('project').textContent = `${status.project} · ${status.mode}`;
  return [
    el('h2', {}, 'Nodes ', status.healthy ? badge('ready', 'good') : badge('not ready', 'bad')),
    el('div', { class: 'nodes', id: 'nodes' }, status.services.map((service) => nodeCard(service, status.activeController))),
    el('h2', {}, 'Bootstrap servers'),
    table(['From', 'Addresses'], [
      ['the host (OUTSIDE)', copyable(status.bootstrapServers.host.join(','))],
      ['containers (INSIDE)', copyable(status.bootstrapServers.containers.join(','))],
    ]),
    el('p', {}, 'Active controller: ', status.activeController ?? 'unknown'),
    ...status.services.filter((service) => service.endpoints.length > 0).map((service) =>
      table([`${service.service}`, 'Address'], service.endpoints.flatMap((endpoint) => [[`${endpoint.name} from the host`, copyable(endpoint.host)], [`${endpoint.name} from containers`, copyable(endpoint.containers)]])),
    ),
    el('h2', {}, 'Client settings (kafka-dev env)'),
    env.error ? el('p', { class: 'error' }, env.error) : table(['Setting', 'Value'], clientRows(env)),
  ];
}

function clientRows(settings) {
  return [
    ['bootstrap.servers', copyable(settings.bootstrap.join(','))],
    ['security.protocol', copyable(settings.protocol)],
    ...(settings.sasl ? [['sasl.mechanism', copyable(settings.sasl.mechanism)], ['username', copyable(settings.sasl.username)], ['password', copyable(settings.sasl.password)]] : []),
    ...(settings.tls ? Object.entries(settings.tls).map(([name, file]) => [name, copyable(file)]) : []),
  ];
}

async function topicsPage() {
  const topics = await api('topics');
  const health = (topic) => (!topic.exists ? badge('not created', 'warn') : topic.offline > 0 ? badge(`${topic.offline} offline`, 'bad') : topic.underReplicated > 0 ? badge(`${topic.underReplicated} under-replicated`, 'warn') : badge('ok', 'good'));
  return [
    el('h2', {}, `Topics (${topics.length})`),
    table(['Topic', 'Partitions', 'Replication', 'Health', 'Declared in config'], topics.map((topic) => [
      topic.exists ? el('a', { href: `#/topics/${encodeURIComponent(topic.name)}` }, topic.name) : topic.name,
      topic.partitions ?? '-',
      topic.replicationFactor ?? '-',
      health(topic),
      topic.declared ? 'yes' : 'no',
    ])),
  ];
}

async function topicPage(name) {
  const topic = await api(`topics/${encodeURIComponent(name)}`);
  const settings = Object.entries(topic.config);
  return [
    el('h2', {}, topic.name, ' ', topic.declared ? badge('declared in config', 'good') : badge('not in config', 'warn')),
    el('p', {}, `${topic.partitions} partitions, replication factor ${topic.replicationFactor} · `, el('a', { href: `#/topics/${encodeURIComponent(topic.name)}/messages` }, 'Messages: browse, tail, produce')),
    table(['Partition', 'Leader', 'Replicas', 'ISR', ''], topic.partitionDetails.map((partition) => [
      partition.partition,
      partition.leader < 0 ? 'none' : partition.leader,
      partition.replicas.join(', '),
      partition.isr.join(', '),
      partition.leader < 0 ? badge('offline', 'bad') : partition.isr.length < partition.replicas.length ? badge('under-replicated', 'warn') : '',
    ])),
    el('h2', {}, 'Settings set on the topic (not defaults)'),
    settings.length ? table(['Setting', 'Value'], settings.map(([key, value]) => [el('strong', {}, key), value])) : el('p', {}, 'None: every setting is the broker default.'),
  ];
}

/** UTF-8 text as it is, JSON pretty-printed, anything with control characters as hex. */
function formatValue(value) {
  if (value === null) return el('em', {}, 'null');
  try {
    const parsed = JSON.parse(value);
    if (typeof parsed === 'object' && parsed !== null) return el('pre', { class: 'json' }, JSON.stringify(parsed, null, 2));
  } catch {}
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0008\u000e-\u001f\ufffd]/.test(value)) return el('code', { class: 'hex' }, [...new TextEncoder().encode(value)].map((byte) => byte.toString(16).padStart(2, '0')).join(' '));
  return value;
}

const messageRow = (message) => [message.partition, message.offset, new Date(Number(message.timestamp)).toISOString(), message.key ?? '', formatValue(message.value)];
const messageHeaders = ['Partition', 'Offset', 'Timestamp', 'Key', 'Value'];

let closeTail = () => {};

async function messagesPage(name) {
  const tailBody = el('tbody', { id: 'tail' });
  const tailState = el('span', { class: 'badge warn', id: 'tail-state' }, 'connecting');
  const source = new EventSource(`/api/topics/${encodeURIComponent(name)}/tail`);
  source.onopen = () => { tailState.textContent = 'live'; tailState.className = 'badge good'; };
  source.onmessage = (event) => tailBody.prepend(el('tr', {}, messageRow(JSON.parse(event.data)).map((cell) => el('td', {}, cell))));
  source.addEventListener('failure', (event) => { tailState.textContent = JSON.parse(event.data).error; tailState.className = 'badge bad'; source.close(); });
  closeTail = () => source.close();

  const browsed = el('div', { id: 'browsed' });
  const browse = async () => {
    browsed.replaceChildren(el('p', {}, 'Reading…'));
    try {
      const messages = await api(`topics/${encodeURIComponent(name)}/messages`);
      browsed.replaceChildren(messages.length ? table(messageHeaders, messages.map(messageRow)) : el('p', {}, 'The topic is empty.'));
    } catch (error) {
      browsed.replaceChildren(el('p', { class: 'error' }, error.message));
    }
  };

  const sent = el('span', { id: 'produce-result' });
  const form = el('form', { id: 'produce', onsubmit: async (event) => {
    event.preventDefault();
    const fields = new FormData(form);
    const response = await fetch(`/api/topics/${encodeURIComponent(name)}/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ key: fields.get('key') || undefined, value: fields.get('value') }) });
    const body = await response.json();
    sent.textContent = response.ok ? 'sent' : body.error;
    sent.className = response.ok ? 'badge good' : 'error';
  } },
    el('label', {}, 'Key ', el('input', { name: 'key' })), ' ',
    el('label', {}, 'Value ', el('input', { name: 'value', required: true, size: 50 })), ' ',
    el('button', { type: 'submit' }, 'Produce'), ' ', sent);

  return [
    el('h2', {}, 'Messages of ', el('a', { href: `#/topics/${encodeURIComponent(name)}` }, name)),
    el('h2', {}, 'Produce'), form,
    el('h2', {}, 'Live tail (newest first) ', tailState), el('table', {}, el('thead', {}, el('tr', {}, messageHeaders.map((header) => el('th', {}, header)))), tailBody),
    el('h2', {}, 'From the beginning (first 100) ', el('button', { type: 'button', id: 'browse', onclick: browse }, 'Read')), browsed,
  ];
}

async function groupsPage() {
  const groups = await api('groups');
  if (groups.length === 0) return [el('h2', {}, 'Consumer groups'), el('p', {}, 'No consumer group yet.')];
  return groups.flatMap((group) => {
    const lag = group.offsets.reduce((sum, offset) => sum + offset.lag, 0);
    return [
      el('h2', { 'data-group': group.groupId }, group.groupId, ' ', badge(group.state, group.state.toLowerCase() === 'stable' ? 'good' : 'warn'), ' ', el('span', { class: `badge ${lag > 0 ? 'warn' : 'good'}`, 'data-lag': lag }, `lag ${lag}`)),
      group.members.length
        ? table(['Member', 'Client', 'Host', 'Partitions'], group.members.map((member) => [member.memberId, member.clientId, member.host, member.assignment.map((part) => `${part.topic} ${part.partitions.join(', ')}`).join('; ')]))
        : el('p', {}, 'No member is connected.'),
      table(['Topic', 'Partition', 'Committed', 'End', 'Lag'], group.offsets.map((offset) => [offset.topic, offset.partition, offset.committed, offset.end, offset.lag])),
    ];
  });
}

const pages = [
  [/^#\/groups$/, () => groupsPage(), 'groups'],
  [/^#\/topics\/(.+)\/messages$/, (match) => messagesPage(decodeURIComponent(match[1])), 'topics', 'stays'],
  [/^#\/topics\/(.+)$/, (match) => topicPage(decodeURIComponent(match[1])), 'topics'],
  [/^#\/topics$/, () => topicsPage(), 'topics'],
  [/^/, () => clusterPage(), 'cluster'],
];

let shown = 0;
let current;
async function show() {
  const run = ++shown;
  closeTail();
  closeTail = () => {};
  current = pages.find(([pattern]) => pattern.test(location.hash));
  const [pattern, render, tab] = current;
  for (const link of document.querySelectorAll('header nav a')) link.classList.toggle('current', link.dataset.page === tab);
  let content;
  try {
    content = await render(location.hash.match(pattern));
  } catch (error) {
    content = [el('p', { class: 'error' }, error.message)];
  }
  // A later navigation or refresh wins over a slow answer.
  if (run === shown) document.getElementById('page').replaceChildren(...content);
}

addEventListener('hashchange', show);
// States change under the page (a broker stops): the page reads them again every few seconds.
// A page with a form and a live tail stays as it is.
setInterval(() => { if (!document.hidden && current?.[3] !== 'stays') show(); }, 3000);
show();
