// Validates rendered Kubernetes manifests offline.
//
//   node validate-k8s.mjs RENDERED.yaml [--example SECRET_EXAMPLE.yaml] [--root REPO_ROOT]
//
// RENDERED.yaml is the output of `kubectl kustomize k8s/`. Every object is
//   1. checked against the Kubernetes OpenAPI schema of its kind
//      (npm kubernetes-models); an apiVersion/kind the package does not know
//      is an error (so are custom resources: the base should have none);
//   2. checked for fields the schema does not define (typos such as
//      `readOnlyRootFileSytem` pass a plain schema check; the API server's
//      strict validation rejects them, and so do we), using the property
//      lists in the package's type declarations;
//   3. checked against parhub's own rules (security context, resources,
//      probes, Secret references, the TLS files of each process, PARHUB_*
//      variables that are flags of the program, the gateway's backends,
//      who calls whom besides the gateway (checkPeers), NetworkPolicies;
//      see checkPolicies). Probes: a service listens with
//      TLS only, which the kubelet's native gRPC probe cannot speak, so its
//      probes must be exec probes running exactly
//      `parhubctl --timeout 2 health --addr localhost:<grpc port> --tls-ca
//      <its PARHUB_TLS_CA_FILE>` with timeoutSeconds above 2; the gateway's
//      public port is plaintext and keeps native gRPC probes.
// REPO_ROOT (default: two levels above this file) holds the sources the
// flags and backends are read from (parhub-sources.mjs).
// Prints every problem found and exits 1 if there was any.

import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseAllDocuments } from "yaml";
import {
  defaultRoot, envProblems, healthArgs, knownBackends, parseBackends, peerProblems, processOf,
} from "./parhub-sources.mjs";

const problems = [];
const problem = (where, msg) => problems.push(`${where}: ${msg}`);

// ---------------------------------------------------------------------------
// Reading

function readDocuments(file) {
  const text = fs.readFileSync(file, "utf8");
  const objects = [];
  parseAllDocuments(text).forEach((doc, i) => {
    for (const e of doc.errors) problem(`${file} document ${i + 1}`, `YAML error: ${e.message}`);
    const obj = doc.toJS();
    if (obj === null || obj === undefined) return;
    if (typeof obj !== "object" || Array.isArray(obj)) {
      problem(`${file} document ${i + 1}`, "is not a mapping");
      return;
    }
    objects.push(obj);
  });
  return objects;
}

const label = (o) => `${o?.kind ?? "?"}/${o?.metadata?.name ?? "?"}`;

// ---------------------------------------------------------------------------
// 1. Schema validation with kubernetes-models

async function modelFor(apiVersion, kind) {
  if (typeof apiVersion !== "string" || typeof kind !== "string") return null;
  // "v1" -> kubernetes-models/v1, "apps/v1" -> kubernetes-models/apps/v1
  let mod;
  try {
    mod = await import(`kubernetes-models/${apiVersion}`);
  } catch {
    return null;
  }
  const model = mod[kind];
  return typeof model === "function" && model.kind === kind ? model : null;
}

async function validateSchema(obj) {
  const Model = await modelFor(obj.apiVersion, obj.kind);
  if (!Model) {
    problem(label(obj), `unknown apiVersion/kind ${obj.apiVersion} ${obj.kind} (not in kubernetes-models)`);
    return false;
  }
  try {
    new Model(obj).validate();
  } catch (e) {
    const errors = Array.isArray(e.errors) ? e.errors : [{ instancePath: "", message: e.message }];
    for (const err of errors) {
      const extra = err.params?.allowedValues ? ` ${JSON.stringify(err.params.allowedValues)}` : "";
      problem(label(obj), `schema: ${err.instancePath || "/"} ${err.message}${extra}`);
    }
  }
  return true;
}

// ---------------------------------------------------------------------------
// 2. Unknown fields, from the property lists in the .d.ts files

function packageDir(specifier) {
  // Resolve a known entry point and walk up to the folder holding package.json.
  let dir = path.dirname(fileURLToPath(import.meta.resolve(specifier)));
  while (!fs.existsSync(path.join(dir, "package.json"))) dir = path.dirname(dir);
  return dir;
}

function* dtsFiles(dir) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== "node_modules") yield* dtsFiles(p);
    } else if (entry.name.endsWith(".d.ts")) {
      yield p;
    }
  }
}

// name -> Map(property -> type text); a map type is "map:<value type>".
function loadInterfaces() {
  const interfaces = new Map();
  const byFile = new Map();
  const roots = [packageDir("kubernetes-models/v1"), packageDir("@kubernetes-models/apimachinery")];
  for (const root of roots) {
    for (const file of dtsFiles(root)) {
      const lines = fs.readFileSync(file, "utf8").split("\n");
      const local = new Map();
      for (let i = 0; i < lines.length; i++) {
        const head = /^export interface (\w+)\b[^{]*\{\s*$/.exec(lines[i]);
        if (!head) continue;
        const props = new Map();
        for (i++; i < lines.length && !/^\}/.test(lines[i]); i++) {
          const m = /^ {4}"([^"]+)"\??: (.*)$/.exec(lines[i]);
          if (!m) continue;
          let type = m[2].replace(/;$/, "");
          if (type === "{") {
            const value = /^\s+\[key: string\]: (.*);$/.exec(lines[i + 1] ?? "");
            type = value ? `map:${value[1]}` : "opaque";
          }
          props.set(m[1], type);
        }
        local.set(head[1], props);
      }
      for (const line of lines) {
        const exp = /^export \{ (\w+) as (\w+),/.exec(line);
        if (exp && local.has(exp[1])) interfaces.set(exp[2], local.get(exp[1]));
      }
      byFile.set(file, local);
    }
  }
  return { interfaces, byFile, modelsRoot: roots[0] };
}

let dts;
function rootProperties(obj) {
  dts ??= loadInterfaces();
  const file = path.join(dts.modelsRoot, ...obj.apiVersion.split("/"), `${obj.kind}.d.ts`);
  const props = dts.byFile.get(file)?.get(`I${obj.kind}`);
  // A layout change in kubernetes-models must not silently skip this check.
  if (!props) problem(label(obj), `no type declarations for ${obj.apiVersion} ${obj.kind}; cannot check unknown fields`);
  return props ?? null;
}

function checkUnknownFields(value, props, where, obj) {
  if (!props || value === null || typeof value !== "object" || Array.isArray(value)) return;
  for (const [key, child] of Object.entries(value)) {
    if (!props.has(key)) {
      problem(label(obj), `unknown field ${where}/${key}`);
      continue;
    }
    descend(child, props.get(key), `${where}/${key}`, obj);
  }
}

function descend(value, type, where, obj) {
  if (type.startsWith("map:")) {
    if (value && typeof value === "object" && !Array.isArray(value)) {
      for (const [k, v] of Object.entries(value)) descend(v, type.slice(4), `${where}/${k}`, obj);
    }
    return;
  }
  const array = /^Array<(\w+)>$/.exec(type);
  if (array) {
    if (Array.isArray(value)) value.forEach((v, i) => descend(v, array[1], `${where}/${i}`, obj));
    return;
  }
  const props = dts.interfaces.get(type);
  if (props) checkUnknownFields(value, props, where, obj);
}

// ---------------------------------------------------------------------------
// 3. parhub's rules

const NAMESPACE = "parhub";
const SECRET_NAME = "parhub-secrets";
// Mutual TLS: every process reads its own certificate and key, and the CA
// certificate, from files of this Secret (scripts/make-certs.sh makes them).
const TLS_SECRET = "parhub-tls";
const tlsFiles = (process) => ({
  PARHUB_TLS_CERT_FILE: `${process}.pem`,
  PARHUB_TLS_KEY_FILE: `${process}.key`,
  PARHUB_TLS_CA_FILE: "ca.pem",
});
const CONFIG_MAP = "parhub-config";
// parhubctl's own deadline in a service's exec probes (--timeout).
const PROBE_CLI_TIMEOUT_S = 2;
const RUN_AS_USER = 10001;
const WORKLOAD_KINDS = new Set(["Deployment", "StatefulSet", "DaemonSet"]);
const CLUSTER_SCOPED = new Set(["Namespace", "ClusterRole", "ClusterRoleBinding", "PriorityClass", "StorageClass"]);

const matches = (selector, labels) =>
  selector && Object.keys(selector).length > 0 &&
  Object.entries(selector).every(([k, v]) => labels?.[k] === v);

function checkPolicies(objects, root) {
  const of = (kind) => objects.filter((o) => o.kind === kind);
  const configMaps = new Map(of("ConfigMap").map((c) => [c.metadata.name, c.data ?? {}]));
  const serviceAccounts = new Map(of("ServiceAccount").map((s) => [s.metadata.name, s]));
  const workloads = objects.filter((o) => WORKLOAD_KINDS.has(o.kind));

  for (const o of objects) {
    if (!CLUSTER_SCOPED.has(o.kind) && o.metadata?.namespace !== NAMESPACE) {
      problem(label(o), `namespace is ${o.metadata?.namespace ?? "unset"}, want ${NAMESPACE}`);
    }
    if (o.kind === "Secret") {
      problem(label(o), "the base must not define Secrets; reference parhub-secrets and create it out of band");
    }
  }
  if (!of("Namespace").some((n) => n.metadata.name === NAMESPACE)) {
    problem("Namespace", `no Namespace ${NAMESPACE}`);
  }
  if (workloads.length === 0) problem("workloads", "no Deployment found");

  for (const w of workloads) {
    const where = label(w);
    const spec = w.spec?.template?.spec ?? {};
    const podSc = spec.securityContext ?? {};
    if (w.kind === "Deployment" && !(w.spec?.replicas >= 2)) {
      problem(where, `replicas is ${w.spec?.replicas}, want at least 2`);
    }
    if (!matches(w.spec?.selector?.matchLabels, w.spec?.template?.metadata?.labels)) {
      problem(where, "selector.matchLabels does not match the pod template's labels");
    }
    if (spec.automountServiceAccountToken !== false) {
      problem(where, "pod spec must set automountServiceAccountToken: false");
    }
    const sa = serviceAccounts.get(spec.serviceAccountName);
    if (!sa) problem(where, `serviceAccountName ${spec.serviceAccountName} is not a ServiceAccount of the base`);
    else if (sa.automountServiceAccountToken !== false) {
      problem(label(sa), "automountServiceAccountToken must be false");
    }
    if (!(spec.terminationGracePeriodSeconds >= 20)) {
      problem(where, "terminationGracePeriodSeconds must be set (>= 20) for graceful gRPC shutdown");
    }
    if (spec.hostNetwork || spec.hostPID || spec.hostIPC) problem(where, "must not use host namespaces");
    if (podSc.runAsUser === 0) problem(where, "pod runs as root");

    // Secret volumes: only parhub's Secrets; the TLS one projects only this
    // process's files, never the CA's key, and not world-readable.
    const tlsVolumes = new Map();
    for (const v of spec.volumes ?? []) {
      if (!v.secret) continue;
      if (![SECRET_NAME, TLS_SECRET].includes(v.secret.secretName)) {
        problem(where, `volume ${v.name}: secrets come from ${SECRET_NAME} or ${TLS_SECRET}, not ${v.secret.secretName}`);
      }
      if (v.secret.secretName !== TLS_SECRET) continue;
      tlsVolumes.set(v.name, v);
      const items = v.secret.items ?? [];
      if (items.length === 0) problem(where, `volume ${v.name}: list the items of ${TLS_SECRET} it needs, not the whole Secret`);
      const own = new Set(Object.values(tlsFiles(w.metadata.name)));
      for (const item of items) {
        if (!own.has(item.key)) problem(where, `volume ${v.name}: mounts ${TLS_SECRET} key ${item.key}, which is not its own`);
      }
      const mode = v.secret.defaultMode ?? 0o644;
      if (mode & 0o007) problem(where, `volume ${v.name}: defaultMode ${mode.toString(8)} lets every user read the key; use 0440 (288)`);
      // The files belong to root and to the pod's fsGroup: UID 10001 reads
      // them as a member of that group.
      if (!(mode & 0o040)) problem(where, `volume ${v.name}: defaultMode ${mode.toString(8)} leaves the files unreadable by the group; use 0440 (288)`);
      if (podSc.fsGroup !== RUN_AS_USER) problem(where, `volume ${v.name}: the pod needs fsGroup ${RUN_AS_USER} to read its TLS files`);
    }

    const containers = [...(spec.initContainers ?? []), ...(spec.containers ?? [])];
    for (const c of containers) {
      const cw = `${where} container ${c.name}`;
      const sc = c.securityContext ?? {};
      const r = c.resources ?? {};
      for (const k of ["cpu", "memory"]) {
        if (r.requests?.[k] === undefined) problem(cw, `resources.requests.${k} missing`);
        if (r.limits?.[k] === undefined) problem(cw, `resources.limits.${k} missing`);
      }
      if ((sc.runAsNonRoot ?? podSc.runAsNonRoot) !== true) problem(cw, "runAsNonRoot must be true");
      const uid = sc.runAsUser ?? podSc.runAsUser;
      if (uid !== RUN_AS_USER) problem(cw, `runAsUser is ${uid}, want ${RUN_AS_USER} (the image's user)`);
      if (sc.readOnlyRootFilesystem !== true) problem(cw, "readOnlyRootFilesystem must be true");
      if (sc.allowPrivilegeEscalation !== false) problem(cw, "allowPrivilegeEscalation must be false");
      if (sc.privileged === true) problem(cw, "must not be privileged");
      if (!(sc.capabilities?.drop ?? []).includes("ALL")) problem(cw, "capabilities.drop must contain ALL");
      if (sc.capabilities?.add?.length) problem(cw, "must not add capabilities");
      const seccomp = sc.seccompProfile?.type ?? podSc.seccompProfile?.type;
      if (seccomp !== "RuntimeDefault") problem(cw, `seccompProfile is ${seccomp}, want RuntimeDefault`);

      const image = String(c.image ?? "");
      const tag = image.includes("@") ? "digest" : /:([^/:]+)$/.exec(image)?.[1];
      if (!tag || tag === "latest") problem(cw, `image ${image} must carry a fixed tag or digest`);

      const proc = processOf(c.command);
      if (!proc) problem(cw, `command ${JSON.stringify(c.command)} does not run a parhub-<process> program`);
      else for (const p of envProblems(root, proc, (c.env ?? []).map((e) => e.name))) problem(cw, p);

      if ((spec.initContainers ?? []).includes(c)) continue; // probes are for long-running containers
      const grpcPort = (c.ports ?? []).find((p) => p.name === "grpc")?.containerPort;
      if (!grpcPort) problem(cw, "no container port named grpc");
      if (!(c.ports ?? []).some((p) => p.name === "metrics")) problem(cw, "no container port named metrics");
      // The gateway's public port is plaintext: native gRPC probes. A
      // service's port is TLS only: exec probes through parhubctl with the
      // CA the container mounts (--tls-ca; parhubctl ignores PARHUB_TLS_CA_FILE).
      const caFile = (c.env ?? []).find((e) => e.name === "PARHUB_TLS_CA_FILE")?.value;
      const wantExec = ["parhubctl", ...healthArgs(proc ?? w.metadata.name, grpcPort, caFile, PROBE_CLI_TIMEOUT_S)];
      for (const probe of ["startupProbe", "readinessProbe", "livenessProbe"]) {
        const pr = c[probe];
        if (!pr) {
          problem(cw, `${probe} missing`);
          continue;
        }
        const kinds = ["grpc", "exec", "httpGet", "tcpSocket"].filter((k) => pr[k] !== undefined);
        if (proc === "gateway") {
          const port = pr.grpc?.port;
          if (kinds.join() !== "grpc") problem(cw, `${probe} must be a native gRPC probe (grpc.port ${grpcPort}), is ${kinds.join("+") || "none"}`);
          else if (port !== grpcPort) problem(cw, `${probe} checks port ${port}, but the grpc port is ${grpcPort}`);
          continue;
        }
        if (kinds.join() !== "exec") {
          problem(cw, `${probe} must be an exec probe running ${JSON.stringify(wantExec)} (the gRPC port is TLS only, which native gRPC probes cannot speak), is ${kinds.join("+") || "none"}`);
          continue;
        }
        const command = pr.exec.command ?? [];
        if (JSON.stringify(command) !== JSON.stringify(wantExec)) {
          problem(cw, `${probe} must run ${JSON.stringify(wantExec)}, runs ${JSON.stringify(command)}`);
        }
        if (!((pr.timeoutSeconds ?? 1) > PROBE_CLI_TIMEOUT_S)) {
          problem(cw, `${probe}: timeoutSeconds ${pr.timeoutSeconds ?? "1 (default)"} must exceed parhubctl's --timeout ${PROBE_CLI_TIMEOUT_S}`);
        }
      }

      // Its TLS files: each env var names a file of a read-only mount of
      // the TLS volume, and that file is the right key of the Secret.
      for (const m of c.volumeMounts ?? []) {
        if (tlsVolumes.has(m.name) && m.readOnly !== true) problem(cw, `volume mount ${m.name} must be readOnly`);
      }
      for (const [name, key] of Object.entries(tlsFiles(w.metadata.name))) {
        const value = (c.env ?? []).find((e) => e.name === name)?.value;
        if (typeof value !== "string") {
          problem(cw, `env ${name} missing: it must name ${key} from Secret ${TLS_SECRET}`);
          continue;
        }
        const mount = (c.volumeMounts ?? []).find((m) => tlsVolumes.has(m.name) && value.startsWith(`${m.mountPath.replace(/\/$/, "")}/`));
        if (!mount) {
          problem(cw, `env ${name}=${value} is not in a mounted volume of Secret ${TLS_SECRET}`);
          continue;
        }
        const file = value.slice(mount.mountPath.replace(/\/$/, "").length + 1);
        const item = (tlsVolumes.get(mount.name).secret.items ?? []).find((i) => i.path === file);
        if (!item) problem(cw, `env ${name}=${value}: volume ${mount.name} has no item with path ${file}`);
        else if (item.key !== key) problem(cw, `env ${name} reads ${TLS_SECRET} key ${item.key}, want ${key}`);
      }

      for (const e of c.env ?? []) {
        const cm = e.valueFrom?.configMapKeyRef;
        if (cm && !cm.optional) {
          if (!configMaps.has(cm.name)) problem(cw, `env ${e.name}: ConfigMap ${cm.name} is not in the base`);
          else if (!(cm.key in configMaps.get(cm.name))) problem(cw, `env ${e.name}: ConfigMap ${cm.name} has no key ${cm.key}`);
        }
        const sec = e.valueFrom?.secretKeyRef;
        if (sec && sec.name !== SECRET_NAME) problem(cw, `env ${e.name}: secrets come from ${SECRET_NAME}, not ${sec.name}`);
        if (e.value !== undefined && /PASSWORD|KEY|SECRET|TOKEN/.test(e.name) && !/_FILE$/.test(e.name)) {
          problem(cw, `env ${e.name} holds a literal value; take it from ${SECRET_NAME}`);
        }
      }
    }
  }

  checkBackends(objects, workloads, configMaps, root);
  checkPeers(objects, workloads, configMaps, root);

  // Services and PDBs must select a workload, and Service ports must exist.
  for (const s of of("Service")) {
    const w = workloads.find((x) => matches(s.spec?.selector, x.spec?.template?.metadata?.labels));
    if (!w) {
      problem(label(s), "selects no workload of the base");
      continue;
    }
    const ports = w.spec.template.spec.containers.flatMap((c) => c.ports ?? []);
    for (const p of s.spec.ports ?? []) {
      const ok = typeof p.targetPort === "string"
        ? ports.some((cp) => cp.name === p.targetPort)
        : ports.some((cp) => cp.containerPort === (p.targetPort ?? p.port));
      if (!ok) problem(label(s), `port ${p.name}: targetPort ${p.targetPort} is not a container port of ${label(w)}`);
    }
    for (const name of ["grpc", "metrics"]) {
      if (!(s.spec.ports ?? []).some((p) => p.name === name)) problem(label(s), `no port named ${name}`);
    }
  }
  for (const p of of("PodDisruptionBudget")) {
    if (!workloads.some((x) => matches(p.spec?.selector?.matchLabels, x.spec?.template?.metadata?.labels))) {
      problem(label(p), "selects no workload of the base");
    }
  }
  // Every Deployment scales on CPU with an autoscaler that never goes below
  // its PodDisruptionBudget's minAvailable + 1 (so a voluntary eviction
  // always leaves one replica serving).
  const autoscalers = of("HorizontalPodAutoscaler");
  for (const h of autoscalers) {
    const ref = h.spec?.scaleTargetRef ?? {};
    if (ref.kind !== "Deployment" || !workloads.some((w) => w.kind === "Deployment" && w.metadata?.name === ref.name)) {
      problem(label(h), `scales ${ref.kind ?? "?"}/${ref.name ?? "?"}, not a Deployment of the base`);
    }
    if (!(h.spec?.maxReplicas >= h.spec?.minReplicas)) problem(label(h), "maxReplicas below minReplicas");
    if (!(h.spec?.metrics ?? []).some((m) => m.type === "Resource" && m.resource?.name === "cpu")) {
      problem(label(h), "no CPU metric");
    }
  }
  for (const w of workloads.filter((x) => x.kind === "Deployment")) {
    const h = autoscalers.find((x) => x.spec?.scaleTargetRef?.name === w.metadata?.name);
    if (!h) {
      problem(label(w), "no HorizontalPodAutoscaler scales it");
      continue;
    }
    const pdb = of("PodDisruptionBudget").find((p) =>
      matches(p.spec?.selector?.matchLabels, w.spec?.template?.metadata?.labels));
    const floor = (pdb?.spec?.minAvailable ?? 0) + 1;
    if (!(h.spec?.minReplicas >= floor)) {
      problem(label(h), `minReplicas ${h.spec?.minReplicas} leaves no replica to evict (PodDisruptionBudget minAvailable ${pdb?.spec?.minAvailable})`);
    }
  }

  // NetworkPolicies: a default deny-all, DNS egress, and every workload's
  // gRPC port reachable by some policy.
  const policies = of("NetworkPolicy");
  const empty = (sel) => !sel || Object.keys(sel).length === 0 ||
    (Object.keys(sel.matchLabels ?? {}).length === 0 && (sel.matchExpressions ?? []).length === 0);
  const denyAll = policies.find((p) => empty(p.spec?.podSelector) &&
    ["Ingress", "Egress"].every((t) => (p.spec?.policyTypes ?? []).includes(t)) &&
    !(p.spec?.ingress?.length) && !(p.spec?.egress?.length));
  if (!denyAll) problem("NetworkPolicy", "no default deny-all policy (empty podSelector, Ingress+Egress, no rules)");
  const dns = policies.some((p) => empty(p.spec?.podSelector) && (p.spec?.egress ?? []).some((r) =>
    (r.ports ?? []).some((pt) => pt.port === 53 && pt.protocol === "UDP")));
  if (!dns) problem("NetworkPolicy", "no policy lets every pod reach DNS (UDP 53)");
  const selects = (p, labels) => {
    const sel = p.spec?.podSelector ?? {};
    if (empty(sel)) return true;
    const okLabels = Object.entries(sel.matchLabels ?? {}).every(([k, v]) => labels?.[k] === v);
    const okExpr = (sel.matchExpressions ?? []).every((e) =>
      e.operator === "In" ? (e.values ?? []).includes(labels?.[e.key]) :
      e.operator === "NotIn" ? !(e.values ?? []).includes(labels?.[e.key]) :
      e.operator === "Exists" ? labels?.[e.key] !== undefined : labels?.[e.key] === undefined);
    return okLabels && okExpr;
  };
  for (const w of workloads) {
    const labels = w.spec?.template?.metadata?.labels;
    for (const c of w.spec?.template?.spec?.containers ?? []) {
      for (const portName of ["grpc", "metrics"]) {
        const port = (c.ports ?? []).find((p) => p.name === portName)?.containerPort;
        if (!port) continue;
        const allowed = policies.some((p) => selects(p, labels) && (p.spec?.ingress ?? []).some((r) =>
          (r.ports ?? []).some((pt) => pt.port === port || pt.port === portName)));
        if (!allowed) problem(label(w), `no NetworkPolicy admits ingress to its ${portName} port ${port}`);
      }
    }
  }
}

// The gateway's PARHUB_BACKENDS (from ConfigMap parhub-config, key
// backends): every service workload of the base, by a backend name the
// gateway knows, at the Service that selects it and that Service's grpc
// port. A backend left out would be dialled at 127.0.0.1 in the gateway's pod.
function checkBackends(objects, workloads, configMaps, root) {
  const known = knownBackends(root);
  if (known.length === 0) problem("gateway/backends.cc", "no backends found in KnownBackends()");
  const services = objects.filter((o) => o.kind === "Service");
  const containersOf = (w) => w.spec?.template?.spec?.containers ?? [];
  const gateways = workloads.filter((w) => containersOf(w).some((c) => processOf(c.command) === "gateway"));
  if (gateways.length === 0) problem("workloads", "no gateway (a container running parhub-gateway)");
  for (const w of gateways) {
    const c = containersOf(w).find((x) => processOf(x.command) === "gateway");
    const cw = `${label(w)} container ${c.name}`;
    const env = (c.env ?? []).find((e) => e.name === "PARHUB_BACKENDS");
    if (!env) {
      problem(cw, "env PARHUB_BACKENDS missing: name=host:port of every service");
      continue;
    }
    let value = env.value;
    const ref = env.valueFrom?.configMapKeyRef;
    if (ref) {
      if (ref.name !== CONFIG_MAP || ref.key !== "backends") problem(cw, `env PARHUB_BACKENDS must come from ConfigMap ${CONFIG_MAP} key backends`);
      value = configMaps.get(ref.name)?.[ref.key];
    }
    if (typeof value !== "string") {
      problem(cw, "env PARHUB_BACKENDS has no value in the base");
      continue;
    }
    const { entries, errors } = parseBackends(value);
    for (const e of errors) problem(cw, `PARHUB_BACKENDS: ${e}`);
    for (const e of entries) {
      const where = `${cw} PARHUB_BACKENDS ${e.name}=${e.host}:${e.port}`;
      if (!known.includes(e.name)) {
        problem(where, `${e.name} is not a backend the gateway knows (${known.join(", ")})`);
        continue;
      }
      // "tasks", "tasks.parhub", "tasks.parhub.svc", "tasks.parhub.svc.cluster.local".
      const [svcName, ns = NAMESPACE, ...rest] = e.host.split(".");
      if (ns !== NAMESPACE || (rest.length && rest[0] !== "svc")) {
        problem(where, `host must be a Service of namespace ${NAMESPACE}`);
        continue;
      }
      const svc = services.find((s) => s.metadata?.name === svcName);
      if (!svc) {
        problem(where, `no Service ${svcName} in the base`);
        continue;
      }
      const port = (svc.spec?.ports ?? []).find((p) => p.port === e.port);
      if (!port || port.name !== "grpc") problem(where, `Service ${svcName} has no grpc port ${e.port}`);
      const target = workloads.find((x) => matches(svc.spec?.selector, x.spec?.template?.metadata?.labels));
      if (target && !containersOf(target).some((x) => processOf(x.command) === e.name)) {
        problem(where, `Service ${svcName} selects ${label(target)}, which does not run parhub-${e.name}`);
      }
    }
    for (const x of workloads) {
      for (const proc of containersOf(x).map((y) => processOf(y.command))) {
        if (!proc || proc === "gateway") continue;
        if (!entries.some((e) => e.name === proc)) problem(cw, `PARHUB_BACKENDS does not list ${proc} (${label(x)})`);
      }
    }
    for (const b of known) {
      if (!entries.some((e) => e.name === b)) {
        problem(cw, `PARHUB_BACKENDS does not list ${b}, a backend the gateway knows; it would dial it at 127.0.0.1`);
      }
    }
  }
}

// The value of a container's env var in the base: literal, or from a
// ConfigMap of the base; undefined when unset or not resolvable.
function envValue(c, name, configMaps) {
  const e = (c.env ?? []).find((x) => x.name === name);
  if (!e) return undefined;
  const ref = e.valueFrom?.configMapKeyRef;
  return ref ? configMaps.get(ref.name)?.[ref.key] : e.value;
}

// Whether some NetworkPolicy of the base lets a pod with `self` labels
// send (Egress) or receive (Ingress) a connection to or from a pod with
// `peer` labels in the same namespace on `port` (number or name).
function policyAdmits(policies, direction, self, peer, port, portName) {
  const selectorMatches = (sel, labels) => {
    if (!sel) return false;
    const okLabels = Object.entries(sel.matchLabels ?? {}).every(([k, v]) => labels?.[k] === v);
    const okExpr = (sel.matchExpressions ?? []).every((e) =>
      e.operator === "In" ? (e.values ?? []).includes(labels?.[e.key]) :
      e.operator === "NotIn" ? !(e.values ?? []).includes(labels?.[e.key]) :
      e.operator === "Exists" ? labels?.[e.key] !== undefined : labels?.[e.key] === undefined);
    return okLabels && okExpr;
  };
  const key = direction === "Egress" ? "egress" : "ingress";
  const peersKey = direction === "Egress" ? "to" : "from";
  return policies.some((p) => (p.spec?.policyTypes ?? []).includes(direction) &&
    selectorMatches(p.spec?.podSelector ?? {}, self) &&
    (p.spec?.[key] ?? []).some((rule) => {
      const peers = rule[peersKey] ?? [];
      const peerOk = peers.length === 0 ||
        peers.some((x) => x.podSelector && !x.namespaceSelector && !x.ipBlock && selectorMatches(x.podSelector, peer));
      const ports = rule.ports ?? [];
      const portOk = ports.length === 0 || ports.some((pt) => pt.port === port || pt.port === portName);
      return peerOk && portOk;
    }));
}

// Who calls whom: the gateway each backend, and a service with a --sources
// flag (reporting) each service it pulls from. Every call must be admitted
// by the callee's certificate check (PARHUB_TLS_ALLOWED_CLIENTS, which
// admits no one else) and by the NetworkPolicies on both ends.
function checkPeers(objects, workloads, configMaps, root) {
  const services = objects.filter((o) => o.kind === "Service");
  const policies = objects.filter((o) => o.kind === "NetworkPolicy");
  const containersOf = (w) => w.spec?.template?.spec?.containers ?? [];
  const labelsOf = (w) => w.spec?.template?.metadata?.labels;
  const edges = [];
  // host:port as a pod of the namespace reaches it: a Service of the base
  // and its grpc port, and the workload it selects.
  const resolveFrom = (caller, via) => (host, port) => {
    const [svcName, ns = NAMESPACE, ...rest] = host.split(".");
    if (ns !== NAMESPACE || (rest.length && rest[0] !== "svc")) return { error: `host must be a Service of namespace ${NAMESPACE}` };
    const svc = services.find((x) => x.metadata?.name === svcName);
    if (!svc) return { error: `no Service ${svcName} in the base` };
    const sp = (svc.spec?.ports ?? []).find((x) => x.port === port);
    if (!sp || sp.name !== "grpc") return { error: `Service ${svcName} has no grpc port ${port}` };
    const target = workloads.find((x) => matches(svc.spec?.selector, labelsOf(x)));
    if (!target) return { error: `Service ${svcName} selects no workload of the base` };
    const tc = containersOf(target).find((x) => processOf(x.command));
    const containerPort = (tc?.ports ?? []).find((x) => x.name === sp.targetPort || x.containerPort === sp.targetPort)?.containerPort;
    edges.push({ caller, target, via, port: containerPort ?? port });
    return { proc: processOf(tc?.command) };
  };
  const deployed = [];
  for (const w of workloads) {
    for (const c of containersOf(w)) {
      const proc = processOf(c.command);
      if (!proc) continue;
      const env = {
        PARHUB_SOURCES: envValue(c, "PARHUB_SOURCES", configMaps),
        PARHUB_TLS_ALLOWED_CLIENTS: envValue(c, "PARHUB_TLS_ALLOWED_CLIENTS", configMaps),
      };
      deployed.push({ where: `${label(w)} container ${c.name}`, proc, env, resolve: resolveFrom(w, "PARHUB_SOURCES") });
      if (proc === "gateway") {
        // checkBackends reports what is wrong with the entries themselves.
        const resolve = resolveFrom(w, "PARHUB_BACKENDS");
        for (const e of parseBackends(envValue(c, "PARHUB_BACKENDS", configMaps) ?? "").entries) resolve(e.host, e.port);
      }
    }
  }
  for (const [where, msg] of peerProblems(root, deployed)) problem(where, msg);
  for (const { caller, target, via, port } of edges) {
    const from = labelsOf(caller);
    const to = labelsOf(target);
    if (!policyAdmits(policies, "Egress", from, to, port, "grpc")) {
      problem(label(caller), `no NetworkPolicy lets it reach ${label(target)} on port ${port} (its ${via})`);
    }
    if (!policyAdmits(policies, "Ingress", to, from, port, "grpc")) {
      problem(label(target), `no NetworkPolicy admits ${label(caller)} on port ${port} (${label(caller)}'s ${via})`);
    }
  }
}

// ---------------------------------------------------------------------------

async function main() {
  const args = process.argv.slice(2);
  const exampleAt = args.indexOf("--example");
  const examples = exampleAt >= 0 ? args.splice(exampleAt, 2).slice(1) : [];
  const rootAt = args.indexOf("--root");
  const root = rootAt >= 0 ? args.splice(rootAt, 2)[1] : defaultRoot;
  if (args.length !== 1 || !root) {
    console.error("usage: node validate-k8s.mjs RENDERED.yaml [--example SECRET_EXAMPLE.yaml] [--root REPO_ROOT]");
    process.exit(2);
  }
  const objects = readDocuments(args[0]);
  if (objects.length === 0) problem(args[0], "no Kubernetes objects");
  for (const o of objects) {
    if (await validateSchema(o)) checkUnknownFields(o, rootProperties(o), "", o);
  }
  checkPolicies(objects, root);

  // The example Secret is not part of the base; it must still be a valid
  // Secret holding every key the base references.
  for (const file of examples) {
    const docs = readDocuments(file);
    for (const o of docs) {
      if (await validateSchema(o)) checkUnknownFields(o, rootProperties(o), "", o);
    }
    const tls = docs.find((o) => o.kind === "Secret" && o.metadata?.name === TLS_SECRET);
    const tlsKeys = new Set(Object.keys({ ...tls?.data, ...tls?.stringData }));
    for (const o of objects.filter((x) => WORKLOAD_KINDS.has(x.kind))) {
      for (const v of o.spec.template.spec.volumes ?? []) {
        if (v.secret?.secretName !== TLS_SECRET) continue;
        for (const item of v.secret.items ?? []) {
          if (!tlsKeys.has(item.key)) problem(file, `Secret ${TLS_SECRET} lacks key ${item.key} used by ${label(o)}`);
        }
      }
    }
    if (tlsKeys.has("ca.key")) problem(file, `Secret ${TLS_SECRET} must not hold the CA's private key ca.key`);
    const secret = docs.find((o) => o.kind === "Secret" && o.metadata?.name === SECRET_NAME);
    if (!secret) {
      problem(file, `no Secret ${SECRET_NAME}`);
      continue;
    }
    const keys = new Set(Object.keys({ ...secret.data, ...secret.stringData }));
    for (const o of objects.filter((x) => WORKLOAD_KINDS.has(x.kind))) {
      for (const c of o.spec.template.spec.containers ?? []) {
        for (const e of c.env ?? []) {
          const ref = e.valueFrom?.secretKeyRef;
          if (ref?.name === SECRET_NAME && !keys.has(ref.key)) {
            problem(file, `lacks key ${ref.key} used by ${label(o)} (${e.name})`);
          }
        }
      }
    }
  }

  if (problems.length) {
    for (const p of problems) console.error(`k8s: ${p}`);
    console.error(`k8s: ${problems.length} problem(s) in ${objects.length} object(s)`);
    process.exit(1);
  }
  console.log(`k8s: ${objects.length} objects valid (schema, unknown fields, parhub policies)`);
}

await main();
