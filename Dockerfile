# syntax=docker/dockerfile:1
#
# One image for every parhub process. The container's command picks the
# process: parhub-directory, parhub-tasks, parhub-staffing, parhub-finance,
# parhub-complaints, parhub-reporting, parhub-gateway or parhubctl.
#
#   docker build -t parhub:dev .
#
# Stage 1 builds with Debian 12's -dev packages; stage 2 is debian:12-slim
# with only the shared libraries the binaries actually load, computed from
# the binaries themselves (deploy/docker/runtime-packages.sh): e.g.
# libcurl4-openssl-dev in the build gives libcurl4 (the URL parser of
# evidence links) in the runtime, libmysqlcppconn-dev libmysqlcppconn7v5.

ARG DEBIAN_RELEASE=12

FROM debian:${DEBIAN_RELEASE} AS build
ENV DEBIAN_FRONTEND=noninteractive
RUN apt-get update \
 && apt-get install -y --no-install-recommends \
      g++ cmake ninja-build ccache pkg-config \
      libgrpc++-dev protobuf-compiler-grpc libprotobuf-dev protobuf-compiler \
      libabsl-dev libmysqlcppconn-dev prometheus-cpp-dev libcli11-dev \
      libssl-dev libicu-dev libcurl4-openssl-dev libxlsxwriter-dev libqrencode-dev libpng-dev liborcus-dev \
      libpango1.0-dev libcairo2-dev libcpp-httplib-dev nodejs npm \
 && rm -rf /var/lib/apt/lists/*

WORKDIR /src
COPY . .
# The web dashboard's one front-end library (package.json "dependencies";
# the test tools are devDependencies and stay out).
RUN npm ci --omit=dev --no-audit --no-fund --loglevel=error
# Tests and benchmarks are off: the image carries only the eight programs.
RUN --mount=type=cache,target=/root/.cache/ccache \
    cmake -S . -B build -G Ninja \
      -DCMAKE_BUILD_TYPE=Release \
      -DPARHUB_BUILD_TESTS=OFF -DPARHUB_BUILD_BENCH=OFF \
 && cmake --build build \
 && install -d /out/bin \
 && install -m 0755 -s \
      build/services/directory/parhub-directory \
      build/services/tasks/parhub-tasks \
      build/services/staffing/parhub-staffing \
      build/services/finance/parhub-finance \
      build/services/complaints/parhub-complaints \
      build/services/reporting/parhub-reporting \
      build/gateway/parhub-gateway \
      build/cli/parhubctl \
      /out/bin/ \
 && install -d /out/web && cp -r build/web/site/. /out/web/ \
 && bash deploy/docker/runtime-packages.sh /out/bin/* > /out/runtime-packages.txt \
 && cat /out/runtime-packages.txt

FROM debian:${DEBIAN_RELEASE}-slim AS runtime
ENV DEBIAN_FRONTEND=noninteractive
COPY --from=build /out/runtime-packages.txt /tmp/runtime-packages.txt
# tzdata: deadlines are interpreted in Asia/Ho_Chi_Minh. fonts-liberation2:
# Liberation Serif (Times New Roman metrics, Vietnamese coverage), which the
# reporting service embeds in its PDF reports.
RUN apt-get update \
 && xargs -a /tmp/runtime-packages.txt \
      apt-get install -y --no-install-recommends tzdata fonts-liberation2 \
 && rm -rf /var/lib/apt/lists/* /tmp/runtime-packages.txt \
 && groupadd --system --gid 10001 parhub \
 && useradd --system --uid 10001 --gid 10001 --no-create-home \
      --home-dir /nonexistent --shell /usr/sbin/nologin parhub \
 && install -d -o 10001 -g 10001 -m 0700 /var/lib/parhub/evidence

COPY --from=build /out/bin/ /usr/local/bin/
# The dashboard the gateway serves with PARHUB_WEB_DIR=/usr/share/parhub/web.
COPY --from=build /out/web/ /usr/share/parhub/web/
# Fail the build if any library is still missing.
RUN ! ldd /usr/local/bin/parhub-* /usr/local/bin/parhubctl | grep 'not found'

# Numeric so Kubernetes can verify runAsNonRoot.
USER 10001:10001
WORKDIR /
# gRPC ports 50050-50056, the gateway's HTTP/JSON port 8080, Prometheus
# metrics ports 9450-9456.
EXPOSE 8080 50050-50056 9450-9456
STOPSIGNAL SIGTERM
CMD ["parhubctl", "--help"]
