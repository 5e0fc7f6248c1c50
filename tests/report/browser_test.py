#!/usr/bin/python3
"""The report in a real browser (issue 14 point 2): headless Chromium (Debian's package) opens a
baseline report with the network disabled and checks that

  * the HTML names nothing to load (no http(s):// or protocol-relative src/href), and the page's
    own Content-Security-Policy (default-src 'none') makes any load that did slip in a console
    error, which the next check catches;
  * the page logs no console message at all (errors, CSP violations, failed loads);
  * every chart drew its marks: in an instrumented copy (the same page plus a small inline
    script), each <svg class="chart"> has at least one mark (band, line or bar) whose box, as
    laid out by the browser, has a non-zero size;
  * it opens in under 2 seconds (navigation start to the end of the load event, measured in the
    page) and is under 5 MB;
  * and saves a screenshot (WORK/report.png).

The checks are shown to be able to fail: the same checks run on a copy with one chart's marks
removed and on a copy that logs a console error must report those, or this test fails.

usage: browser_test.py CASEFLOW SOURCE_DIR WORK_DIR [--reps N] [--sections-to DIR]
  --sections-to DIR: also save a screenshot of each section into DIR (for docs/report.md).
"""
import argparse
import os
import re
import shutil
import subprocess
import sys
import time

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
MAX_BYTES = 5 * 1000 * 1000
MAX_LOAD_MS = 2000


def chromium(url, extra, timeout=90):
    """Runs headless Chromium on url with the network disabled; returns (stdout, stderr, seconds)."""
    args = [CHROMIUM, "--headless", "--disable-gpu", "--no-first-run", "--disable-extensions",
            "--disable-background-networking", "--disable-sync", "--disable-component-update",
            "--host-resolver-rules=MAP * ~NOTFOUND", "--proxy-server=127.0.0.1:9", "--proxy-bypass-list=<-loopback>",
            "--enable-logging=stderr", "--v=0", "--user-data-dir=" + PROFILE] + extra + [url]
    if os.geteuid() == 0:
        args.insert(1, "--no-sandbox")  # Chromium's sandbox refuses to run as root
    t0 = time.monotonic()
    p = subprocess.run(args, capture_output=True, text=True, timeout=timeout)
    return p.stdout, p.stderr, time.monotonic() - t0


def console_lines(stderr):
    return [line for line in stderr.splitlines() if ":CONSOLE" in line]


PROBE = """<script>
window.addEventListener('load', function () {
  var charts = document.querySelectorAll('svg.chart');
  for (var i = 0; i < charts.length; i++) {
    var marks = charts[i].querySelectorAll('.mark'), drawn = 0;
    for (var j = 0; j < marks.length; j++) {
      var box = marks[j].getBBox();
      if (box.width > 0 || box.height > 0) drawn++;
    }
    charts[i].setAttribute('data-drawn', String(drawn));
  }
  setTimeout(function () {
    var t = performance.getEntriesByType('navigation')[0];
    document.body.setAttribute('data-load-ms', String(Math.round(t.loadEventEnd - t.startTime)));
    document.body.setAttribute('data-charts', String(charts.length));
  }, 0);
});
</script>"""


def instrumented(html):
    """The page with the probe script; its own policy still forbids every load, now allowing inline script."""
    html = html.replace("default-src 'none'; style-src 'unsafe-inline'",
                        "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'")
    return html.replace("</body>", PROBE + "</body>")


def check_page(path, work, label):
    """Every check on one report file; returns the list of problems (empty: passed)."""
    problems = []
    html = open(path, encoding="utf-8").read()
    size = os.path.getsize(path)
    if size >= MAX_BYTES:
        problems.append(f"{label}: {size} bytes, over 5 MB")
    for m in re.finditer(r"""(?:src|href)\s*=\s*["']?\s*((?:https?:)?//[^"'\s>]*)""", html, re.I):
        problems.append(f"{label}: names a network resource: {m.group(1)}")
    if re.search(r"<(link|iframe|object|embed)\b", html, re.I) or "@import" in html or "url(" in html:
        problems.append(f"{label}: has an element or style that loads another file")

    _, err, _ = chromium("file://" + os.path.abspath(path), ["--dump-dom"])
    for line in console_lines(err):
        problems.append(f"{label}: console: {line}")

    probe = os.path.join(work, os.path.basename(path) + ".probe.html")
    with open(probe, "w", encoding="utf-8") as f:
        f.write(instrumented(html))
    dom, err, _ = chromium("file://" + probe, ["--dump-dom", "--virtual-time-budget=5000"])
    for line in console_lines(err):
        problems.append(f"{label} (instrumented): console: {line}")
    charts = re.findall(r'<svg class="chart" id="([^"]+)"[^>]*?data-drawn="(\d+)"', dom)
    expected = len(re.findall(r'<svg class="chart"', html))
    if expected == 0:
        problems.append(f"{label}: no charts at all")
    if len(charts) != expected:
        problems.append(f"{label}: {expected} charts in the file, {len(charts)} measured in the browser")
    titles = dict(re.findall(r'<svg class="chart" id="([^"]+)".*?<title[^>]*>([^<]*)</title>', html))
    for chart_id, drawn in charts:
        if int(drawn) == 0:
            problems.append(f"{label}: chart {chart_id} ({titles.get(chart_id, '?')}) drew no marks")
    load = re.search(r'data-load-ms="(\d+)"', dom)
    if not load:
        problems.append(f"{label}: the page's load time was not measured")
    elif int(load.group(1)) >= MAX_LOAD_MS:
        problems.append(f"{label}: opened in {load.group(1)} ms, not under {MAX_LOAD_MS} ms")
    check_page.last = {"charts": len(charts), "load_ms": int(load.group(1)) if load else None, "bytes": size}
    return problems


def section_screenshots(path, out_dir, work):
    """One PNG per section: the page with every other section hidden, at a modest width."""
    html = open(path, encoding="utf-8").read()
    ids = re.findall(r'<section id="([^"]+)"', html)
    os.makedirs(out_dir, exist_ok=True)
    for sid in ids:
        page = os.path.join(work, f"section-{sid}.html")
        css = ("header,nav,figure details,section{display:none}section#%s{display:block}"
               "section#%s figure:nth-of-type(n+3){display:none}body{max-width:860px}" % (sid, sid))
        with open(page, "w", encoding="utf-8") as f:  # the assumptions and provenance tables shown open
            f.write(html.replace("</style>", css + "</style>").replace("<details>", "<details open>"))
        png = os.path.join(out_dir, f"report-{sid}.png")
        chromium("file://" + page, ["--screenshot=" + png, "--window-size=900,1050", "--hide-scrollbars"])
        print(f"browser_test: saved {png}")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("caseflow")
    ap.add_argument("source")
    ap.add_argument("work")
    ap.add_argument("--reps", default="20")
    ap.add_argument("--sections-to")
    a = ap.parse_args()
    if not os.path.exists(CHROMIUM):
        print("browser_test: chromium is not installed (bash scripts/install.sh installs it)", file=sys.stderr)
        return 1
    shutil.rmtree(a.work, ignore_errors=True)
    os.makedirs(a.work)
    global PROFILE
    PROFILE = os.path.join(a.work, "chromium-profile")

    # The baseline's whole horizon (the report's size and drawing depend on the months, not the
    # replications, so 20 replications give the same page as 200, faster).
    run_dir = os.path.join(a.work, "baseline")
    subprocess.run([a.caseflow, "run", os.path.join(a.source, "scenarios/baseline.yaml"), "--reps", a.reps,
                    "--threads", "2", "--quiet", "--report", "--out", run_dir], check=True, stdout=subprocess.DEVNULL)
    report = os.path.join(run_dir, "report.html")

    problems = check_page(report, a.work, "report.html")
    figures = check_page.last
    _, _, seconds = chromium("file://" + os.path.abspath(report),
                             ["--screenshot=" + os.path.join(a.work, "report.png"), "--window-size=1200,1600",
                              "--hide-scrollbars"])
    print(f"browser_test: {figures['charts']} charts drawn, {figures['bytes']} bytes, opened in "
          f"{figures['load_ms']} ms (in the page); screenshot {os.path.join(a.work, 'report.png')} "
          f"({seconds:.1f} s with Chromium's start)")

    # The checks can fail: one chart emptied, and a console error, must both be caught.
    html = open(report, encoding="utf-8").read()
    first = html.find('<svg class="chart"')
    end = html.find("</svg>", first)
    emptied = html[:first] + re.sub(r'<(path|rect) class="mark[^>]*?(/>|>.*?</rect>)', "", html[first:end]) + html[end:]
    empty_page = os.path.join(a.work, "empty-chart.html")
    with open(empty_page, "w", encoding="utf-8") as f:
        f.write(emptied)
    caught = check_page(empty_page, a.work, "empty-chart.html")
    if not any("drew no marks" in p for p in caught):
        problems.append("self-check: a chart with no marks was not caught")
    noisy_page = os.path.join(a.work, "console-error.html")
    with open(noisy_page, "w", encoding="utf-8") as f:
        f.write(html.replace("</body>", "<img src=\"https://example.invalid/x.png\" alt=\"\"></body>"))
    caught = check_page(noisy_page, a.work, "console-error.html")
    if not any("console" in p for p in caught) or not any("network resource" in p for p in caught):
        problems.append("self-check: a load from the network was not caught")
    print("browser_test: self-check: an empty chart and a network load are both caught")

    if a.sections_to:
        section_screenshots(report, a.sections_to, a.work)
    for p in problems:
        print("browser_test: FAIL: " + p, file=sys.stderr)
    return 1 if problems else 0


PROFILE = ""
if __name__ == "__main__":
    sys.exit(main())
