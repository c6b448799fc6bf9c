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


def _pct(x):
    return f"{x:.0%}" if x is not None else "-"


def counted(l, n):
    """Whether a Lazaret/nginx comparison counts: both servers' cores were saturated."""
    return bool(l and n and l.get("bound") == "server" and n.get("bound") == "server")


def _verdict(l, n):
    if counted(l, n):
        return "counted"
    who = [f"{name} {r.get('bound')} bound" for name, r in (("Lazaret", l), ("nginx", n))
           if r and r.get("bound") != "server"]
    return "**not counted**: " + ", ".join(who) if who else "-"


def ratio_table(res):
    """The issue's table: at the largest connection count, Lazaret against nginx (same bytes):
    req/s, CPU per request, how busy each core was, whether the run counts, and p99 of the
    latency pass."""
    idx = _index(res["wrk"])
    lat = _index(res.get("latency", []))
    top = max(res["conns"])
    out = ["| test | req/s L / N | req/s L/N | CPU-ms/req L / N | CPU/req L/N "
           "| server core busy L / N | wrk core busy L / N | comparison "
           "| paced p99 ms L / N | p99 L/N | Verdaccio req/s | L/V |",
           "|---|---:|---:|---:|---:|---:|---:|---|---:|---:|---:|---:|"]
    for case in dict.fromkeys(r["case"] for r in res["wrk"]):
        l, v, n = (idx.get((case, top, s), {}) for s in SERVERS)
        pl, pn = lat.get((case, top, "lazaret"), {}), lat.get((case, top, "nginx"), {})
        out.append(" | ".join([
            f"| {case}", f"{_f(l.get('rps'))} / {_f(n.get('rps'))}",
            _ratio(l.get("rps"), n.get("rps")),
            f"{_f(l.get('cpu_ms_per_req'), 4)} / {_f(n.get('cpu_ms_per_req'), 4)}",
            _ratio(l.get("cpu_ms_per_req"), n.get("cpu_ms_per_req")),
            f"{_pct(l.get('server_busy'))} / {_pct(n.get('server_busy'))}",
            f"{_pct(l.get('load_busy'))} / {_pct(n.get('load_busy'))}",
            _verdict(l, n),
            f"{_f(pl.get('p99'), 2)} / {_f(pn.get('p99'), 2)}",
            _ratio(pl.get("p99"), pn.get("p99")),
            _f(v.get("rps")), _ratio(l.get("rps"), v.get("rps")) + " |"]))
    return "\n".join(out)


def detail_table(res):
    out = ["| test | conns | server | status | body bytes | enc | requests | req/s | MiB/s "
           "| p50 ms | p99 ms | max ms | CPU s | CPU-ms/req | server core | wrk core | bound by "
           "| socket errs | non-2xx/3xx |",
           "|---|---:|---|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---"
           "|---:|---:|"]
    for r in res["wrk"]:
        out.append(f"| {r['case']} | {r['conns']} | {r['server']} | {r['status']} | {r['size']:,} "
                   f"| {r['encoding'] or '-'} | {r['requests']:,} | {_f(r['rps'])} "
                   f"| {_f(r['mibps'], 1)} | {_f(r['p50'], 2)} | {_f(r['p99'], 2)} "
                   f"| {_f(r['max'], 2)} | {_f(r['cpu_s'], 2)} | {_f(r['cpu_ms_per_req'], 4)} "
                   f"| {_pct(r['server_busy'])} | {_pct(r['load_busy'])} | {r['bound']} "
                   f"| {r['errors']} | {r['non_2xx_3xx']} |")
    return "\n".join(out)


def latency_table(res):
    out = ["| test | conns | server | offered req/s | served req/s | p50 ms | p90 ms | p99 ms "
           "| max ms | server core | wrk core | socket errs |",
           "|---|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for r in res.get("latency", []):
        out.append(f"| {r['case']} | {r['conns']} | {r['server']} | {_f(r['paced_rate'])} "
                   f"| {_f(r['rps'])} | {_f(r['p50'], 2)} | {_f(r['p90'], 2)} "
                   f"| {_f(r['p99'], 2)} | {_f(r['max'], 2)} | {_pct(r['server_busy'])} "
                   f"| {_pct(r['load_busy'])} | {r['errors']} |")
    return "\n".join(out)


def rss_table(res):
    """Peak and last RSS per server and bench phase, from the 0.5 s samples."""
    out = ["| server | phase | samples | peak MiB | at the end MiB |", "|---|---|---:|---:|---:|"]
    for label, phases in res.get("rss_phases", {}).items():
        for phase, (n, peak, last) in phases.items():
            out.append(f"| {label} | {phase} | {n} | {_f(peak)} | {_f(last)} |")
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


# The warm cases issue 12 sets req/s, CPU and p99 targets for.
TARGET_CASES = ("abbrev packument gzip", "abbrev packument identity", "small tarball 57 KiB",
                "404 unknown package", "If-None-Match -> 304 (abbrev gzip)")


def targets(res):
    """Issue 12's targets, each with its measured value and met / MISSED / not counted."""
    idx = _index(res["wrk"])
    lat = _index(res.get("latency", []))
    top = max(res["conns"])
    lines = []

    def check(ok, text):
        lines.append(f"- {'met' if ok else '**MISSED**'}: {text}")

    for case in TARGET_CASES:
        l, n = idx.get((case, top, "lazaret")), idx.get((case, top, "nginx"))
        if not (l and n):
            continue
        busy = (f"server cores {_pct(l['server_busy'])} / {_pct(n['server_busy'])} busy")
        if not counted(l, n):
            lines.append(f"- not counted ({_verdict(l, n)[len('**not counted**: '):]}; {busy}): "
                         f"{case} @{top}: req/s {_ratio(l['rps'], n['rps'])}, CPU/req "
                         f"{_ratio(l['cpu_ms_per_req'], n['cpu_ms_per_req'])}")
        else:
            check(l["rps"] >= 0.8 * n["rps"],
                  f"{case} @{top}: req/s Lazaret/nginx {_ratio(l['rps'], n['rps'])} (>= 0.8x; "
                  f"{busy})")
            check(l["cpu_ms_per_req"] <= 1.5 * n["cpu_ms_per_req"],
                  f"{case} @{top}: CPU/req Lazaret/nginx "
                  f"{_ratio(l['cpu_ms_per_req'], n['cpu_ms_per_req'])} (<= 1.5x; "
                  f"{_f(l['cpu_ms_per_req'], 4)} vs {_f(n['cpu_ms_per_req'], 4)} ms)")
        pl, pn = lat.get((case, top, "lazaret")), lat.get((case, top, "nginx"))
        if pl and pn and pn["p99"]:
            check(pl["p99"] <= 2 * pn["p99"],
                  f"{case} @{top}, paced at half of each server's throughput: p99 "
                  f"{_f(pl['p99'], 2)} ms vs nginx {_f(pn['p99'], 2)} ms "
                  f"{_ratio(pl['p99'], pn['p99'])} (<= 2x)")
    med = {k: _median(v) for k, v in res["npm_ci"].items()}
    if med.get("lazaret") and med.get("nginx"):
        check(med["lazaret"] <= 1.05 * med["nginx"],
              f"npm ci warm Lazaret {_ratio(med['lazaret'], med['nginx'])} of nginx (<= 1.05x)")
    if med.get("lazaret") and med.get("verdaccio"):
        check(med["lazaret"] < med["verdaccio"],
              f"npm ci warm Lazaret {_f(med['lazaret'], 2)} s vs Verdaccio "
              f"{_f(med['verdaccio'], 2)} s (faster)")
    if med.get("cold-lazaret") and med.get("cold-direct"):
        check(med["cold-lazaret"] <= 1.1 * med["cold-direct"],
              f"npm ci cold Lazaret {_ratio(med['cold-lazaret'], med['cold-direct'])} of "
              "straight from upstream (<= 1.1x)")
    peaks = {k: v for k, v in res["rss"].items() if k.startswith("lazaret")}
    if peaks:
        check(max(peaks.values()) <= 300,
              "Lazaret peak RSS over its whole life (VmHWM), every instance of the run: "
              + ", ".join(f"{k} {_f(v)} MiB" for k, v in peaks.items()) + " (<= 300)")
    ready = res.get("ready")
    if ready and ready["seconds"]:
        check(_median(ready["seconds"]) <= 1.0,
              f"start to ready {_f(_median(ready['seconds']), 2)} s with a "
              f"{_f(ready['store_mib'])} MiB store (<= 1 s)")
    q = res.get("quarantine")
    if q and q.get("slowdown") is not None:
        check(q["slowdown"] < 0.05, f"quarantine on vs off: {q['slowdown']:+.1%} req/s (< 5%)")
    else:
        lines.append("- not measured: quarantine on vs off (" + (q or {}).get("note", "") + ")")
    return "\n".join(lines)


def render(res):
    m = res["machine"]
    top = max(res["conns"])
    parts = [
        f"# Lazaret benchmark, {res['mode']} run, {m['date']}",
        "",
        f"Machine: {m['cpu']}, {m['cores']} cores, {m['mem_gib']} GiB, Linux {m['kernel']}. "
        f"Load average before / after: {m['load_before']} / {m['load_after']}"
        + (" (**machine was busy: numbers are noisy**)" if m["busy"] else "") + ".",
        f"Versions: Lazaret {m['commit']}, {m['java']}, node {m['node']}, npm {m['npm']}, "
        f"Verdaccio {m['verdaccio']}, {m['nginx']}, {m['wrk']}.",
        f"Server pinned to core 0, wrk (plain, 1 thread) and npm pinned to core 1; "
        f"{res['seconds']} s per wrk run. Corpus: {res['corpus']}.",
        f"Quarantine as served by Lazaret: {res['quarantine_seen']}.",
        "",
        f"## Load at {top} connections: Lazaret vs nginx (same bytes) and Verdaccio",
        "",
        "A comparison counts only when both servers' cores were at least 90% busy (from "
        "`/proc/stat` over wrk's window); otherwise the load generator or the round trips "
        "limited the run and its req/s says nothing about the server. CPU-ms/req is the "
        "server process's utime+stime over the window divided by the requests. Paced p99: "
        f"the latency pass, {top} connections offering {res.get('latency_load', 0.5):.0%} of "
        "the server's own throughput in that case.",
        "",
        ratio_table(res),
        "",
        "## Installs",
        "",
        installs_table(res),
        "",
        "## Memory and start-up",
        "",
        "Peak RSS over each server's whole life (VmHWM, never reset): "
        + ", ".join(f"{s} {_f(v)} MiB" for s, v in res["rss"].items()) + ".",
    ]
    ready = res.get("ready")
    if ready:
        parts.append(f"Start to ready (`/-/ping` 200, JVM start included) on a "
                     f"{_f(ready['store_mib'])} MiB store: "
                     + ", ".join(_f(s, 2) for s in ready["seconds"]) + " s.")
    parts += ["", "RSS sampled every 0.5 s (VmRSS), by phase:", "", rss_table(res), "",
              "## Targets of issue 12", "", targets(res), "",
              "## Every throughput run (plain wrk)", "", detail_table(res), "",
              "## Latency pass (paced)", "", latency_table(res), ""]
    if res.get("profiles"):
        parts += ["## Lazaret profile (JFR, both connection counts of each test)", ""]
        for case, text in res["profiles"].items():
            parts += [f"### {case}", "", "```", text, "```", ""]
    return "\n".join(parts)
