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
