/**
 * Bad inputs a user can give kafka-dev, each with the exit code and the words the error must
 * contain (the problem and the fix). Driven through the CLI by bad-input.test.ts, and listed in
 * the README's troubleshooting section (a unit test keeps the two in step).
 */
export interface BadInput {
  readonly name: string;
  /** Files written into an empty folder before the run. */
  readonly files?: Readonly<Record<string, string>>;
  readonly args: readonly string[];
  readonly exitCode: number;
  readonly message: RegExp;
  /** Environment of the run, over the image overrides the test clears. */
  readonly env?: Readonly<Record<string, string>>;
}

const yamlConfig = (text: string) => ({ 'kafka-dev.config.yaml': text });
const jsonConfig = (value: unknown) => ({ 'kafka-dev.config.json': JSON.stringify(value, null, 2) });

export const badInputs: readonly BadInput[] = [
  // Config files that do not load.
  { name: 'TypeScript syntax error', files: { 'kafka-dev.config.ts': 'export default {\n  brokers: 3,\n  topics: [ { name: "a" ]\n};\n' }, args: ['up'], exitCode: 2, message: /kafka-dev\.config\.ts:3:\d+/ },
  { name: 'JSON syntax error', files: { 'kafka-dev.config.json': '{\n  "brokers": 3,\n  "topics": [ }\n' }, args: ['up'], exitCode: 2, message: /kafka-dev\.config\.json:3:\d+/ },
  { name: 'YAML syntax error', files: yamlConfig('brokers: 3\ntopics:\n  - name: a\n   partitions: 2\n'), args: ['up'], exitCode: 2, message: /at line 4, column 1/ },
  { name: 'TS config without a default export', files: { 'kafka-dev.config.ts': 'export const config = { brokers: 1 };\n' }, args: ['up'], exitCode: 2, message: /the default export is missing; expected export default defineConfig/ },
  { name: 'JS config that throws', files: { 'kafka-dev.config.mjs': 'throw new Error("boom");\n' }, args: ['up'], exitCode: 2, message: /cannot be loaded: boom/ },
  { name: 'config that is a list', files: jsonConfig([{ brokers: 1 }]), args: ['up'], exitCode: 2, message: /got a list, expected the config object, as in export default defineConfig/ },
  { name: '--config pointing nowhere', args: ['up', '--config', 'missing.config.ts'], exitCode: 2, message: /missing\.config\.ts\):\n {2}- file not found[\s\S]*kafka-dev init/ },
  // Wrong types and unknown keys.
  { name: 'brokers as text', files: jsonConfig({ brokers: 'three' }), args: ['up'], exitCode: 2, message: /brokers: got 'three', expected a number of brokers/ },
  { name: 'port as text', files: yamlConfig('listeners:\n  outside:\n    port: "9092"\n'), args: ['up'], exitCode: 2, message: /listeners\.outside\.port: got '9092', expected a port number/ },
  { name: 'port out of range', files: jsonConfig({ listeners: { outside: { port: 70000 } } }), args: ['up'], exitCode: 2, message: /got 70000, expected a port from 1 to 65535/ },
  { name: 'fractional partitions', files: jsonConfig({ topics: [{ name: 'a', partitions: 1.5 }] }), args: ['up'], exitCode: 2, message: /topics\[0\]\.partitions: got 1\.5, expected a whole number/ },
  { name: 'topics as an object', files: jsonConfig({ topics: { name: 'a' } }), args: ['up'], exitCode: 2, message: /topics: got an object, expected a list of topics/ },
  { name: 'unknown top-level key', files: jsonConfig({ brokres: 3 }), args: ['up'], exitCode: 2, message: /unknown key 'brokres'; did you mean 'brokers'\?/ },
  { name: 'unknown nested key', files: jsonConfig({ listeners: { outside: { prot: 1 } } }), args: ['up'], exitCode: 2, message: /listeners\.outside: unknown key 'prot'; did you mean 'port'\?/ },
  { name: 'unknown topic key', files: jsonConfig({ topics: [{ name: 'a', partition: 3 }] }), args: ['up'], exitCode: 2, message: /topics\[0\]: unknown key 'partition'; did you mean 'partitions'\?/ },
  { name: 'unknown mode', files: jsonConfig({ mode: 'raft' }), args: ['up'], exitCode: 2, message: /mode: got 'raft', expected 'zookeeper' or 'kraft'/ },
  { name: 'bind address as a name', files: jsonConfig({ listeners: { outside: { bind: 'localhost' } } }), args: ['up'], exitCode: 2, message: /expected an IP address such as 127\.0\.0\.1/ },
  { name: 'heap without a unit', files: jsonConfig({ heap: { kafka: '512' } }), args: ['up'], exitCode: 2, message: /heap\.kafka: got '512', expected a JVM heap size such as '512m'/ },
  { name: 'upper-case project name', files: jsonConfig({ name: 'MyApp' }), args: ['up'], exitCode: 2, message: /name: got 'MyApp', expected a compose project name/ },
  { name: 'broker setting with a list value', files: jsonConfig({ brokerConfig: { 'log.retention.hours': [1] } }), args: ['up'], exitCode: 2, message: /expected a string, number or boolean/ },
  { name: 'broker setting name in camel case', files: jsonConfig({ brokerConfig: { logRetentionHours: 1 } }), args: ['up'], exitCode: 2, message: /expected a Kafka setting name such as log\.retention\.hours/ },
  { name: 'cluster id of the wrong shape', files: jsonConfig({ mode: 'kraft', clusterId: 'my-cluster' }), args: ['up'], exitCode: 2, message: /clusterId: got 'my-cluster', expected 22 characters of base64url/ },
  { name: 'unknown image flavor', files: jsonConfig({ images: { flavor: 'bitnami' } }), args: ['up'], exitCode: 2, message: /expected 'confluent' or 'apache'/ },
  // Combinations that cannot work.
  { name: 'replication factor above the broker count', files: jsonConfig({ brokers: 2, topics: [{ name: 'a', replicationFactor: 3 }] }), args: ['up'], exitCode: 2, message: /got 3, but the cluster has 2 brokers; expected at most 2 \(or raise 'brokers'\)/ },
  { name: 'OUTSIDE and INSIDE on one port', files: jsonConfig({ listeners: { inside: { port: 9092 } } }), args: ['up'], exitCode: 2, message: /also the INSIDE port .*expected two different ports/ },
  { name: 'ZooKeeper port on a broker port', files: jsonConfig({ brokers: 2, zookeeper: { port: 9093 } }), args: ['up'], exitCode: 2, message: /zookeeper\.port: got 9093, which broker 2 publishes/ },
  { name: 'broker ports past 65535', files: jsonConfig({ brokers: 3, listeners: { outside: { port: 65534 } } }), args: ['up'], exitCode: 2, message: /last one would need port 65536/ },
  { name: 'Connect plugin folder missing', files: jsonConfig({ connect: { plugins: ['./connectors'] } }), args: ['up'], exitCode: 2, message: /connect\.plugins\[0\]: got '[^']*connectors', which is not a folder; expected a folder of connector plugins/ },
  {
    name: 'connector name given twice',
    files: jsonConfig({ connect: { connectors: [{ name: 'files', config: { 'connector.class': 'FileStreamSource' } }, { name: 'files', config: { 'connector.class': 'FileStreamSink' } }] } }),
    args: ['up'],
    exitCode: 2,
    message: /connect\.connectors\[1\]\.name: got 'files', which connect\.connectors\[0\] names too; expected each connector name once/,
  },
  { name: 'connector without connector.class', files: jsonConfig({ connect: { connectors: [{ name: 'files', config: { file: '/data/in.txt' } }] } }), args: ['up'], exitCode: 2, message: /connect\.connectors\[0\]\.config: has no 'connector\.class'; expected the connector's class/ },
  {
    name: 'unknown reference in a service',
    files: jsonConfig({ services: { app: { image: 'my/app:dev', environment: { BOOTSTRAP: '${kafka.insde.bootstrap}' } } } }),
    args: ['up'],
    exitCode: 2,
    message: /services\.app\.environment\.BOOTSTRAP: got '\$\{kafka\.insde\.bootstrap\}'.*did you mean \$\{kafka\.inside\.bootstrap\}\?/,
  },
  { name: 'service dependsOn an unknown service', files: jsonConfig({ services: { app: { image: 'my/app:dev', dependsOn: ['db'] } } }), args: ['up'], exitCode: 2, message: /services\.app\.dependsOn\[0\]: got 'db', which is no service of this stack; expected one of kafka, zookeeper/ },
  { name: "service port taken by Kafka", files: jsonConfig({ services: { app: { image: 'my/app:dev', ports: ['9092:8080'] } } }), args: ['up'], exitCode: 2, message: /services\.app\.ports: got 9092: service 'app' and broker 1 would both publish host port 9092/ },
  { name: 'service readiness with two checks', files: jsonConfig({ services: { app: { image: 'my/app:dev', ready: { log: 'Started', tcp: 8080 } } } }), args: ['up'], exitCode: 2, message: /services\.app\.ready: .*expected exactly one of http, tcp, log, command/ },
  { name: 'INSIDE host localhost', files: jsonConfig({ listeners: { inside: { host: 'localhost' } } }), args: ['up'], exitCode: 2, message: /inside a container is that container itself/ },
  { name: 'INSIDE host with dots', files: jsonConfig({ listeners: { inside: { host: 'kafka.local' } } }), args: ['up'], exitCode: 2, message: /expected the broker's service name on the compose network/ },
  { name: 'duplicate topic', files: jsonConfig({ topics: [{ name: 'a' }, { name: 'a' }] }), args: ['up'], exitCode: 2, message: /topics\[1\]\.name: got 'a' a second time/ },
  { name: 'unknown topic setting', files: jsonConfig({ topics: [{ name: 'a', config: { 'retention.msec': 1000 } }] }), args: ['up'], exitCode: 2, message: /topics\[0\]\.config\.retention\.msec: .*retention\.ms/ },
  { name: 'invalid topic name', files: jsonConfig({ topics: [{ name: 'orders/eu' }] }), args: ['up'], exitCode: 2, message: /expected a topic name of 1 to 249 characters/ },
  { name: 'broker setting kafka-dev manages', files: jsonConfig({ brokerConfig: { 'advertised.listeners': 'PLAINTEXT://x:1' } }), args: ['up'], exitCode: 2, message: /is set by kafka-dev from 'listeners'; set that instead/ },
  { name: 'ZooKeeper mode with a Kafka 4 image', files: jsonConfig({ images: { kafka: 'confluentinc/cp-kafka:8.0.0' } }), args: ['up'], exitCode: 2, message: /Kafka 4 has no ZooKeeper mode: use mode 'kraft' or a 3\.x image/ },
  { name: 'ZooKeeper mode with apache/kafka', files: jsonConfig({ images: { kafka: 'apache/kafka:3.9.1' } }), args: ['up'], exitCode: 2, message: /only runs kraft mode; use mode 'kraft'/ },
  { name: 'image reference with upper case', files: jsonConfig({ images: { kafka: 'Confluentinc/cp-kafka:7.9.1' } }), args: ['up'], exitCode: 2, message: /images\.kafka: got 'Confluentinc\/cp-kafka:7\.9\.1', which has upper-case letters in the repository name; .*expected an image reference/ },
  { name: 'image reference with a newline', files: jsonConfig({ images: { zookeeper: 'confluentinc/cp-zookeeper:7.9.1\nlatest' } }), args: ['up'], exitCode: 2, message: /images\.zookeeper: got 'confluentinc\/cp-zookeeper:7\.9\.1\\nlatest', which is not an image reference/ },
  { name: 'a digest without an image name', files: jsonConfig({ images: { kafka: `sha256:${'4'.repeat(64)}` } }), args: ['up'], exitCode: 2, message: /images\.kafka: got 'sha256:4+', which is a digest without a repository name/ },
  { name: 'untagged image kafka-dev does not know', files: jsonConfig({ images: { kafka: 'mycorp/kafka' } }), args: ['up'], exitCode: 2, message: /images\.kafka: got 'mycorp\/kafka': neither its name nor a tag tells .*; set images\.flavor to 'confluent' or 'apache'/ },
  { name: 'bitnami image in the config', files: jsonConfig({ mode: 'kraft', images: { kafka: 'bitnamilegacy/kafka:3.9' } }), args: ['up'], exitCode: 2, message: /follows the 'bitnami' image contract: kafka-dev reads it in compose files but does not render it/ },
  { name: 'bad KAFKA_DEV_KAFKA_IMAGE', env: { KAFKA_DEV_KAFKA_IMAGE: 'my kafka:1' }, args: ['up'], exitCode: 2, message: /KAFKA_DEV_KAFKA_IMAGE: got 'my kafka:1' \(from the environment\), which is not an image reference/ },
  { name: 'controllers in ZooKeeper mode', files: jsonConfig({ controllers: 3 }), args: ['up'], exitCode: 2, message: /dedicated controllers exist only in mode 'kraft'/ },
  { name: 'controller port on the INSIDE port', files: jsonConfig({ mode: 'kraft', listeners: { controller: { port: 9093 } } }), args: ['up'], exitCode: 2, message: /listeners\.controller\.port: got 9093, which a broker listener already uses/ },
  // Configs that would silently become something else, and values a message must not echo raw.
  { name: 'empty TS config', files: { 'kafka-dev.config.ts': '' }, args: ['up'], exitCode: 2, message: /kafka-dev\.config\.ts\):\n {2}- cannot be loaded: the default export is missing/ },
  { name: 'config exporting null', files: { 'kafka-dev.config.mjs': 'export default null;\n' }, args: ['up'], exitCode: 2, message: /got null, expected the config object/ },
  { name: 'config exporting a Map', files: { 'kafka-dev.config.mjs': 'export default new Map([["brokers", 3]]);\n' }, args: ['up'], exitCode: 2, message: /got a Map, expected plain data/ },
  { name: '--config on a file of unknown type', files: { 'settings.conf': 'brokers: 3\n' }, args: ['up', '--config', 'settings.conf'], exitCode: 2, message: /has the extension '\.conf'; expected one of \.ts/ },
  { name: '--config /dev/null', args: ['up', '--config', '/dev/null'], exitCode: 2, message: /\/dev\/null\):\n {2}- is not a regular file/ },
  { name: 'config getter that throws', files: { 'kafka-dev.config.mjs': 'export default { get brokers() { throw new Error("no brokers yet"); } };\n' }, args: ['up'], exitCode: 2, message: /kafka-dev\.config\.mjs\):\n {2}- brokers: cannot be read: its getter threw no brokers yet/ },
  { name: 'config throwing a plain object', files: { 'kafka-dev.config.mjs': 'throw { code: "E" };\n' }, args: ['up'], exitCode: 2, message: /cannot be loaded: an object with code 'E'/ },
  { name: 'YAML of two documents', files: yamlConfig('brokers: 1\n---\nbrokers: 2\n'), args: ['up'], exitCode: 2, message: /expected one YAML document, found 2/ },
  { name: 'terminal escapes in a value', files: jsonConfig({ mode: '\u001b[31mkraft' }), args: ['up'], exitCode: 2, message: /mode: got '\\x1b\[31mkraft', expected 'zookeeper' or 'kraft'/ },
  { name: 'broker named like the controller', files: jsonConfig({ mode: 'kraft', controllers: 1, listeners: { inside: { host: 'controller' } } }), args: ['up'], exitCode: 2, message: /listeners\.inside\.host: got 'controller': broker 1 would take the name 'controller'/ },
  { name: 'unknown broker setting', files: jsonConfig({ brokerConfig: { 'log.retention.hourz': 1 } }), args: ['up'], exitCode: 2, message: /brokerConfig\.log\.retention\.hourz: unknown broker setting; did you mean 'log\.retention\.hours'\?/ },
  { name: 'JVM option as a broker setting', files: jsonConfig({ brokerConfig: { 'heap.opts': '-Xmx4g' } }), args: ['up'], exitCode: 2, message: /becomes KAFKA_HEAP_OPTS, the JVM heap of the broker; set heap\.kafka/ },
  { name: 'ZooKeeper setting in KRaft mode', files: jsonConfig({ mode: 'kraft', brokerConfig: { 'zookeeper.session.timeout.ms': 6000 } }), args: ['up'], exitCode: 2, message: /exists only in ZooKeeper mode, and this config runs mode 'kraft'/ },
  { name: 'topic setting out of range', files: jsonConfig({ topics: [{ name: 'a', config: { 'retention.ms': -5 } }] }), args: ['up'], exitCode: 2, message: /retention\.ms: got -5, expected a whole number from -1 to/ },
  { name: "topic names that differ in '.' and '_'", files: jsonConfig({ topics: [{ name: 'my.topic' }, { name: 'my_topic' }] }), args: ['up'], exitCode: 2, message: /Kafka treats as the same name as 'my\.topic'/ },
  { name: 'heap out of range', files: jsonConfig({ heap: { kafka: '99999g' } }), args: ['up'], exitCode: 2, message: /heap\.kafka: got '99999g', expected a heap from 64m to 64g/ },
  // Command-line flags.
  { name: 'unknown command', args: ['start'], exitCode: 2, message: /unknown command 'start'[\s\S]*kafka-dev --help/ },
  { name: 'unknown option', args: ['up', '--brokres', '3'], exitCode: 2, message: /Unknown option `--brokres`[\s\S]*kafka-dev up --help/ },
  { name: '--timeout that is not a number', args: ['up', '--timeout', 'soon'], exitCode: 2, message: /got 'soon', expected a number of seconds greater than 0/ },
  { name: '--timeout of zero', args: ['down', '--timeout', '0'], exitCode: 2, message: /got '0', expected a number of seconds greater than 0/ },
  { name: '--ui-port that is not a port', args: ['up', '--ui', '--ui-port', 'abc'], exitCode: 2, message: /--ui-port: got 'abc', expected a port number from 0 \(any free port\) to 65535/ },
  { name: '--ui-port without --ui', args: ['up', '--ui-port', '9021'], exitCode: 2, message: /--ui-port: got '9021', but without --ui no console starts; expected --ui with it/ },
  { name: '--ui with --json', args: ['up', '--ui', '--json'], exitCode: 2, message: /--json: cannot go with --ui, whose console keeps running/ },
  { name: '--brokers 0', args: ['up', '--brokers', '0'], exitCode: 2, message: /brokers: got 0, expected at least 1 broker \(set on the command line\)/ },
  { name: '--brokers 10', args: ['status', '--brokers', '10'], exitCode: 2, message: /brokers: got 10, expected at most 9 brokers \(set on the command line\)/ },
  { name: '--mode with a typo', args: ['up', '--mode', 'kraf'], exitCode: 2, message: /mode: got 'kraf', expected 'zookeeper' or 'kraft' \(set on the command line\)/ },
  { name: '--controllers in ZooKeeper mode', args: ['up', '--controllers', '3'], exitCode: 2, message: /dedicated controllers exist only in mode 'kraft'/ },
  { name: '--kafka-version kafka-dev does not know', args: ['up', '--kafka-version', '4.2'], exitCode: 2, message: /--kafka-version: got '4\.2', expected a Kafka version kafka-dev knows: '3\.9' or '4\.4'/ },
  { name: '--kafka-version 4.4 in ZooKeeper mode', args: ['up', '--kafka-version', '4.4'], exitCode: 2, message: /kafkaVersion: got '4\.4', but Kafka 4 has no ZooKeeper mode; expected '3\.9' .*, or mode 'kraft' \(set on the command line\)/ },
  { name: '--project-name with spaces', args: ['up', '-p', 'my app'], exitCode: 2, message: /name: got 'my app', expected a compose project name/ },
  { name: 'render --output without a file', args: ['render', '--output'], exitCode: 2, message: /value is missing/ },
  { name: '--brokers in hex', args: ['up', '--brokers', '0x3'], exitCode: 2, message: /--brokers: got '0x3', expected a number of brokers/ },
  { name: '--brokers in exponent form', args: ['up', '--brokers', '1e0'], exitCode: 2, message: /--brokers: got '1e0', expected a number of brokers/ },
  { name: '--brokers negative', args: ['up', '--brokers', '-1'], exitCode: 2, message: /--brokers: got -1, expected at least 1 broker/ },
  { name: 'empty --project-name', args: ['up', '--project-name', ''], exitCode: 2, message: /--project-name: got '', expected a compose project name/ },
  { name: 'camel-case unknown flag', args: ['up', '--bogusFlag'], exitCode: 2, message: /Unknown option `--bogusFlag`/ },
  { name: 'two config files', args: ['up', '-c', 'a.yaml', '-c', 'b.yaml'], exitCode: 2, message: /--config: given 2 times \('a\.yaml', 'b\.yaml'\); expected once/ },
  { name: 'empty --config', args: ['up', '-c', ''], exitCode: 2, message: /--config: got '', expected the path of a config file/ },
  { name: 'unknown command with a near miss', args: ['stauts'], exitCode: 2, message: /unknown command 'stauts'; did you mean 'status'\?/ },
  { name: 'topic partitions in hex', args: ['topic', 'add', 'x', '--partitions', '0x3'], exitCode: 2, message: /--partitions: got '0x3', expected a whole number of at least 1/ },
  { name: 'env in an unknown format', args: ['env', '--format', 'yaml'], exitCode: 2, message: /--format: got 'yaml'; expected one of properties, librdkafka, node, python, dotenv/ },
  {
    name: 'env for a user the config does not list',
    files: jsonConfig({ security: { outside: 'SASL_PLAINTEXT', users: [{ name: 'app', password: 'secret' }] } }),
    args: ['env', '--user', 'bob'],
    exitCode: 2,
    message: /--user: got 'bob'; expected one of the users in security\.users \('app'\)/,
  },
  {
    name: 'ACL for a user not in security.users',
    files: jsonConfig({ security: { outside: 'SASL_PLAINTEXT', users: [{ name: 'app' }], acls: [{ user: 'bob', topic: 'orders', operations: ['read'] }] } }),
    args: ['up'],
    exitCode: 2,
    message: /security\.acls\[0\]\.user: got 'bob', expected one of the users in security\.users \('app'\)/,
  },
  {
    // The message names the character and its place; the lookahead proves the password is not in it.
    name: 'password that would break the JAAS line',
    files: jsonConfig({ security: { outside: 'SASL_PLAINTEXT', users: [{ name: 'app', password: 'se"cr\\et' }] } }),
    args: ['up'],
    exitCode: 2,
    message: /^(?![\s\S]*se"cr)[\s\S]*security\.users\[0\]\.password: got a password with a double quote at position 3; expected no double quotes, backslashes/,
  },
  {
    name: "clientAuth 'required' without a TLS listener",
    files: jsonConfig({ security: { outside: 'SASL_PLAINTEXT', tls: { clientAuth: 'required' } } }),
    args: ['up'],
    exitCode: 2,
    message: /security\.tls\.clientAuth: got 'required', but no listener speaks TLS; expected 'SSL' or 'SASL_SSL' in security\.outside or security\.inside/,
  },
  {
    name: 'SCRAM in KRaft on Kafka before 3.5',
    files: jsonConfig({ mode: 'kraft', images: { kafka: 'confluentinc/cp-kafka:7.3.0' }, security: { outside: 'SASL_PLAINTEXT', sasl: { mechanism: 'SCRAM-SHA-512' } } }),
    args: ['up'],
    exitCode: 2,
    message: /security\.sasl\.mechanism: got 'SCRAM-SHA-512', but 'confluentinc\/cp-kafka:7\.3\.0' runs Kafka 3\.3, which cannot create SCRAM users in KRaft mode \(Kafka 3\.5\+ can\); expected 'PLAIN', or a newer image/,
  },
  { name: 'apply without a cluster', args: ['apply'], exitCode: 2, message: /--bootstrap-server: missing; expected host:port\[,host:port\]/ },
  {
    name: 'apply with a JKS trust store',
    files: { 'client.properties': 'security.protocol=SSL\nssl.truststore.location=truststore.jks\nssl.truststore.password=changeit\n' },
    args: ['apply', '--bootstrap-server', 'localhost:9', '--command-config', 'client.properties'],
    exitCode: 2,
    message: /client\.properties: ssl\.truststore\.type: got 'JKS' \(Kafka's default\); kafka-dev reads PEM only: export it \(keytool -exportcert -rfc/,
  },
  { name: 'export to an unknown engine', args: ['export', 'helm'], exitCode: 2, message: /target: got 'helm'; expected strimzi/ },
  {
    name: 'Strimzi export of a user name Kubernetes cannot hold',
    files: jsonConfig({ security: { outside: 'SASL_PLAINTEXT', users: [{ name: 'Bad_User' }] } }),
    args: ['export', 'strimzi'],
    exitCode: 2,
    message: /security\.users\[0\]\.name: got 'Bad_User'; Strimzi names a KafkaUser by its user name[\s\S]*Rename the user/,
  },
];
