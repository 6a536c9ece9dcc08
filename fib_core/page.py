"""The small page browsers get at `GET /` without `n`: self-contained, no external resources, strict CSP."""

from __future__ import annotations

import base64
import hashlib

_STYLE = """
body{font:16px/1.5 system-ui,sans-serif;margin:2rem auto;max-width:60rem;padding:0 1rem;color:#1b1b1b}
h1{font-size:1.5rem}form{display:flex;gap:.5rem;flex-wrap:wrap;align-items:center}
#n{font:inherit;padding:.3rem .5rem;width:12rem}button{font:inherit;padding:.3rem .8rem}
#result{white-space:pre-wrap;overflow-wrap:anywhere;word-break:break-all;background:#f4f4f4;padding:1rem;
max-height:60vh;overflow:auto;font-family:ui-monospace,monospace}#result:empty{display:none}
#error{color:#a00000;font-weight:600}#meta{color:#555}
"""

_SCRIPT = """
const form = document.getElementById("form");
const result = document.getElementById("result");
const error = document.getElementById("error");
const meta = document.getElementById("meta");
const copy = document.getElementById("copy");
form.addEventListener("submit", async (event) => {
  event.preventDefault();
  const n = document.getElementById("n").value.trim();
  const mode = document.querySelector("input[name=mode]:checked").value;
  error.textContent = ""; result.textContent = ""; meta.textContent = "computing...";
  const url = mode === "value" ? "/v1/fibonacci/" + encodeURIComponent(n) : "/?n=" + encodeURIComponent(n);
  try {
    const response = await fetch(url, {headers: {"Accept": "text/plain"}});
    const body = await response.text();
    if (!response.ok) {
      let detail = body;
      try { detail = JSON.parse(body).detail; } catch (ignored) {}
      meta.textContent = "";
      error.textContent = "Error " + response.status + ": " + detail;
      return;
    }
    result.textContent = body;
    meta.textContent = mode === "value" ? "F(" + n + ") has " + body.length + " digits" : "first " + n + " numbers";
  } catch (failure) {
    meta.textContent = "";
    error.textContent = "Request failed: " + failure;
  }
});
copy.addEventListener("click", () => navigator.clipboard.writeText(result.textContent));
"""

_BODY = """<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>fib: Fibonacci numbers</title>
<style>{style}</style>
</head>
<body>
<h1>Fibonacci numbers, exact</h1>
<form id="form">
  <label for="n">n</label>
  <input id="n" name="n" inputmode="numeric" autocomplete="off" required placeholder="e.g. 100">
  <label><input type="radio" name="mode" value="value" checked> F(n)</label>
  <label><input type="radio" name="mode" value="list"> the first n numbers</label>
  <button id="submit" type="submit">Compute</button>
  <button id="copy" type="button">Copy</button>
</form>
<p id="meta" role="status"></p>
<p id="error" role="alert"></p>
<pre id="result"></pre>
<p>API: <a href="/docs">/docs</a> · <code>/v1/fibonacci/{{n}}</code> · <code>/v1/sequence?count=&amp;start=</code></p>
<script>{script}</script>
</body>
</html>
"""


def _csp_hash(source: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(source.encode()).digest()).decode() + "'"


PAGE = _BODY.format(style=_STYLE, script=_SCRIPT).encode()
# Only this page's own inline script and style may run; it may fetch from this origin and nothing else.
CONTENT_SECURITY_POLICY = (
    f"default-src 'none'; script-src {_csp_hash(_SCRIPT)}; style-src {_csp_hash(_STYLE)}; "
    "connect-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)
PAGE_HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "Cache-Control": "public, max-age=300",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
}
