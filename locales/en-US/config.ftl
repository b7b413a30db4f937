# Errors in .sysctl-lint.toml and in rule selectors (--select, --ignore, ...).
# Setting names, values and codes are never translated.

## Reading the file

config-cannot-read = cannot read the configuration: { $error }
config-unknown-setting = unknown setting `{ $field }`
config-unknown-setting-suggest = did you mean `{ $suggestion }`?
config-unknown-setting-list = the settings are: { $settings }
# $example: one of the config-example-* messages.
config-expected = expected { $example }

## A setting's example, shown when its value has the wrong type

config-example-kernel = kernel = "5.15"
config-example-loader = loader = "systemd" (or "procps")
config-example-profile = profile = "server"
config-example-select = select = ["SL2", "unknown-key"]
config-example-extend-select = extend-select = ["SL401"]
config-example-ignore = ignore = ["SL305"]
config-example-severity = [severity] then SL305 = "error"
config-example-per-file-ignores = [per-file-ignores] then "usr/lib/sysctl.d/*.conf" = ["SL4"]
config-example-known-keys = known-keys = ["net.mydriver.*"]
config-example-listening-ports = listening-ports = [8443, "9000-9100"]
config-example-fail-on = fail-on = "error" (or "warning", "info", "never")
config-example-lang = lang = "zh-CN" (or "en")

## Values

config-kernel-invalid = invalid `kernel`: { $error }
config-kernel-help = "running" means the kernel of the machine sysctl-lint runs on
config-lang-invalid = invalid `lang`: `{ $value }`
config-lang-help = the languages are "en" and "zh-CN"
config-loader-invalid = invalid `loader`: `{ $value }`
config-loader-help = the loaders are "systemd" and "procps"
config-loader-help-suggest = did you mean "{ $suggestion }"? (the loaders are "systemd" and "procps")
config-profile-unknown = unknown `profile`: `{ $value }`
config-profile-help = profiles: { $profiles }
config-profile-help-suggest = did you mean "{ $suggestion }"? (profiles: { $profiles })
config-severity-invalid = invalid severity `{ $value }` for `{ $rule }`
config-severity-help = severities: "error", "warning", "info"; use `ignore` to turn a rule off
config-severity-help-suggest = did you mean "{ $suggestion }"? (severities: "error", "warning", "info"; use `ignore` to turn a rule off)
config-glob-invalid = invalid glob `{ $glob }` in `per-file-ignores`: { $error }
config-glob-help = globs use `*`, `?`, `[...]` and `**` (e.g. "etc/sysctl.d/*.conf")
config-known-keys-empty = empty key in `known-keys`
config-known-keys-invalid = invalid pattern `{ $pattern }` in `known-keys`: { $error }
config-known-keys-help = `*` matches one key component, `**` any number (e.g. "net.mydriver.**")
# $port: the value as written (`70000` or `"9100-9000"`).
config-port-invalid = invalid port { $port } in `listening-ports`
config-port-help = a port is 1-65535, written as a number (8443) or a range "LOW-HIGH" ("9000-9100")
config-fail-on-invalid = invalid `fail-on`: `{ $value }`
config-fail-on-help = one of "error", "warning", "info", "never"
config-fail-on-help-suggest = did you mean "{ $suggestion }"? (one of "error", "warning", "info", "never")

## Rule selectors (the configuration and --select, --ignore, --extend-select, --extend-ignore)

selector-empty = empty rule selector
selector-unknown = unknown rule `{ $rule }`
selector-help = use a code (`SL201`), a name (`unknown-key`) or a code prefix (`SL2`); `sysctl-lint rules` lists them
selector-help-suggest = did you mean `{ $suggestion }`? (`sysctl-lint rules` lists every code and name)
