# haproxy for docker/compose.cluster.yaml, from Debian's haproxy package, so it builds on
# machines that reach a Debian mirror but no container registry (BASE_IMAGE: any Debian image
# with apt, e.g. docker/build-base-image's lazaret-local/jre:bookworm). The configuration is
# mounted at the official haproxy image's path, so that image can replace this one.
#   docker build -f docker/haproxy.Dockerfile -t lazaret-local/haproxy:bookworm docker
ARG BASE_IMAGE=debian:bookworm-slim
FROM ${BASE_IMAGE}
RUN apt-get update -q \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends haproxy \
 && rm -rf /var/lib/apt/lists/* /var/cache/apt/*.bin \
 && mkdir -p /usr/local/etc/haproxy
COPY haproxy.cfg /usr/local/etc/haproxy/haproxy.cfg
USER haproxy
EXPOSE 4873 4874
# SIGUSR1: stop accepting, let the connections in flight finish, then exit.
STOPSIGNAL SIGUSR1
# -W: master-worker (a reload is SIGUSR2 to PID 1); -db: stay in the foreground, log to stdout.
CMD ["haproxy", "-W", "-db", "-f", "/usr/local/etc/haproxy/haproxy.cfg"]
