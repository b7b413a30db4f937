#!/usr/bin/env bash
# Step 2 of the GitHub Action (action.yml): run `sysctl-lint check` and keep
# its report and exit code for the steps after it (the SARIF upload, then the
# step that fails the job on findings). This step itself always succeeds.
#
# Inputs (environment):
#   INPUT_PATHS   files or directories, separated by blanks or newlines (each
#                 directory: its *.conf files, as one configuration in order)
#   INPUT_ROOT    a tree laid out like / (the repository's `image/`, say) read
#                 as its boot-time loader reads it; exclusive with INPUT_PATHS
#   INPUT_ARGS    more arguments for `check`, separated by blanks (`--kernel
#                 5.15 --fail-on error`)
#   INPUT_FORMAT  sarif (default), github, gitlab, json, json-lines, short, human
#   INPUT_OUTPUT  the report file for sarif, gitlab, json and json-lines
#                 (default sysctl-lint.sarif, gl-code-quality-report.json,
#                 sysctl-lint.json, sysctl-lint.jsonl); other formats print
# Outputs ($GITHUB_OUTPUT): exit-code (0 clean, 1 findings, 2 error) and
# report (the report file, empty when the format prints).
#
# Under INPUT_ROOT, sysctl-lint names files as the system sees them
# (`/etc/sysctl.d/x.conf`); the report is rewritten so that they name the
# repository's files (`image/etc/sysctl.d/x.conf`), which code scanning and
# annotations can show.
set -uo pipefail

format="${INPUT_FORMAT:-sarif}"
root="${INPUT_ROOT:-}"
out="${GITHUB_OUTPUT:-/dev/null}"
cd "${GITHUB_WORKSPACE:-.}" || exit 2

read -r -d '' -a paths <<<"${INPUT_PATHS:-}"
read -r -a extra <<<"${INPUT_ARGS:-}"

fail() {
  echo "::error title=sysctl-lint::$1"
  echo "exit-code=2" >>"$out"
  echo "report=" >>"$out"
  exit 0
}

if [ -n "$root" ] && [ ${#paths[@]} -gt 0 ]; then
  fail "set either \`paths\` or \`root\`, not both"
fi
if [ -z "$root" ] && [ ${#paths[@]} -eq 0 ]; then
  fail "set \`paths\` (sysctl files or directories) or \`root\` (a tree laid out like /): without either, check would read this runner's own /etc"
fi

args=(check --format "$format")
if [ -n "$root" ]; then
  args+=(--root "$root")
fi
args+=("${extra[@]}")
if [ ${#paths[@]} -gt 0 ]; then
  args+=(-- "${paths[@]}")
fi

case "$format" in
  sarif) report="${INPUT_OUTPUT:-sysctl-lint.sarif}" ;;
  gitlab) report="${INPUT_OUTPUT:-gl-code-quality-report.json}" ;;
  json) report="${INPUT_OUTPUT:-sysctl-lint.json}" ;;
  json-lines) report="${INPUT_OUTPUT:-sysctl-lint.jsonl}" ;;
  *) report= ;;
esac

# The repository path of the root, for the rewrite below ("" when it is the
# repository itself).
prefix=
if [ -n "$root" ]; then
  prefix=$(realpath -m --relative-to=. "$root")
  [ "$prefix" = "." ] && prefix=
  case "$prefix" in ../* | /*) prefix= ;; esac # outside the repository: leave as is
fi

echo "sysctl-lint ${args[*]}"
if [ -n "$report" ]; then
  sysctl-lint "${args[@]}" >"$report"
  code=$?
else
  text=$(sysctl-lint "${args[@]}")
  code=$?
fi

if [ -n "$root" ] && [ -n "$prefix" ]; then
  case "$format" in
    sarif | gitlab | json | json-lines)
      python3 - "$report" "$prefix" "$format" <<'PY' || echo "::warning title=sysctl-lint::could not rewrite the paths of $report"
import json, sys, urllib.parse
path, prefix, fmt = sys.argv[1:4]

def rel(p):
    return prefix + p if p.startswith("/") else p

def fix_sarif(node):
    if isinstance(node, dict):
        uri = node.get("uri")
        if isinstance(uri, str) and uri.startswith("file:///") and "uriBaseId" not in node:
            node["uri"] = urllib.parse.quote(prefix, safe="/") + uri[len("file://"):]
            node["uriBaseId"] = "%SRCROOT%"
        for v in node.values():
            fix_sarif(v)
    elif isinstance(node, list):
        for v in node:
            fix_sarif(v)

with open(path, encoding="utf-8") as f:
    text = f.read()
if fmt == "json-lines":
    rows = [json.loads(l) for l in text.splitlines() if l.strip()]
    for r in rows:
        r["file"] = rel(r["file"])
        for x in r.get("related", []):
            x["file"] = rel(x["file"])
    text = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)
else:
    doc = json.loads(text)
    if fmt == "sarif":
        fix_sarif(doc)
    elif fmt == "gitlab":
        for issue in doc:
            issue["location"]["path"] = rel(issue["location"]["path"])
    else:
        for f in doc["files"]:
            f["path"] = rel(f["path"])
        for d in doc["diagnostics"]:
            d["file"] = rel(d["file"])
            for x in d.get("related", []):
                x["file"] = rel(x["file"])
    text = json.dumps(doc, indent=2, ensure_ascii=False) + "\n"
with open(path, "w", encoding="utf-8") as f:
    f.write(text)
PY
      ;;
    github)
      # ::error file=/etc/sysctl.d/x.conf,... -> file=image/etc/sysctl.d/x.conf
      text=$(printf '%s\n' "$text" | P="$prefix" awk '{ if (match($0, /^::[a-z]+ file=\//)) { $0 = substr($0, 1, RLENGTH - 1) ENVIRON["P"] substr($0, RLENGTH) } print }')
      ;;
  esac
fi

if [ -z "$report" ]; then
  printf '%s\n' "$text"
else
  echo "report: $report (exit code $code)"
fi
echo "exit-code=$code" >>"$out"
echo "report=$report" >>"$out"
exit 0
