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
# Under INPUT_ROOT, sysctl-lint's machine formats name the repository's files
# (`image/etc/sysctl.d/x.conf`, relative to the workspace), which code scanning
# and annotations can show.
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

echo "sysctl-lint ${args[*]}"
if [ -n "$report" ]; then
  sysctl-lint "${args[@]}" >"$report"
  code=$?
else
  text=$(sysctl-lint "${args[@]}")
  code=$?
fi

if [ -z "$report" ]; then
  printf '%s\n' "$text"
else
  echo "report: $report (exit code $code)"
fi
echo "exit-code=$code" >>"$out"
echo "report=$report" >>"$out"
exit 0
