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
