"""Turns the collected numbers into the markdown report: the ratio table first, then details."""
import statistics

SERVERS = ("lazaret", "verdaccio", "nginx")


def _f(value, digits=0):
    if value is None:
        return "-"
    if isinstance(value, float) and digits == 0 and abs(value) < 10:
        digits = 2 if abs(value) < 1 else 1
    return f"{value:,.{digits}f}"


def _ratio(a, b):
    return f"{a / b:.2f}x" if a is not None and b else "-"


def _index(wrk_rows):
    return {(r["case"], r["conns"], r["server"]): r for r in wrk_rows}


def ratio_table(res):
    """The one table of the issue: req/s per server, Lazaret/Verdaccio and Lazaret/nginx."""
    idx = _index(res["wrk"])
    keys = list(dict.fromkeys((r["case"], r["conns"]) for r in res["wrk"]))
    out = ["| test | conns | Lazaret req/s | Verdaccio req/s | nginx req/s | L/V | L/N "
           "| p99 ms L / V / N | p99.9 ms L / N | CPU-ms/req L / V / N | CPU L/N | MiB/s L / N |",
           "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for case, conns in keys:
        row = {s: idx.get((case, conns, s), {}) for s in SERVERS}
        l, v, n = row["lazaret"], row["verdaccio"], row["nginx"]
        out.append(" | ".join([
            f"| {case}", str(conns), _f(l.get("rps")), _f(v.get("rps")), _f(n.get("rps")),
            _ratio(l.get("rps"), v.get("rps")), _ratio(l.get("rps"), n.get("rps")),
            " / ".join(_f(x.get("p99"), 2) for x in (l, v, n)),
            " / ".join(_f(x.get("p999"), 2) for x in (l, n)),
            " / ".join(_f(x.get("cpu_ms_per_req"), 3) for x in (l, v, n)),
            _ratio(l.get("cpu_ms_per_req"), n.get("cpu_ms_per_req")),
            " / ".join(_f(x.get("mibps"), 1) for x in (l, n)) + " |"]))
    return "\n".join(out)


def detail_table(res):
    out = ["| test | conns | server | status | body bytes | enc | requests | req/s | MiB/s "
           "| p50 ms | p99 ms | p99.9 ms | CPU s | CPU-ms/req | socket errs | non-2xx/3xx |",
           "|---|---:|---|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for r in res["wrk"]:
        out.append(f"| {r['case']} | {r['conns']} | {r['server']} | {r['status']} | {r['size']:,} "
                   f"| {r['encoding'] or '-'} | {r['requests']:,} | {_f(r['rps'])} "
                   f"| {_f(r['mibps'], 1)} | {_f(r['p50'], 2)} | {_f(r['p99'], 2)} "
                   f"| {_f(r['p999'], 2)} | {_f(r['cpu_s'], 2)} | {_f(r['cpu_ms_per_req'], 3)} "
                   f"| {r['errors']} | {r['non_2xx_3xx']} |")
    return "\n".join(out)


def _median(xs):
    return statistics.median(xs) if xs else None


def installs_table(res):
    ci = res["npm_ci"]
    med = {k: _median(v) for k, v in ci.items()}
    out = ["| install | runs (s) | median s | vs |", "|---|---|---:|---|"]
    for key, label, base in (
            ("lazaret", "npm ci, warm Lazaret", "nginx"),
            ("nginx", "npm ci, nginx (static files)", None),
            ("verdaccio", "npm ci, warm Verdaccio", None),
            ("cold-lazaret", "npm ci, cold Lazaret (empty store)", "cold-direct"),
            ("cold-direct", "npm ci, straight from the fake upstream", None)):
        if key in ci:
            vs = f"{_ratio(med[key], med.get(base))} of {base}" if base and med.get(base) else ""
            out.append(f"| {label} | {', '.join(_f(x, 2) for x in ci[key])} "
                       f"| {_f(med[key], 2)} | {vs} |")
    return "\n".join(out)


def targets(res):
    """The issue's targets, each with its measured value and met / MISSED."""
    idx = _index(res["wrk"])
    lines = []

    def check(ok, text):
        lines.append(f"- {'met' if ok else '**MISSED**'}: {text}")

    for case in ("abbrev packument gzip", "abbrev packument identity", "small tarball 57 KiB"):
        for conns in res["conns"]:
            l, v, n = (idx.get((case, conns, s)) for s in SERVERS)
            if l and n:
                check(l["rps"] >= 0.8 * n["rps"],
                      f"{case} @{conns}: Lazaret/nginx req/s {_ratio(l['rps'], n['rps'])} (>= 0.8x)")
                if l["cpu_ms_per_req"] and n["cpu_ms_per_req"]:
                    check(l["cpu_ms_per_req"] <= 3 * n["cpu_ms_per_req"],
                          f"{case} @{conns}: CPU/req Lazaret/nginx "
                          f"{_ratio(l['cpu_ms_per_req'], n['cpu_ms_per_req'])} (<= 3x)")
            if l and v:
                check(l["rps"] >= 10 * v["rps"],
                      f"{case} @{conns}: Lazaret/Verdaccio req/s {_ratio(l['rps'], v['rps'])} "
                      "(>= 10x)")
    top = max(res["conns"])
    for case in dict.fromkeys(r["case"] for r in res["wrk"]):
        l, n = idx.get((case, top, "lazaret")), idx.get((case, top, "nginx"))
        if l and n and n["p99"]:
            check(l["p99"] <= 2 * n["p99"],
                  f"{case} @{top}: p99 {_f(l['p99'], 2)} ms vs nginx {_f(n['p99'], 2)} ms (<= 2x)")
    med = {k: _median(v) for k, v in res["npm_ci"].items()}
    if med.get("lazaret") and med.get("nginx"):
        check(med["lazaret"] <= 1.05 * med["nginx"],
              f"npm ci warm Lazaret {_ratio(med['lazaret'], med['nginx'])} of nginx (<= 1.05x)")
    if med.get("cold-lazaret") and med.get("cold-direct"):
        check(med["cold-lazaret"] <= 1.1 * med["cold-direct"],
              f"npm ci cold Lazaret {_ratio(med['cold-lazaret'], med['cold-direct'])} of "
              "straight from upstream (<= 1.1x)")
    rss = res["rss"].get("lazaret")
    if rss:
        check(rss <= 300, f"Lazaret peak RSS under load {_f(rss)} MiB (<= 300)")
    ready = res.get("ready")
    if ready and ready["seconds"]:
        check(_median(ready["seconds"]) < 1.5,
              f"start to ready {_f(_median(ready['seconds']), 2)} s with a "
              f"{_f(ready['store_mib'])} MiB store (< 1.5 s)")
    q = res.get("quarantine")
    if q and q.get("slowdown") is not None:
        check(q["slowdown"] < 0.05, f"quarantine on vs off: {q['slowdown']:+.1%} req/s (< 5%)")
    else:
        lines.append("- not measured: quarantine on vs off (" + (q or {}).get("note", "") + ")")
    return "\n".join(lines)


def render(res):
    m = res["machine"]
    parts = [
        f"# Lazaret benchmark, {res['mode']} run, {m['date']}",
        "",
        f"Machine: {m['cpu']}, {m['cores']} cores, {m['mem_gib']} GiB, Linux {m['kernel']}. "
        f"Load average before / after: {m['load_before']} / {m['load_after']}"
        + (" (**machine was busy: numbers are noisy**)" if m["busy"] else "") + ".",
        f"Versions: Lazaret {m['commit']}, {m['java']}, node {m['node']}, npm {m['npm']}, "
        f"Verdaccio {m['verdaccio']}, {m['nginx']}, {m['wrk']}.",
        f"Server on core 0, wrk (1 thread) and npm on core 1; {res['seconds']} s per wrk run. "
        f"Corpus: {res['corpus']}.",
        f"Quarantine as served by Lazaret: {res['quarantine_seen']}.",
        "",
        "## Load (wrk): Lazaret vs Verdaccio vs nginx",
        "",
        ratio_table(res),
        "",
        "## Installs",
        "",
        installs_table(res),
        "",
        "## Memory and start-up",
        "",
        "Peak RSS during the wrk runs (VmHWM, reset before them): "
        + ", ".join(f"{s} {_f(v)} MiB" for s, v in res["rss"].items()) + ".",
    ]
    ready = res.get("ready")
    if ready:
        parts.append(f"Start to ready (`/-/ping` 200, JVM start included) on a "
                     f"{_f(ready['store_mib'])} MiB store: "
                     + ", ".join(_f(s, 2) for s in ready["seconds"]) + " s.")
    parts += ["", "## Targets of issue 5", "", targets(res), "",
              "## Every wrk run", "", detail_table(res), ""]
    if res.get("profiles"):
        parts += ["## Lazaret profile (JFR, both connection counts of each test)", ""]
        for case, text in res["profiles"].items():
            parts += [f"### {case}", "", "```", text, "```", ""]
    return "\n".join(parts)
