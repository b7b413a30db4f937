# sysctl-lint messages, English (the reference: every id here exists in every
# language, with the same arguments; tests/locales.rs checks it).
# Codes, rule names, keys and values are never translated.

## Severities

severity-error = error
severity-warning = warning
severity-info = info

## explain

explain-default-severity = Default severity: { $severity }
explain-untranslated = (This page has no translation yet; the English page follows.)
explain-unknown-rule = no rule `{ $rule }` (`sysctl-lint rules` lists them all)
explain-unknown-rule-suggest = no rule `{ $rule }`; did you mean `{ $suggestion }`? (`sysctl-lint rules` lists them all)

## rules

rules-markdown-header = | Code | Name | Severity | Summary |

## Command line

lang-invalid = unknown language `{ $name }` (the languages are: en, zh-CN)

## describe (labels; the catalogue's texts stay as written)

describe-key = key
describe-catalogue-entry = catalogue entry
describe-type = type
describe-access = access
describe-unit = unit
describe-default = default
describe-range = range
describe-documented-values = documented values
describe-since = since
describe-status = status
describe-scope = scope
describe-module = module
describe-note = note
describe-sources = sources
describe-read-only = read-only
describe-read-write = read-write
describe-kernel-doc = Kernel documentation ({ $source }):
describe-rules-about = Rules about this key:

## --help (each command's summary, the headings, clap's own flags)

help-usage = Usage:
help-commands = Commands
help-options = Options
help-arguments = Arguments
help-flag-help = Print help
help-flag-version = Print version
help-about-main = Lint Linux sysctl configuration (sysctl.conf, sysctl.d/*.conf) before it is applied
help-about-check = Check files: each path is a file, a directory (its *.conf, sorted by name) or - for stdin
help-about-rules = List every rule: code, name, default severity and summary
help-about-explain = Print the documentation of rules, by code (SL201) or name (unknown-key)
help-about-audit = Compare the configuration with the running kernel (read-only): drift, missing keys, value and profile rules on the live values, and a TCP socket-state summary
help-about-fleet = Merge many hosts' JSON audit reports into one fleet report: which keys differ, which findings affect how many hosts
help-about-effective = Show the value every key ends up with, the file and line that set it, and what it overrode
help-about-server = Run the language server on standard input and output (for editors)
help-about-completions = Print a shell completion script (bash, zsh, fish, elvish, powershell)
help-about-man = Print the manual page sysctl-lint.1 (roff), or write it and one page per command
help-about-config = Show the resolved settings of .sysctl-lint.toml (searched upwards from here)
help-about-profiles = List the hardening profiles, or show the checks of one
help-about-describe = Describe a key from the catalogue: type, unit, default, range, kernel versions, rules
help-about-help = Print this message or the help of the given subcommand(s)
help-arg-lang = The language of the output: en or zh-CN [default: `lang` in .sysctl-lint.toml, else LC_ALL, LC_MESSAGES or LANG (zh_CN.UTF-8 is zh-CN), else en]. Machine formats keep English messages and add `message_localized`

## Command-line errors and notices (on standard error, after `sysctl-lint: `)

cli-cannot-write-output = cannot write output: { $error }
cli-silent-with-diff = --silent prints nothing, and --diff prints the diff: give one of them
cli-fix-stdin-mixed = --fix with `-` prints the fixed standard input; give `-` alone, or fix the files without `-`
# $flag: --exclude, --baseline, --select, ...; $error: what is wrong with its value.
cli-flag-error = { $flag }: { $error }
cli-flag-error-help = { $flag }: { $error }; { $help }
cli-statistics-html = { $command }: --statistics has no HTML rendering (the page's summary table counts the findings); use it with --format human, short or json, or drop it for the page
cli-cannot-write-file = cannot write { $path }: { $error }
cli-baseline-recorded = recorded { $count ->
        [one] { $count } finding
       *[other] { $count } findings
    } in { $path }
cli-fleet-format = fleet: --format { $format } is not available for a fleet report (human, short, json or prometheus)
cli-fleet-statistics = fleet: --statistics and --show-fixes are for `check` and `audit` (a fleet report groups the findings itself)
cli-man-wrote = wrote { $path }
cli-man-cannot-write = cannot write the manual pages to { $dir }: { $error }
cli-server-failed = server: { $error }
exclude-not-a-glob = `{ $glob }` is not a glob: { $error }
# Why a discovered .sysctl-lint.toml is not used ($reason: one of config-untrusted-*).
config-untrusted = not using { $path }: { $reason }, so someone else could have written it; the defaults apply. If you trust it, name it: --config { $quoted }
# $what: config-untrusted-file or config-untrusted-dir.
config-untrusted-owner = { $what } owned by uid { $uid } (not by you, uid { $me }, or root)
config-untrusted-writable = { $what } writable by { $by ->
        [group] its group
        [other] other users
       *[both] its group and other users
    } (mode { $mode })
config-untrusted-file = it is
config-untrusted-dir = its directory { $dir } is
baseline-cannot-read = cannot read baseline `{ $path }`: { $error }
baseline-not-utf8 = cannot read baseline `{ $path }`: not valid UTF-8
baseline-invalid = baseline `{ $path }`: { $error }
baseline-not-json = not valid JSON: { $error }
baseline-version = baseline version { $version } is not supported (this sysctl-lint reads version { $supported })
baseline-no-version = not a sysctl-lint baseline: no `version` number
baseline-not-baseline = not a sysctl-lint baseline: { $error }
snapshot-cannot-read = cannot read { $path }: { $error }
report-cannot-read = cannot read `{ $path }`: { $error }
report-not-audit = `{ $path }` is not a sysctl-lint audit report: { $error }
report-invalid-json = invalid JSON ({ $error })
report-not-object = not a JSON object
report-no-version = no `"version": 1`
report-no-diagnostics = no `diagnostics` list
report-no-host = no `host` (a `check` report, not an `audit` one?)
report-is-fleet = a fleet report, not a single host's (merge the hosts' own reports)
report-unknown-code = unknown rule code `{ $code }` (a report of another sysctl-lint version?)
report-no-severity = a { $code } finding without a severity
report-value-not-string = the value of `{ $key }` is not a string
report-no-message = a { $code } finding without a message
# Instead of a kernel release in a fleet finding's note (hosts with different releases share it).
fleet-host-release = the host's release
describe-unknown-key = `{ $key }` is not in the catalogue of known keys
describe-unknown-key-suggest = `{ $key }` is not in the catalogue of known keys; did you mean: { $suggestions }
profiles-unknown = no profile `{ $name }` (available: { $available })
fix-fixed = fixed { $count ->
        [one] { $count } finding
       *[other] { $count } findings
    }
fix-changed = it changed since it was read; left as is
fix-cannot-write = cannot write it: { $error }; the file is unchanged
fix-cannot-write-stdout = cannot write the fixed text: { $error }
fix-override-written = { $file } belongs to a package: wrote the override { $override }
fix-override-failed = { $file } belongs to a package: cannot write the override { $override }: { $error }
fix-override-dir-is-package = { $dir } resolves to the package directory { $path }: no override written
fix-override-impossible = { $file } belongs to a package: its fixes cannot be expressed as an override (left as is)

## profiles (the profiles' own texts stay as written)

profiles-checks = { $count ->
        [one] { $count } check
       *[other] { $count } checks
    }
profiles-sources = sources: { $sources }

## effective

effective-header = { $root } as { $loader } loads it ({ $files } files):
# A file that could not be read, one line before the values: $severity is the
# word of severity-error, $headline SL100's headline, $note its note.
effective-unreadable = { $severity }[SL100 unreadable-input]: { $headline }
effective-unreadable-note = { $severity }[SL100 unreadable-input]: { $headline } ({ $note })
effective-not-set = not set
effective-glob = glob
effective-replaces = replaces { $setting }  ({ $at })

## audit and fleet (human report)

audit-header = Audit of { $host } (kernel { $kernel }), live values from { $source }, { $configuration }
audit-unknown = unknown
audit-no-configuration = no configuration (give --root DIR to compare with one)
audit-configuration = configuration as { $loader } reads it ({ $files ->
        [one] { $files } file
       *[other] { $files } files
    })
audit-fleet-header = Fleet audit of { $hosts } hosts, { $configuration }
# $summary: the summary line without its final full stop.
audit-fleet-summary = { $summary }. ({ $with } of { $hosts } hosts have findings)
fleet-header = Fleet of { $hosts ->
        [one] { $hosts } host
       *[other] { $hosts } hosts
    }, from { $reports ->
        [one] { $reports } audit report
       *[other] { $reports } audit reports
    }
fleet-clean = No problems found on { $hosts ->
        [one] { $hosts } host
       *[other] { $hosts } hosts
    }.
fleet-summary = Found { $errors ->
        [one] { $errors } error
       *[other] { $errors } errors
    }, { $warnings ->
        [one] { $warnings } warning
       *[other] { $warnings } warnings
    } and { $infos ->
        [one] { $infos } info
       *[other] { $infos } infos
    } ({ $with } of { $hosts } hosts have findings).
fleet-hosts-count = { $hosts } hosts
fleet-col-host = host
fleet-col-kernel = kernel
fleet-col-errors = errors
fleet-col-warnings = warnings
fleet-col-infos = infos
fleet-no-differences = No key differs between hosts.
fleet-differences = Keys that differ between hosts ({ $keys }):
fleet-absent = absent
fleet-findings = Findings ({ $findings } distinct):
fleet-hosts = hosts

## audit --sockets (the TCP socket summary; state names stay as the kernel names them)

sockets-header = TCP sockets ({ $total } in total):
# $usage: one of the sockets-usage-* messages.
sockets-time-wait = TIME_WAIT: { $usage }
sockets-orphans = orphans: { $usage }
sockets-usage-percent = { $count } of { $limit_name } { $limit } ({ $percent }%)
sockets-usage-limit = { $count } ({ $limit_name } { $limit })
sockets-usage-unknown = { $count } ({ $limit_name } unknown)
sockets-ephemeral = ephemeral ports: { $low }-{ $high }, { $reserved } reserved, { $usable } usable
# $percent: `none` when the usable range is not known.
sockets-busiest = busiest destination: { $remote } from { $local }: { $ports } ports ({ $time_wait } in TIME_WAIT){ $percent ->
        [none] {""}
       *[other] , { $percent }% of the usable range
    }
sockets-busiest-none = busiest destination: none (no outgoing connections)
sockets-advice = advice: { $advice }
sockets-advice-time-wait = TIME_WAIT sockets are at { $percent }% of tcp_max_tw_buckets: above the cap the kernel destroys closing sockets without TIME_WAIT (counter TCPTimeWaitOverflow); do not lower the cap, raise it if memory allows. TIME_WAIT lasts a fixed 60 s (TCP_TIMEWAIT_LEN): tcp_fin_timeout does not shorten it.
sockets-advice-orphans = orphaned sockets are at { $percent }% of tcp_max_orphans: above it the kernel resets orphans ("too many orphaned sockets"); each orphan can hold up to about 64 KB of unswappable memory.
sockets-advice-busiest = connections to { $remote } hold { $ports } of the { $usable } usable ephemeral ports: new connect() calls to it fail with EADDRNOTAVAIL once they are all taken.
