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

/** One copy's bytes on disk, as `ls -h` would say; '-' when the brokers did not say. */
function formatBytes(bytes) {
  if (bytes === null || bytes === undefined) return '-';
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  const power = bytes > 0 ? Math.min(units.length - 1, Math.floor(Math.log2(bytes) / 10)) : 0;
  return `${power === 0 ? bytes : (bytes / 1024 ** power).toFixed(1)} ${units[power]}`;
}

/** The sum over partitions, with each partition's end offset in the tooltip and the data attribute. */
function endOffsetsCell(endOffsets) {
  const perPartition = endOffsets.map((offset, partition) => `${partition}: ${offset}`).join(', ');
  return endOffsets.length ? el('span', { title: `per partition: ${perPartition}`, 'data-end-offsets': endOffsets.join(',') }, endOffsets.reduce((sum, offset) => sum + offset, 0)) : '-';
}

async function topicsPage() {
  const topics = await api('topics');
  const health = (topic) => (!topic.exists ? badge('not created', 'warn') : topic.offline > 0 ? badge(`${topic.offline} offline`, 'bad') : topic.underReplicated > 0 ? badge(`${topic.underReplicated} under-replicated`, 'warn') : badge('ok', 'good'));
  return [
    el('h2', {}, `Topics (${topics.length})`),
    table(['Topic', 'Partitions', 'Replication', 'Health', 'Size', 'End offsets', 'Declared in config'], topics.map((topic) => [
      topic.exists ? el('a', { href: `#/topics/${encodeURIComponent(topic.name)}` }, topic.name) : topic.name,
      topic.partitions ?? '-',
      topic.replicationFactor ?? '-',
      health(topic),
      el('span', { 'data-bytes': topic.bytes ?? '' }, formatBytes(topic.bytes)),
      endOffsetsCell(topic.endOffsets ?? []),
      topic.declared ? 'yes' : 'no',
    ])),
  ];
}

async function topicPage(name) {
  const topic = await api(`topics/${encodeURIComponent(name)}`);
  const settings = Object.entries(topic.config);
  return [
    el('h2', {}, topic.name, ' ', topic.declared ? badge('declared in config', 'good') : badge('not in config', 'warn')),
    el('p', {}, `${topic.partitions} partitions, replication factor ${topic.replicationFactor}, ${formatBytes(topic.bytes)} on disk (one copy) · `, el('a', { href: `#/topics/${encodeURIComponent(topic.name)}/messages` }, 'Messages: browse, tail, produce')),
    table(['Partition', 'Leader', 'Replicas', 'ISR', 'End offset', ''], topic.partitionDetails.map((partition) => [
      partition.partition,
      partition.leader < 0 ? 'none' : partition.leader,
      partition.replicas.join(', '),
      partition.isr.join(', '),
      topic.endOffsets?.[partition.partition] ?? '-',
      partition.leader < 0 ? badge('offline', 'bad') : partition.isr.length < partition.replicas.length ? badge('under-replicated', 'warn') : '',
    ])),
    el('h2', {}, 'Settings set on the topic (not defaults)'),
    settings.length ? table(['Setting', 'Value'], settings.map(([key, value]) => [el('strong', {}, key), value])) : el('p', {}, 'None: every setting is the broker default.'),
  ];
}

/** The server sends text, or `{ hex }` for bytes that are not UTF-8 text; JSON objects and lists are pretty-printed. */
function formatPayload(payload) {
  if (payload === null || payload === undefined) return el('em', {}, 'null');
  if (typeof payload === 'object') return el('code', { class: 'hex', title: 'not UTF-8 text: the bytes in hex' }, payload.hex.replace(/(..)(?!$)/g, '$1 '));
  try {
    const parsed = JSON.parse(payload);
    if (typeof parsed === 'object' && parsed !== null) return el('pre', { class: 'json' }, JSON.stringify(parsed, null, 2));
  } catch {}
  return payload;
}

const headersCell = (headers = []) => (headers.length ? el('ul', { class: 'headers' }, headers.map(([name, value]) => el('li', {}, el('strong', {}, formatPayload(name)), ': ', formatPayload(value)))) : '');
const messageRow = (message) => [message.partition, message.offset, new Date(Number(message.timestamp)).toISOString(), message.key === null ? '' : formatPayload(message.key), headersCell(message.headers), formatPayload(message.value)];
const messageHeaders = ['Partition', 'Offset', 'Timestamp', 'Key', 'Headers', 'Value'];

let closeTail = () => {};

/** `name: value` lines of the produce form as header pairs; a line without a colon is a name with an empty value. */
function headerPairs(text) {
  return text.split('\n').map((line) => line.trim()).filter(Boolean).map((line) => {
    const at = line.indexOf(':');
    return at < 0 ? [line, ''] : [line.slice(0, at).trim(), line.slice(at + 1).trim()];
  });
}

/**
 * One partition per request; for all partitions the page asks each and merges them by time
 * (newest first when asked), keeping the limit over the whole.
 */
async function browseMessages(name, partitions, fields) {
  const query = (partition) => new URLSearchParams({ partition, from: fields.get('from'), limit: fields.get('limit'), offset: fields.get('offset'), timestamp: fields.get('at') ? String(new Date(fields.get('at')).getTime()) : '' });
  const chosen = fields.get('partition') === 'all' ? partitions : [fields.get('partition')];
  const answers = await Promise.all(chosen.map((partition) => api(`topics/${encodeURIComponent(name)}/messages?${query(partition)}`)));
  const newestFirst = fields.get('from') === 'newest';
  const order = (a, b) => Number(a.timestamp) - Number(b.timestamp) || Number(a.partition) - Number(b.partition) || Number(BigInt(a.offset) - BigInt(b.offset));
  return answers.flat().sort((a, b) => (newestFirst ? order(b, a) : order(a, b))).slice(0, Number(fields.get('limit')));
}

async function messagesPage(name) {
  const topic = await api(`topics/${encodeURIComponent(name)}`);
  const partitions = topic.partitionDetails.map((partition) => String(partition.partition));
  const tailBody = el('tbody', { id: 'tail' });
  const tailState = el('span', { class: 'badge warn', id: 'tail-state' }, 'connecting');
  const source = new EventSource(`/api/topics/${encodeURIComponent(name)}/tail`);
  source.onopen = () => { tailState.textContent = 'live'; tailState.className = 'badge good'; };
  source.onmessage = (event) => tailBody.prepend(el('tr', {}, messageRow(JSON.parse(event.data)).map((cell) => el('td', {}, cell))));
  source.addEventListener('failure', (event) => { tailState.textContent = JSON.parse(event.data).error; tailState.className = 'badge bad'; source.close(); });
  closeTail = () => source.close();

  const browsed = el('div', { id: 'browsed' });
  const browseForm = el('form', { id: 'browse-form', onsubmit: async (event) => {
    event.preventDefault();
    browsed.replaceChildren(el('p', {}, 'Reading…'));
    try {
      const messages = await browseMessages(name, partitions, new FormData(browseForm));
      browsed.replaceChildren(messages.length ? table(messageHeaders, messages.map(messageRow)) : el('p', {}, 'No message there.'));
    } catch (error) {
      browsed.replaceChildren(el('p', { class: 'error' }, error.message));
    }
  } },
    el('label', {}, 'Partition ', el('select', { name: 'partition' }, el('option', { value: 'all' }, 'all'), partitions.map((partition) => el('option', { value: partition }, partition)))), ' ',
    el('label', {}, 'Read ', el('select', { name: 'from' },
      el('option', { value: 'beginning' }, 'from the beginning'), el('option', { value: 'newest' }, 'newest first'),
      el('option', { value: 'offset' }, 'from offset'), el('option', { value: 'timestamp' }, 'from a time'))), ' ',
    el('label', {}, 'Offset ', el('input', { name: 'offset', type: 'number', min: 0, size: 8 })), ' ',
    el('label', {}, 'Time ', el('input', { name: 'at', type: 'datetime-local', step: 1 })), ' ',
    el('label', {}, 'At most ', el('input', { name: 'limit', type: 'number', min: 1, max: 1000, value: 100, size: 5 })), ' ',
    el('button', { type: 'submit', id: 'browse' }, 'Read'));

  const sent = el('span', { id: 'produce-result' });
  const form = el('form', { id: 'produce', onsubmit: async (event) => {
    event.preventDefault();
    const fields = new FormData(form);
    const message = { key: fields.get('key') || undefined, value: fields.get('value'), headers: headerPairs(fields.get('headers')) };
    const response = await fetch(`/api/topics/${encodeURIComponent(name)}/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(message) });
    const body = await response.json();
    sent.textContent = response.ok ? 'sent' : body.error;
    sent.className = response.ok ? 'badge good' : 'error';
  } },
    el('label', {}, 'Key ', el('input', { name: 'key' })), ' ',
    el('label', {}, 'Value ', el('input', { name: 'value', required: true, size: 50 })), ' ',
    el('label', {}, 'Headers ', el('textarea', { name: 'headers', rows: 2, cols: 30, placeholder: 'name: value (one a line)' })), ' ',
    el('button', { type: 'submit' }, 'Produce'), ' ', sent);

  return [
    el('h2', {}, 'Messages of ', el('a', { href: `#/topics/${encodeURIComponent(name)}` }, name)),
    el('h2', {}, 'Produce'), form,
    el('h2', {}, 'Live tail (newest first) ', tailState), el('table', {}, el('thead', {}, el('tr', {}, messageHeaders.map((header) => el('th', {}, header)))), tailBody),
    el('h2', {}, 'Browse'), browseForm, browsed,
  ];
}

/** Each group's total lag every time the page reads the groups (every few seconds), while the page is open. */
const lagHistory = new Map();
const lagColour = '#4ea1ff';

/**
 * Lag over time, drawn by uPlot (a small, dependency-free MIT library shipped with the package):
 * time axis, scales and hover values would be more code than the chart itself by hand.
 */
function lagChart(groupId, samples) {
  const holder = el('div', { class: 'lag-chart', 'data-chart': groupId, 'data-lags': samples.map((sample) => sample.lag).join(',') });
  new uPlot({
    width: 560,
    height: 150,
    legend: { show: false },
    scales: { x: { time: true }, y: { range: (_, min, max) => [0, Math.max(1, max)] } },
    series: [{}, { label: 'lag', stroke: lagColour, width: 2, points: { show: true, size: 6, fill: lagColour } }],
  }, [samples.map((sample) => sample.at / 1000), samples.map((sample) => sample.lag)], holder);
  return holder;
}

async function groupsPage() {
  const groups = await api('groups');
  if (groups.length === 0) return [el('h2', {}, 'Consumer groups'), el('p', {}, 'No consumer group yet.')];
  const at = Date.now();
  return groups.flatMap((group) => {
    const lag = group.offsets.reduce((sum, offset) => sum + offset.lag, 0);
    const samples = [...(lagHistory.get(group.groupId) ?? []), { at, lag }].slice(-200);
    lagHistory.set(group.groupId, samples);
    return [
      el('h2', { 'data-group': group.groupId }, group.groupId, ' ', badge(group.state, group.state.toLowerCase() === 'stable' ? 'good' : 'warn'), ' ', el('span', { class: `badge ${lag > 0 ? 'warn' : 'good'}`, 'data-lag': lag }, `lag ${lag}`)),
      group.members.length
        ? table(['Member', 'Client', 'Host', 'Partitions'], group.members.map((member) => [member.memberId, member.clientId, member.host, member.assignment.map((part) => `${part.topic} ${part.partitions.join(', ')}`).join('; ')]))
        : el('p', {}, 'No member is connected.'),
      table(['Topic', 'Partition', 'Committed', 'End', 'Lag'], group.offsets.map((offset) => [offset.topic, offset.partition, offset.committed, offset.end, offset.lag])),
      lagChart(group.groupId, samples),
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
  // The lag chart covers the time the groups page is open.
  if (tab !== 'groups') lagHistory.clear();
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
