// What the deployment validators learn from parhub's sources, so that the
// deployment files cannot drift from the programs they run:
//   - each program's flags (ABSL_FLAG in platform/ and in the program's own
//     directory): every PARHUB_* environment variable must be one of them,
//     as PARHUB_<FLAG> or PARHUB_<FLAG>_FILE (platform/rpc/flags.cc), since
//     any other name is silently ignored by the program;
//   - the gateway's known backends (KnownBackends() in gateway/backends.cc),
//     the only names its --backends (PARHUB_BACKENDS) accepts;
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
// The flags of parhub-<process>, or null when its sources are not found.
export function flagsOf(root, process) {
  const key = `${root}\0${process}`;
  if (flagCache.has(key)) return flagCache.get(key);
  let flags = null;
  if (fs.existsSync(programDir(root, process))) {
    flags = new Set();
    for (const dir of [path.join(root, "platform"), programDir(root, process)]) {
      for (const file of sourceFiles(dir)) {
        const text = fs.readFileSync(file, "utf8");
        for (const m of text.matchAll(/\bABSL_FLAG\(\s*[\w:<>\s]+?,\s*([a-z][a-z0-9_]*)\s*,/g)) flags.add(m[1]);
      }
    }
  }
  flagCache.set(key, flags);
  return flags;
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
