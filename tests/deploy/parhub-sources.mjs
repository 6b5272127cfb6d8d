// What the deployment validators learn from parhub's sources, so that the
// deployment files cannot drift from the programs they run:
//   - each program's flags (ABSL_FLAG in platform/ and in the program's own
//     directory): every PARHUB_* environment variable must be one of them,
//     as PARHUB_<FLAG> or PARHUB_<FLAG>_FILE (platform/rpc/flags.cc), since
//     any other name is silently ignored by the program;
//   - the gateway's known backends (KnownBackends() in gateway/backends.cc),
//     the only names its --backends (PARHUB_BACKENDS) accepts;
//   - which services call other services themselves: a program with a
//     --sources flag (reporting) pulls from the services named in its
//     default (name=127.0.0.1:port,…), so a deployment must give it
//     PARHUB_SOURCES naming each of them where it runs, and each of them
//     must accept its certificate in PARHUB_TLS_ALLOWED_CLIENTS (default
//     "gateway"), and no service may accept a caller that does not call it
//     (peerProblems);
//   - how parhubctl health must be run against a process: a service listens
//     with TLS only, so its check passes the CA with --tls-ca (a flag:
//     parhubctl does not read PARHUB_TLS_CA_FILE); the gateway's public port
//     is plaintext.
// Used by validate-compose.mjs and validate-k8s.mjs.

import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const defaultRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

function* sourceFiles(dir) {
  if (!fs.existsSync(dir)) return;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!["tests", "testing"].includes(entry.name)) yield* sourceFiles(p);
    } else if (/\.(cc|h)$/.test(entry.name) && !/_test\.cc$/.test(entry.name)) {
      yield p;
    }
  }
}

// The process a container runs, from its command: "parhub-tasks" -> "tasks".
export const processOf = (command) =>
  /^parhub-([a-z][a-z0-9_]*)$/.exec(String((Array.isArray(command) ? command[0] : undefined) ?? ""))?.[1] ?? null;

// Directory holding the program's own sources.
const programDir = (root, process) =>
  process === "gateway" ? path.join(root, "gateway") : path.join(root, "services", process);

const flagCache = new Map();
// The flags of parhub-<process> as a Map from name to its default when that
// is a plain string literal (adjacent literals joined; otherwise null), or
// null when its sources are not found.
function flagTable(root, process) {
  const key = `${root}\0${process}`;
  if (flagCache.has(key)) return flagCache.get(key);
  let flags = null;
  if (fs.existsSync(programDir(root, process))) {
    flags = new Map();
    const literal = /"((?:[^"\\]|\\.)*)"/g;
    for (const dir of [path.join(root, "platform"), programDir(root, process)]) {
      for (const file of sourceFiles(dir)) {
        const text = fs.readFileSync(file, "utf8");
        const re = /\bABSL_FLAG\(\s*[\w:<>\s]+?,\s*([a-z][a-z0-9_]*)\s*,\s*((?:"(?:[^"\\]|\\.)*"\s*)+(?=,))?/g;
        for (const m of text.matchAll(re)) {
          flags.set(m[1], m[2] === undefined ? null : [...m[2].matchAll(literal)].map((x) => x[1]).join(""));
        }
      }
    }
  }
  flagCache.set(key, flags);
  return flags;
}

// The flags of parhub-<process>, or null when its sources are not found.
export function flagsOf(root, process) {
  const table = flagTable(root, process);
  return table ? new Set(table.keys()) : null;
}

// The default of flag `flag` of parhub-<process> when it is a string
// literal, else null.
export function flagDefault(root, process, flag) {
  return flagTable(root, process)?.get(flag) ?? null;
}

// Problems with the PARHUB_* names of `envNames` for parhub-<process>.
export function envProblems(root, process, envNames) {
  const flags = flagsOf(root, process);
  if (!flags || flags.size === 0) return [`no sources with flags found for parhub-${process} (${path.relative(root, programDir(root, process))}/)`];
  const out = [];
  for (const name of envNames) {
    if (!name.startsWith("PARHUB_")) continue;
    const flag = name.slice("PARHUB_".length).toLowerCase();
    if (flags.has(flag) || (flag.endsWith("_file") && flags.has(flag.slice(0, -"_file".length)))) continue;
    out.push(`${name} is not a flag of parhub-${process} (PARHUB_<FLAG> or PARHUB_<FLAG>_FILE); the program would ignore it`);
  }
  return out;
}

// The gateway's known backend names, in gateway/backends.cc's order.
export function knownBackends(root) {
  const file = path.join(root, "gateway/backends.cc");
  const text = fs.existsSync(file) ? fs.readFileSync(file, "utf8") : "";
  const names = [...text.matchAll(/\{\s*"([a-z][a-z0-9_]*)"\s*,\s*"parhub\.[\w.]+"/g)].map((m) => m[1]);
  return names;
}

// Parses a --backends value: "name=host:port,…". Returns {entries, errors}.
export function parseBackends(value) {
  const entries = [];
  const errors = [];
  const seen = new Set();
  for (const raw of String(value ?? "").split(",")) {
    const entry = raw.trim();
    if (!entry) continue;
    // host:port, or gRPC's dns:///host:port (the gateway resolves it itself).
    const m = /^([a-z][a-z0-9_]*)=(?:dns:\/\/\/)?([A-Za-z0-9.-]+):(\d+)$/.exec(entry);
    if (!m) {
      errors.push(`'${entry}' is not name=host:port (or name=dns:///host:port)`);
      continue;
    }
    if (seen.has(m[1])) errors.push(`backend ${m[1]} is listed twice`);
    seen.add(m[1]);
    entries.push({ name: m[1], host: m[2], port: Number(m[3]) });
  }
  return { entries, errors };
}

// The parhubctl arguments (after "parhubctl") of a health check of the
// process listening on `port`; `caFile` is the CA for a service.
export function healthArgs(process, port, caFile, timeout) {
  const args = [...(timeout !== undefined ? ["--timeout", String(timeout)] : []), "health", "--addr", `localhost:${port}`];
  return process === "gateway" ? args : [...args, "--tls-ca", caFile];
}

// ---------------------------------------------------------------------------
// Services that call services (besides the gateway)

// The services parhub-<process> calls itself: null when it has no --sources
// flag; otherwise the names of its flag's default (name=host:port,…) or,
// when that default is empty, of the program's table of default local
// addresses (entries {"name", "127.0.0.1:port"} in its own sources); []
// when neither can be read.
export function sourcesOf(root, process) {
  const flags = flagsOf(root, process);
  if (!flags || !flags.has("sources")) return null;
  const names = parseBackends(flagDefault(root, process, "sources") ?? "").entries.map((e) => e.name);
  if (names.length) return names;
  const table = new Set();
  for (const file of sourceFiles(programDir(root, process))) {
    const text = fs.readFileSync(file, "utf8");
    for (const m of text.matchAll(/\{\s*"([a-z][a-z0-9_]*)"\s*,\s*"127\.0\.0\.1:\d+"\s*\}/g)) table.add(m[1]);
  }
  return [...table];
}

// The certificate names allowed to call a service: its
// PARHUB_TLS_ALLOWED_CLIENTS, or the flag's default.
export function allowedClientsOf(root, process, value) {
  const v = value ?? flagDefault(root, process, "tls_allowed_clients") ?? "gateway";
  return new Set(String(v).split(",").map((x) => x.trim()).filter(Boolean));
}

// Problems with who calls whom among the deployed processes.
//   deployed: [{ where, proc, env, resolve }] with env the literal values
//     of the process's PARHUB_* variables (undefined when unset) and
//     resolve(host, port) giving { proc } of the program listening there as
//     the process sees it, or { error }.
// Returns [where, message] pairs. The certificate of a process is named as
// the process (the deployment rules check that separately).
export function peerProblems(root, deployed) {
  const out = [];
  const calls = new Map(); // callee proc -> Set(caller proc)
  for (const d of deployed) {
    // Without a --sources flag, a PARHUB_SOURCES is already reported as an
    // unknown flag (envProblems); its entries still say whom it means to call.
    const value = d.env.PARHUB_SOURCES;
    const wanted = sourcesOf(root, d.proc) ?? (value === undefined ? null : []);
    if (wanted === null) continue;
    if (value === undefined || String(value).trim() === "") {
      out.push([d.where, `PARHUB_SOURCES missing: name=host:port of every service it pulls from (${wanted.join(", ") || "see its --sources"}); it would dial them at 127.0.0.1`]);
      continue;
    }
    const { entries, errors } = parseBackends(value);
    for (const e of errors) out.push([d.where, `PARHUB_SOURCES: ${e}`]);
    for (const name of wanted) {
      if (!entries.some((e) => e.name === name)) out.push([d.where, `PARHUB_SOURCES does not list ${name}; it would dial it at 127.0.0.1`]);
    }
    for (const e of entries) {
      const at = `${d.where} PARHUB_SOURCES ${e.name}=${e.host}:${e.port}`;
      if (wanted.length && !wanted.includes(e.name)) {
        out.push([at, `${e.name} is not a service parhub-${d.proc} pulls from (${wanted.join(", ")})`]);
        continue;
      }
      // It means to call e.name, even where the address is wrong.
      if (!calls.has(e.name)) calls.set(e.name, new Set());
      calls.get(e.name).add(d.proc);
      const target = d.resolve(e.host, e.port);
      if (target.error) out.push([at, target.error]);
      else if (target.proc !== e.name) out.push([at, `${e.host}:${e.port} runs parhub-${target.proc}, not parhub-${e.name}`]);
    }
  }
  for (const d of deployed) {
    if (d.proc === "gateway") continue;
    const allowed = allowedClientsOf(root, d.proc, d.env.PARHUB_TLS_ALLOWED_CLIENTS);
    if (!allowed.has("gateway")) out.push([d.where, "PARHUB_TLS_ALLOWED_CLIENTS must include gateway, which forwards every call to it"]);
    const callers = calls.get(d.proc) ?? new Set();
    for (const caller of callers) {
      if (!allowed.has(caller)) {
        out.push([d.where, `parhub-${caller} calls it (its PARHUB_SOURCES), so PARHUB_TLS_ALLOWED_CLIENTS must include ${caller} (is ${[...allowed].join(",")})`]);
      }
    }
    for (const client of allowed) {
      if (client !== "gateway" && !callers.has(client)) {
        out.push([d.where, `PARHUB_TLS_ALLOWED_CLIENTS admits ${client}, which does not call it; admit only its callers`]);
      }
    }
  }
  return out;
}
