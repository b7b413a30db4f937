# .sysctl-lint.toml 与规则选择器（--select、--ignore 等）的错误信息。
# 设置名、取值和规则代码不翻译。

## 读取文件

config-cannot-read = 无法读取配置文件：{ $error }
config-unknown-setting = 未知的设置 `{ $field }`
config-unknown-setting-suggest = 是否想写 `{ $suggestion }`？
config-unknown-setting-list = 可用的设置有：{ $settings }
config-expected = 应写成 { $example }

## 值类型不对时给出的示例

config-example-kernel = kernel = "5.15"
config-example-loader = loader = "systemd"（或 "procps"）
config-example-profile = profile = "server"
config-example-select = select = ["SL2", "unknown-key"]
config-example-extend-select = extend-select = ["SL401"]
config-example-ignore = ignore = ["SL305"]
config-example-severity = 先写 [severity]，再写 SL305 = "error"
config-example-per-file-ignores = 先写 [per-file-ignores]，再写 "usr/lib/sysctl.d/*.conf" = ["SL4"]
config-example-known-keys = known-keys = ["net.mydriver.*"]
config-example-listening-ports = listening-ports = [8443, "9000-9100"]
config-example-fail-on = fail-on = "error"（或 "warning"、"info"、"never"）
config-example-lang = lang = "zh-CN"（或 "en"）

## 取值

config-kernel-invalid = `kernel` 的值无效：{ $error }
config-kernel-help = "running" 表示运行 sysctl-lint 的这台机器的内核
config-lang-invalid = `lang` 的值无效：`{ $value }`
config-lang-help = 可选的语言有 "en" 和 "zh-CN"
config-loader-invalid = `loader` 的值无效：`{ $value }`
config-loader-help = 可选的加载器有 "systemd" 和 "procps"
config-loader-help-suggest = 是否想写 "{ $suggestion }"？（可选的加载器有 "systemd" 和 "procps"）
config-profile-unknown = 未知的 `profile`：`{ $value }`
config-profile-help = 可用的配置档：{ $profiles }
config-profile-help-suggest = 是否想写 "{ $suggestion }"？（可用的配置档：{ $profiles }）
config-severity-invalid = `{ $rule }` 的严重级别 `{ $value }` 无效
config-severity-help = 严重级别有 "error"、"warning"、"info"；要关闭某条规则请用 `ignore`
config-severity-help-suggest = 是否想写 "{ $suggestion }"？（严重级别有 "error"、"warning"、"info"；要关闭某条规则请用 `ignore`）
config-glob-invalid = `per-file-ignores` 中的通配模式 `{ $glob }` 无效：{ $error }
config-glob-help = 通配模式可用 `*`、`?`、`[...]` 和 `**`（例如 "etc/sysctl.d/*.conf"）
config-known-keys-empty = `known-keys` 中有空参数名
config-known-keys-invalid = `known-keys` 中的模式 `{ $pattern }` 无效：{ $error }
config-known-keys-help = `*` 匹配参数名的一段，`**` 匹配任意多段（例如 "net.mydriver.**"）
config-port-invalid = `listening-ports` 中的端口 { $port } 无效
config-port-help = 端口取 1-65535，写成数字（8443）或范围 "下限-上限"（"9000-9100"）
config-fail-on-invalid = `fail-on` 的值无效：`{ $value }`
config-fail-on-help = 取值为 "error"、"warning"、"info"、"never" 之一
config-fail-on-help-suggest = 是否想写 "{ $suggestion }"？（取值为 "error"、"warning"、"info"、"never" 之一）

## 规则选择器（配置文件以及 --select、--ignore、--extend-select、--extend-ignore）

selector-empty = 规则选择器为空
selector-unknown = 未知的规则 `{ $rule }`
selector-help = 请使用规则代码（`SL201`）、规则名（`unknown-key`）或代码前缀（`SL2`）；`sysctl-lint rules` 会列出全部规则
selector-help-suggest = 是否想写 `{ $suggestion }`？（`sysctl-lint rules` 会列出全部代码和规则名）
