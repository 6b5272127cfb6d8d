// Renders a kustomize base without kubectl, for machines that have none.
//
//   node render-k8s.mjs KUSTOMIZATION_DIR                  # prints the objects as YAML
//   node render-k8s.mjs KUSTOMIZATION_DIR --compare FILE   # exit 1 unless FILE (the
//                                                          # output of `kubectl kustomize`)
//                                                          # holds the same objects
//
// It understands exactly the kustomization fields parhub's base uses, and
// fails on any other, so it never passes off a partial rendering as the
// real one:
//   - resources: local YAML files (not directories, other kustomizations or
//     URLs), concatenated;
//   - namespace: set on every namespaced object;
//   - labels: `pairs` added to every object's metadata.labels, and to pod
//     templates with `includeTemplates: true`; `includeSelectors: true` is
//     refused (selectors would change too);
//   - images: `name` replaced by `newName`, `newTag` or `digest` in the
//     containers and init containers of pod templates.
// What kustomize does beyond that is not reproduced, hence not checked
// without kubectl: its own validation of kustomization.yaml, name
// references, generators, patches, replacements, components and
// transformer configurations. validate.sh compares this rendering with
// kubectl's whenever kubectl is there, so the two cannot drift apart
// unnoticed.

import fs from "node:fs";
import path from "node:path";
import { isDeepStrictEqual } from "node:util";
import { parse, parseAllDocuments, stringify } from "yaml";

const SUPPORTED = new Set(["apiVersion", "kind", "resources", "namespace", "labels", "images"]);
const CLUSTER_SCOPED = new Set([
  "Namespace", "ClusterRole", "ClusterRoleBinding", "PriorityClass", "StorageClass", "PersistentVolume",
  "CustomResourceDefinition", "IngressClass", "RuntimeClass", "ValidatingWebhookConfiguration",
  "MutatingWebhookConfiguration", "APIService",
]);

function fail(message) {
  console.error(`render-k8s: ${message}`);
  process.exit(1);
}

function readDocuments(file) {
  const objects = [];
  for (const doc of parseAllDocuments(fs.readFileSync(file, "utf8"))) {
    if (doc.errors.length) fail(`${file}: ${doc.errors[0].message}`);
    const obj = doc.toJS();
    if (obj !== null && obj !== undefined) objects.push(obj);
  }
  return objects;
}

// The pod templates of a workload (Deployment and friends, Job, CronJob).
function podTemplates(obj) {
  const out = [];
  if (obj.spec?.template && typeof obj.spec.template === "object") out.push(obj.spec.template);
  if (obj.spec?.jobTemplate?.spec?.template) out.push(obj.spec.jobTemplate.spec.template);
  return out;
}

// "registry:5000/team/app:1.2@sha256:…" -> the name without tag or digest.
function imageName(image) {
  const noDigest = image.split("@")[0];
  const slash = noDigest.lastIndexOf("/");
  const colon = noDigest.lastIndexOf(":");
  return colon > slash ? noDigest.slice(0, colon) : noDigest;
}

function setImage(image, rule) {
  const noDigest = image.split("@")[0];
  const digest = image.includes("@") ? image.slice(image.indexOf("@")) : "";
  const name = imageName(image);
  const tag = noDigest.slice(name.length); // ":tag" or ""
  const newName = rule.newName ?? name;
  if (rule.digest) return `${newName}@${rule.digest}`;
  if (rule.newTag !== undefined) return `${newName}:${rule.newTag}`;
  return `${newName}${tag}${digest}`;
}

function render(dir) {
  const file = ["kustomization.yaml", "kustomization.yml", "Kustomization"]
    .map((f) => path.join(dir, f))
    .find((f) => fs.existsSync(f));
  if (!file) fail(`${dir}: no kustomization.yaml`);
  const k = parse(fs.readFileSync(file, "utf8")) ?? {};
  for (const key of Object.keys(k)) {
    if (!SUPPORTED.has(key)) fail(`${file} uses '${key}', which this renderer does not implement; use kubectl kustomize`);
  }

  const objects = [];
  for (const resource of k.resources ?? []) {
    const p = path.join(dir, resource);
    if (/^[a-z]+:\/\//i.test(resource) || !fs.existsSync(p) || !fs.statSync(p).isFile()) {
      fail(`${file}: resource ${resource} is not a local file; use kubectl kustomize`);
    }
    objects.push(...readDocuments(p));
  }

  for (const obj of objects) {
    obj.metadata ??= {};
    if (k.namespace && !CLUSTER_SCOPED.has(obj.kind)) obj.metadata.namespace = k.namespace;

    for (const rule of k.labels ?? []) {
      if (rule.includeSelectors) fail(`${file}: labels with includeSelectors: true are not implemented; use kubectl kustomize`);
      const unknown = Object.keys(rule).filter((x) => !["pairs", "includeSelectors", "includeTemplates"].includes(x));
      if (unknown.length) fail(`${file}: labels field ${unknown.join(", ")} is not implemented; use kubectl kustomize`);
      obj.metadata.labels = { ...obj.metadata.labels, ...rule.pairs };
      if (rule.includeTemplates) {
        for (const t of podTemplates(obj)) {
          t.metadata ??= {};
          t.metadata.labels = { ...t.metadata.labels, ...rule.pairs };
        }
      }
    }

    for (const t of podTemplates(obj)) {
      for (const c of [...(t.spec?.initContainers ?? []), ...(t.spec?.containers ?? [])]) {
        if (typeof c.image !== "string") continue;
        const rule = (k.images ?? []).find((r) => r.name === imageName(c.image));
        if (rule) c.image = setImage(c.image, rule);
      }
    }
  }
  return objects;
}

function main() {
  const args = process.argv.slice(2);
  const at = args.indexOf("--compare");
  const compareWith = at >= 0 ? args.splice(at, 2)[1] : null;
  if (args.length !== 1 || (at >= 0 && !compareWith)) {
    console.error("usage: node render-k8s.mjs KUSTOMIZATION_DIR [--compare KUBECTL_OUTPUT.yaml]");
    process.exit(2);
  }
  const objects = render(args[0]);
  if (!compareWith) {
    process.stdout.write(objects.map((o) => stringify(o)).join("---\n"));
    return;
  }
  const id = (o) => `${o.kind}/${o.metadata?.namespace ?? ""}/${o.metadata?.name}`;
  const ours = new Map(objects.map((o) => [id(o), o]));
  const theirs = new Map(readDocuments(compareWith).map((o) => [id(o), o]));
  const differences = [];
  for (const [key, o] of theirs) {
    if (!ours.has(key)) differences.push(`${key}: rendered by kubectl only`);
    else if (!isDeepStrictEqual(ours.get(key), o)) differences.push(`${key}: differs from kubectl's rendering`);
  }
  for (const key of ours.keys()) if (!theirs.has(key)) differences.push(`${key}: rendered here only`);
  if (differences.length) {
    for (const d of differences) console.error(`render-k8s: ${d}`);
    process.exit(1);
  }
  console.log(`render-k8s: same ${objects.length} objects as kubectl kustomize`);
}

main();
