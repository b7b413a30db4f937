# The text of the output formats (summaries, footers, labels), ids `out-...`.
# The English must stay what the formats printed before they were localised
# (the snapshots check it).

## Summary line ($errors, $warnings, $infos, $files, $shown are numbers)

out-summary-clean = No problems found in { $files ->
        [one] { $files } file
       *[other] { $files } files
    }.
out-summary = Found { $errors ->
        [one] { $errors } error
       *[other] { $errors } errors
    }, { $warnings ->
        [one] { $warnings } warning
       *[other] { $warnings } warnings
    } and { $infos ->
        [one] { $infos } info
       *[other] { $infos } infos
    } in { $files ->
        [one] { $files } file
       *[other] { $files } files
    }.
out-summary-grouped = Found { $errors ->
        [one] { $errors } error
       *[other] { $errors } errors
    }, { $warnings ->
        [one] { $warnings } warning
       *[other] { $warnings } warnings
    } and { $infos ->
        [one] { $infos } info
       *[other] { $infos } infos
    } in { $files ->
        [one] { $files } file
       *[other] { $files } files
    } ({ $shown } shown, repeats grouped).

## Footer ($safe, $unsafe are numbers; $codes is a list such as `SL202 SL305`)

out-fixable = [*] { $safe } fixable with the --fix option.
out-fixable-both = [*] { $safe } fixable with the --fix option ({ $unsafe } more with --unsafe-fixes).
out-fixable-unsafe = { $unsafe } fixable with the --fix --unsafe-fixes options.
out-explain-codes = Run `sysctl-lint explain CODE` for details: { $codes }

## Inside a finding

# The `= note:`, `= help:` and `= file:` lines.
out-note = note
out-help = help
out-file = file
# A place in the same file ($line) or another ($file and $line), before a label's text.
out-place-line = line { $line }
out-place-file = { $file }:{ $line }
# A repeat of a line, when nothing else tells it apart.
out-again = again
# Lists of line numbers: one ($last), several ($list: `3, 7`, then $last), or more
# than are shown ($list, then $more not shown).
# Between the numbers of $list.
out-list-separator = {", "}
out-lines-one = line { $last }
out-lines-some = lines { $list } and { $last }
out-lines-more = lines { $list } and { $more } more
# After a group's labels: the lines not labelled ($lines is one of the lists above).
out-also-on = also on { $lines }
# At the end of a short-format line.
# After the headline of the short format (the space before it is part of it).
out-also = {" "}(also { $lines })

## The HTML report (`--format html`): the page's own words, ids `html-...`.
## Text in backticks is shown as code.

html-check-title = sysctl-lint check report
html-audit-title = sysctl-lint audit of { $host }
html-fleet-title = sysctl-lint fleet audit of { $hosts ->
        [one] { $hosts } host
       *[other] { $hosts } hosts
    }
# The facts under an audit's title (host and kernel are fleet-col-host and fleet-col-kernel).
html-fact-live-source = live values from
html-fact-judged-kernel = judged as kernel
html-fact-configuration = configuration
html-summary = Summary
html-col-severity = Severity
html-col-findings = Findings
# A severity as a heading ($severity: error, warning or info).
html-severity-title = { $severity ->
        [error] Errors
        [warning] Warnings
       *[info] Infos
    }
html-severity-section = { $severity ->
        [error] Errors
        [warning] Warnings
       *[info] Infos
    } ({ $count })
html-fixable-row = Fixable with `--fix`
html-findings = Findings
html-clean = No problems found.
html-fixable = [*] fixable
html-fixable-unsafe = fixable with --unsafe-fixes
# The labels before a finding's facts.
html-live-value = live value:
html-note = { out-note }:
html-help = { out-help }:
html-key = key:
html-value = value:
html-finding-hosts = hosts ({ $hosts }):
# After a snippet cut short.
html-more-lines = ({ $lines ->
        [one] { $lines } more line
       *[other] { $lines } more lines
    })
html-rules = Rules
# After a rule's summary.
html-explain = (`sysctl-lint explain { $code }`)
html-footer = Report by sysctl-lint { $version }.
html-fixes = Fixes
# The fleet.
html-hosts = Hosts ({ $hosts })
html-hosts-first = The first { $shown } of { $hosts } hosts; the JSON report lists all.
html-differences = Keys that differ between hosts ({ $keys })
html-col-key = key
html-col-value = value
html-col-hosts = hosts
html-col-which = which
html-fleet-findings = Fleet findings ({ $findings } distinct)
# The file heading of fleet findings on live values, and their place.
html-live-values = live values
html-live = live
# audit --sockets (the limits' texts are the sockets-usage-* messages).
html-sockets = TCP sockets ({ $total } in total)
html-col-state = state
html-col-count = count
html-orphans = orphans
html-ephemeral-ports = ephemeral ports
html-ephemeral = { $low }-{ $high }, { $reserved } reserved, { $usable } usable
html-busiest = busiest destination
# $percent: `none` when the usable range is not known.
html-busiest-value = `{ $remote }` from `{ $local }`: { $ports } ports ({ $time_wait } in TIME_WAIT){ $percent ->
        [none] {""}
       *[other] , { $percent }% of the usable range
    }
html-busiest-none = none (no outgoing connections)

## --statistics and --show-fixes

# After a count when only some findings of a code are fixable (the space before it is part of it).
out-stat-fixable = {" "}({ $count } fixable)
# $applied: `yes` after --fix, `no` for the fixes --fix would apply.
out-fixes = { $applied ->
        [yes] Fixes applied
       *[no] Fixes --fix would apply
    } ({ $count }):
out-fixes-none = { $applied ->
        [yes] No fixes applied.
       *[no] No fixes available.
    }
# The title of a fix whose finding has no help.
out-fix-title = fix { $name }
