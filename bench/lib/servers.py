"""The servers under test: Lazaret, Verdaccio and nginx, each started on the server core."""
import gzip
import json
import os
import shutil
import time
import urllib.error
import urllib.request
from dataclasses import dataclass

from . import procs

VERDACCIO_VERSION = "6.8.0"
LAUNCHER = os.path.join(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))),
                        "lazaret")
CORGI = "application/vnd.npm.install-v1+json"
# Packuments must stay cached for the whole run: with the 5 min default, Lazaret would
# revalidate mid-measurement against the fake upstream, which renders 30 MiB JSON per request.
PACKUMENT_TTL = "2h"

# The Lazaret setting that switches quarantine filtering (`quarantine.enabled`, on by default):
# `bench/run --quarantine-compare` serves the packument tests with it on and then off.
QUARANTINE_ENV = "LAZARET_QUARANTINE_ENABLED"
QUARANTINE_VALUES = ("true", "false")


@dataclass
class Ctx:
    """What every step needs: where to write, which java and jar, the fake upstream's URL."""
    work: str
    java: str
    jar: str
    upstream: str = ""

    def log(self, name):
        return os.path.join(self.work, "logs", name + ".log")


@dataclass
class Server:
    """A running server: its label, process and base URL (ending in /)."""
    name: str
    proc: object
    base: str

    @property
    def pid(self):
        return self.proc.pid


def fetch(url, headers=None, timeout=120):
    """GET without following redirects or decoding: (status, headers, raw body bytes)."""
    req = urllib.request.Request(url, headers=headers or {})
    try:
        with urllib.request.urlopen(req, timeout=timeout) as resp:
            return resp.status, resp.headers, resp.read()
    except urllib.error.HTTPError as e:
        return e.code, e.headers, e.read()


def start_lazaret(ctx, data_dir, label="lazaret", cpu=procs.SERVER_CPU, extra_env=None):
    """Starts the jar on a free port over data_dir and waits for /-/ping."""
    port = procs.free_port()
    # Through the launcher, as users run it: its JVM defaults (heap limit, class-data archive,
    # pre-extracted RocksDB library) are part of what is measured. It execs java, so the PID is
    # the JVM's; it reads LAZARET_JAVA_OPTS itself and uses this JAVA_HOME's java.
    java_home = os.path.dirname(os.path.dirname(ctx.java))
    env = dict(os.environ, LAZARET_CACHE_PACKUMENT_TTL=PACKUMENT_TTL, JAVA_HOME=java_home,
               **(extra_env or {}))
    argv = [LAUNCHER, "serve", "--listen", f"127.0.0.1:{port}",
            "--upstream", ctx.upstream, "--data", data_dir]
    proc = procs.start(argv, ctx.log(label), cpu=cpu, env=env)
    base = f"http://127.0.0.1:{port}/"
    procs.wait_http(base + "-/ping", proc)
    return Server("lazaret", proc, base)


def install_verdaccio(ctx):
    """Installs Verdaccio into work/verdaccio (once); node-fetch 3 breaks it on Node 20."""
    home = os.path.join(ctx.work, "verdaccio")
    installed = os.path.join(home, "node_modules", "verdaccio", "package.json")
    if os.path.exists(installed):
        with open(installed) as f:
            if json.load(f)["version"] == VERDACCIO_VERSION:
                return home
    os.makedirs(home, exist_ok=True)
    with open(os.path.join(home, "package.json"), "w") as f:
        json.dump({"name": "lazaret-bench-verdaccio", "private": True,
                   "dependencies": {"verdaccio": VERDACCIO_VERSION},
                   "overrides": {"node-fetch": "2.7.0"}}, f, indent=2)
    print(f"  installing verdaccio {VERDACCIO_VERSION} (npm, configured registry)")
    procs.run(["npm", "install", "--no-audit", "--no-fund", "--ignore-scripts"],
              ctx.log("verdaccio-install"), cwd=home)
    return home


def start_verdaccio(ctx, home):
    """Starts Verdaccio proxying the fake upstream, storage in a fresh dir."""
    run_dir = os.path.join(ctx.work, "verdaccio-run")
    shutil.rmtree(run_dir, ignore_errors=True)
    os.makedirs(os.path.join(run_dir, "storage"))
    port = procs.free_port()
    # JSON is valid YAML, so the config needs no YAML library.
    config = {
        "storage": os.path.join(run_dir, "storage"),
        "auth": {"htpasswd": {"file": os.path.join(run_dir, "htpasswd"), "max_users": -1}},
        # maxage like Lazaret's TTL: warm means served from its cache, not revalidated.
        "uplinks": {"fake": {"url": ctx.upstream, "maxage": PACKUMENT_TTL, "timeout": "120s",
                             "max_fails": 1000, "cache": True}},
        "packages": {"@*/*": {"access": "$all", "proxy": "fake"},
                     "**": {"access": "$all", "proxy": "fake"}},
        "web": {"enable": False},
        "server": {"keepAliveTimeout": 60},
        # warn, not the default http level: one log line per request would slow it further.
        "log": {"type": "stdout", "format": "pretty", "level": "warn"},
        "max_body_size": "100mb",
    }
    config_path = os.path.join(run_dir, "config.yaml")
    with open(config_path, "w") as f:
        json.dump(config, f, indent=2)
    argv = ["node", os.path.join(home, "node_modules", "verdaccio", "bin", "verdaccio"),
            "--config", config_path, "--listen", f"127.0.0.1:{port}"]
    proc = procs.start(argv, ctx.log("verdaccio"), cpu=procs.SERVER_CPU, cwd=run_dir)
    base = f"http://127.0.0.1:{port}/"
    procs.wait_http(base + "-/ping", proc)
    return Server("verdaccio", proc, base)


def mirror_for_nginx(lazaret, www, packuments, tarballs):
    """Copies Lazaret's answers into a static tree nginx serves byte for byte:
    www/NAME/full.json[.gz] and abbrev.corgi[.gz] (gzip_static picks .gz), www/NAME/-/FILE.tgz."""
    shutil.rmtree(www, ignore_errors=True)
    for name in packuments:
        folder = os.path.join(www, name)
        os.makedirs(folder, exist_ok=True)
        for file, accept in (("full.json", "application/json"), ("abbrev.corgi", CORGI)):
            for enc, suffix in (("identity", ""), ("gzip", ".gz")):
                status, headers, body = fetch(lazaret.base + name.replace("/", "%2f"),
                                              {"Accept": accept, "Accept-Encoding": enc})
                if status != 200:
                    raise RuntimeError(f"lazaret answered {status} for {name} ({accept}, {enc})")
                if enc == "gzip" and headers.get("Content-Encoding") != "gzip":
                    body = gzip.compress(body)  # Lazaret sent identity; nginx still needs a .gz
                with open(os.path.join(folder, file + suffix), "wb") as f:
                    f.write(body)
    for path in tarballs:
        status, _, body = fetch(lazaret.base + path.lstrip("/"))
        if status != 200:
            raise RuntimeError(f"lazaret answered {status} for {path}")
        target = os.path.join(www, path.lstrip("/"))
        os.makedirs(os.path.dirname(target), exist_ok=True)
        with open(target, "wb") as f:
            f.write(body)


NGINX_CONF = """\
worker_processes 1;
{user}
pid {dir}/nginx.pid;
error_log {dir}/error.log warn;
events {{ worker_connections 4096; }}
http {{
  access_log off;
  sendfile on;
  tcp_nopush on;
  tcp_nodelay on;
  keepalive_requests 10000000;
  etag on;
  client_body_temp_path {dir}/tmp-body;
  proxy_temp_path {dir}/tmp-proxy;
  fastcgi_temp_path {dir}/tmp-fastcgi;
  uwsgi_temp_path {dir}/tmp-uwsgi;
  scgi_temp_path {dir}/tmp-scgi;
  types {{
    application/json json;
    application/vnd.npm.install-v1+json corgi;
    application/octet-stream tgz;
  }}
  # npm asks for the abbreviated packument with this media type (with q-values after it).
  map $http_accept $packument {{
    "~application/vnd\\.npm\\.install-v1\\+json" abbrev.corgi;
    default full.json;
  }}
  server {{
    listen 127.0.0.1:{port};
    root {www};
    gzip_static on;
    gzip_vary on;
    location ~ "/-/[^/]+\\.tgz$" {{ }}
    location / {{ try_files $uri/$packument =404; }}
  }}
}}
"""


def start_nginx(ctx, www):
    """Starts nginx (one worker, like the one server core) over the mirrored tree."""
    run_dir = os.path.join(ctx.work, "nginx-run")
    shutil.rmtree(run_dir, ignore_errors=True)
    os.makedirs(run_dir)
    port = procs.free_port()
    conf = os.path.join(run_dir, "nginx.conf")
    with open(conf, "w") as f:
        f.write(NGINX_CONF.format(dir=run_dir, www=os.path.abspath(www), port=port,
                                  user="user root;" if os.geteuid() == 0 else ""))
    proc = procs.start(["nginx", "-c", conf, "-g", "daemon off;"], ctx.log("nginx"),
                       cpu=procs.SERVER_CPU)
    base = f"http://127.0.0.1:{port}/"
    _wait_listening(base, proc)
    return Server("nginx", proc, base)


def _wait_listening(base, proc):
    """nginx has no ping route: any HTTP answer (404 at /) means it is up."""
    for _ in range(400):
        if proc.poll() is not None:
            raise RuntimeError("nginx exited; see its log")
        status, _, _ = _try_fetch(base)
        if status:
            return
        time.sleep(0.05)
    raise TimeoutError("nginx did not answer")


def _try_fetch(url):
    try:
        return fetch(url, timeout=2)
    except (urllib.error.URLError, OSError):
        return None, None, None
