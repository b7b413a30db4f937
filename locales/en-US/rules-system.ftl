# Messages of the rules SL400 to SL899 (headline, note, help), ids `slNNN-...`.
# Values (sysctl values, sizes, versions) are passed as text, counts as numbers.
# $line is a line number; $where is `same` (a line of this file) or `other`
# (a line of $file).

## SL401 duplicate-key

sl401-headline = `{ $key }` is set again: `{ $value }` overrides line { $line }
sl401-headline-alias = `{ $key }` overrides line { $line } under another name: `{ $value }` wins
sl401-note = `{ $key }` is set to `{ $old }` on line { $line } and to `{ $new }` here. Every line is applied in order, so the later value wins and the earlier one is lost, silently.
sl401-note-alias = `{ $key }` and `{ $other }` on line { $line } are two names of one kernel variable: `{ $new }` replaces `{ $old }`. Every line is applied in order, so the later line wins, silently.
sl401-note-alias-factor = `{ $key }` and `{ $other }` on line { $line } are two names of one kernel variable: `{ $new }` replaces `{ $old }` (`{ $fine }` counts in units { $factor } times smaller than `{ $coarse }`). Every line is applied in order, so the later line wins, silently.
sl401-label-first = first set to `{ $value }` here
sl401-help = keep one line with the value you mean (now the kernel gets `{ $key } = { $value }`) and delete the other

## SL402 redundant-duplicate

sl402-headline = `{ $key }` is set again to the value of line { $line }
sl402-headline-alias = `{ $key }` repeats line { $line } under another name
sl402-headline-alias-units = `{ $key }` sets line { $line } again under another name
sl402-note = Harmless, but a later edit of one line will not change the other.
sl402-note-alias = `{ $key }` and `{ $other }` on line { $line } are two names of one kernel variable, set to the same value: harmless, but a later edit of one line will not change the other.
sl402-note-alias-units = `{ $key }` and `{ $other }` on line { $line } are two names of one kernel variable, in units that cannot be compared here: the later line decides, and a later edit of one line will not change the other.
sl402-label-first = first set here
sl402-help = delete the repeated line

## SL403 overridden-across-files

sl403-headline = `{ $key } = { $value }` overrides `{ $old }` from { $file }:{ $line }
sl403-headline-alias = `{ $key } = { $value }` overrides its alias in { $file }:{ $line }
sl403-note = `{ $key }` is set to `{ $old }` in { $file }:{ $line } and to `{ $new }` here. Files are applied in order and the later one wins.
sl403-note-alias = `{ $key }` = `{ $new }` and `{ $other }` = `{ $old }` from { $file }:{ $line } are two names of one kernel variable. Files are applied in order and the later one wins.
sl403-label = overridden: `{ $value }` set here
sl403-help = intended for a drop-in that adjusts a default; otherwise remove one of the two

## SL407 rejected-by-write-order ($relation is `above` or `below`)

sl407-headline = `{ $key } = { $value }` is rejected: { $relation ->
        [above] above
       *[below] below
    } { $limit }
sl407-note = The kernel rejects this write (EINVAL) and keeps the old value: `{ $key }` = { $value } would be { $relation ->
        [above] above
       *[below] below
    } { $limit }, { $where ->
        [same] the value `{ $other }` has at this point (set on line { $line })
        [other] the value `{ $other }` has at this point (set on line { $line } of `{ $file }`)
       *[default] the kernel default of `{ $other }`, still in force at this point
    }, and each write of `{ $key }` is checked against the current `{ $other }`.
sl407-help = change `{ $other }` first, in a line before this one (keep `{ $a }` at most `{ $b }` after every line)
sl407-help-later = `{ $other }` is changed only further down: write `{ $other }` first (keep `{ $a }` at most `{ $b }` after every line)
sl407-label = `{ $other }` = { $value } here
