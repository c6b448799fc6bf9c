# PostgreSQL for docker/compose.cluster.yaml, from Debian's postgresql package, so it builds on
# machines that reach a Debian mirror but no container registry (BASE_IMAGE: any Debian image
# with apt, e.g. docker/build-base-image's lazaret-local/jre:bookworm). The entry point takes the
# official postgres image's variables (POSTGRES_USER, POSTGRES_PASSWORD, POSTGRES_DB, PGDATA),
# so that image can replace this one.
#   docker build -f docker/postgres.Dockerfile -t lazaret-local/postgres:bookworm docker
ARG BASE_IMAGE=debian:bookworm-slim
FROM ${BASE_IMAGE}
# No "main" cluster at install time: the entry point creates one in the volume on first start.
RUN mkdir -p /etc/postgresql-common/createcluster.d \
 && echo 'create_main_cluster = false' > /etc/postgresql-common/createcluster.d/no-main.conf \
 && apt-get update -q \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends postgresql \
 && rm -rf /var/lib/apt/lists/* /var/cache/apt/*.bin \
 && ln -s "$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)" /usr/local/lib/postgresql-bin \
 && install -d -o postgres -g postgres -m 2775 /var/run/postgresql \
 && install -d -o postgres -g postgres -m 0700 /var/lib/postgresql/data
COPY postgres-entrypoint /usr/local/bin/postgres-entrypoint
ENV PATH=/usr/local/lib/postgresql-bin:$PATH \
    PGDATA=/var/lib/postgresql/data \
    LANG=C.UTF-8
USER postgres
VOLUME /var/lib/postgresql/data
EXPOSE 5432
# SIGINT is PostgreSQL's fast shutdown; SIGTERM (smart) would wait for every client to hang up,
# and the Lazaret nodes keep pooled connections open.
STOPSIGNAL SIGINT
HEALTHCHECK --interval=5s --timeout=5s --start-period=30s --retries=3 \
  CMD ["pg_isready", "-q", "-h", "127.0.0.1"]
ENTRYPOINT ["postgres-entrypoint"]
