# sysctl-lint 消息，简体中文。与 en-US/main.ftl 的消息 id 和参数一一对应
# （tests/locales.rs 检查）。规则代码、规则名、参数名和取值不翻译。

## 级别

severity-error = 错误
severity-warning = 警告
severity-info = 提示

## explain

explain-default-severity = 默认级别：{ $severity }
explain-untranslated = （本页尚无中文版，以下为英文原文。）
explain-unknown-rule = 没有规则 `{ $rule }`（`sysctl-lint rules` 列出全部规则）
explain-unknown-rule-suggest = 没有规则 `{ $rule }`；是不是想找 `{ $suggestion }`？（`sysctl-lint rules` 列出全部规则）

## rules

rules-markdown-header = | 代码 | 名称 | 级别 | 说明 |

## 命令行

lang-invalid = 未知语言 `{ $name }`（可选：en、zh-CN）

## describe（标签；目录中的文字保持原样）

describe-key = 参数
describe-catalogue-entry = 目录条目
describe-type = 类型
describe-access = 读写
describe-unit = 单位
describe-default = 默认值
describe-range = 取值范围
describe-documented-values = 文档列出的取值
describe-since = 引入版本
describe-status = 状态
describe-scope = 作用域
describe-module = 模块
describe-note = 说明
describe-sources = 来源
describe-read-only = 只读
describe-read-write = 可读写
describe-kernel-doc = 内核文档（{ $source }）：
describe-rules-about = 与此参数相关的规则：

## --help（各命令的简介、标题、clap 自带的选项）

help-usage = 用法:
help-commands = 命令
help-options = 选项
help-arguments = 参数
help-flag-help = 显示帮助
help-flag-version = 显示版本
help-about-main = 在应用之前检查 Linux sysctl 配置（sysctl.conf、sysctl.d/*.conf）
help-about-check = 检查文件：每个路径可以是文件、目录（其中的 *.conf，按文件名排序）或表示标准输入的 -
help-about-rules = 列出全部规则：代码、名称、默认级别和说明
help-about-explain = 按代码（SL201）或名称（unknown-key）显示规则说明
help-about-audit = 将配置与正在运行的内核比较（只读）：漂移、缺失的参数、对实时取值的取值规则和加固规则，以及 TCP 套接字状态汇总
help-about-fleet = 把多台主机的 JSON 审计报告合并成一份集群报告：哪些参数的取值不同，哪些问题影响多少台主机
help-about-effective = 显示每个参数最终生效的值、设置它的文件和行，以及它覆盖了什么
help-about-server = 在标准输入输出上运行语言服务器（供编辑器使用）
help-about-completions = 输出 shell 补全脚本（bash、zsh、fish、elvish、powershell）
help-about-man = 输出手册页 sysctl-lint.1（roff），或写出它和每个命令各一页
help-about-config = 显示 .sysctl-lint.toml（从当前目录向上查找）解析后的设置
help-about-profiles = 列出加固配置集，或显示其中一个的检查项
help-about-describe = 从参数目录中说明一个参数：类型、单位、默认值、取值范围、内核版本、相关规则
help-about-help = 显示本帮助或指定子命令的帮助
help-arg-lang = 输出语言：en 或 zh-CN [默认：.sysctl-lint.toml 中的 `lang`，否则按 LC_ALL、LC_MESSAGES 或 LANG（zh_CN.UTF-8 即 zh-CN），否则为 en]。机器可读格式保留英文消息，并附加 `message_localized`

## 命令行的错误与提示（输出到标准错误，前缀 `sysctl-lint: `）

cli-cannot-write-output = 无法写出输出：{ $error }
cli-silent-with-diff = --silent 什么都不输出，而 --diff 要输出差异：二者只能选一个
cli-fix-stdin-mixed = --fix 配合 `-` 时输出修复后的标准输入；请单独给出 `-`，或者不带 `-` 去修复文件
cli-flag-error = { $flag }：{ $error }
cli-flag-error-help = { $flag }：{ $error }；{ $help }
cli-statistics-html = { $command }：--statistics 没有 HTML 形式（页面的汇总表已经统计了各项问题）；请配合 --format human、short 或 json 使用，或在生成页面时去掉它
cli-cannot-write-file = 无法写入 { $path }：{ $error }
cli-baseline-recorded = 已把 { $count } 个问题记录到 { $path }
cli-fleet-format = fleet：集群报告不支持 --format { $format }（可用 human、short、json 或 prometheus）
cli-fleet-statistics = fleet：--statistics 和 --show-fixes 用于 `check` 和 `audit`（集群报告自己会把问题归并）
cli-man-wrote = 已写入 { $path }
cli-man-cannot-write = 无法把手册页写入 { $dir }：{ $error }
cli-server-failed = server：{ $error }
exclude-not-a-glob = `{ $glob }` 不是合法的通配模式：{ $error }
config-untrusted = 未使用 { $path }：{ $reason }，可能被别人改写过；现按默认设置运行。如果信任该文件，请明确指定：--config { $quoted }
config-untrusted-owner = { $what }属于 uid { $uid }（既不是你的 uid { $me }，也不是 root）
config-untrusted-writable = { $what }可被{ $by ->
        [group] 所属组
        [other] 其他用户
       *[both] 所属组和其他用户
    }写入（权限 { $mode }）
config-untrusted-file = 该文件
config-untrusted-dir = 它所在的目录 { $dir }
baseline-cannot-read = 无法读取基线文件 `{ $path }`：{ $error }
baseline-not-utf8 = 无法读取基线文件 `{ $path }`：不是有效的 UTF-8
baseline-invalid = 基线文件 `{ $path }`：{ $error }
baseline-not-json = 不是有效的 JSON：{ $error }
baseline-version = 不支持第 { $version } 版基线（本 sysctl-lint 读取第 { $supported } 版）
baseline-no-version = 不是 sysctl-lint 基线文件：没有 `version` 编号
baseline-not-baseline = 不是 sysctl-lint 基线文件：{ $error }
snapshot-cannot-read = 无法读取 { $path }：{ $error }
report-cannot-read = 无法读取 `{ $path }`：{ $error }
report-not-audit = `{ $path }` 不是 sysctl-lint 的审计报告：{ $error }
report-invalid-json = JSON 无效（{ $error }）
report-not-object = 不是 JSON 对象
report-no-version = 没有 `"version": 1`
report-no-diagnostics = 没有 `diagnostics` 列表
report-no-host = 没有 `host`（是 `check` 的报告而不是 `audit` 的？）
report-is-fleet = 这是集群报告，不是单台主机的报告（请合并各主机自己的报告）
report-unknown-code = 未知的规则代码 `{ $code }`（是其他版本的 sysctl-lint 生成的报告？）
report-no-severity = 有一条 { $code } 问题没有严重级别
report-value-not-string = `{ $key }` 的值不是字符串
report-no-message = 有一条 { $code } 问题没有消息
fleet-host-release = 该主机的内核版本
describe-unknown-key = `{ $key }` 不在已知参数的目录中
describe-unknown-key-suggest = `{ $key }` 不在已知参数的目录中；是不是想找：{ $suggestions }
profiles-unknown = 没有加固配置集 `{ $name }`（可选：{ $available }）
fix-fixed = 已修复 { $count } 条问题
fix-changed = 读取之后文件已被改动；保持原样
fix-cannot-write = 无法写入：{ $error }；文件未改动
fix-cannot-write-stdout = 无法写出修复后的文本：{ $error }
fix-override-written = { $file } 属于软件包：已写入覆盖文件 { $override }
fix-override-failed = { $file } 属于软件包：无法写入覆盖文件 { $override }：{ $error }
fix-override-dir-is-package = { $dir } 解析到软件包目录 { $path }：未写入覆盖文件
fix-override-impossible = { $file } 属于软件包：它的修复无法写成覆盖文件（保持原样）

## profiles（配置集自身的文字保持原样）

profiles-checks = { $count } 项检查
profiles-sources = 来源：{ $sources }

## effective

effective-header = { $root }（按 { $loader } 的方式加载，共 { $files } 个文件）：
effective-unreadable = { $severity }[SL100 unreadable-input]: { $headline }
effective-unreadable-note = { $severity }[SL100 unreadable-input]: { $headline }。原因：{ $note }
effective-not-set = 未设置
effective-glob = 通配
effective-replaces = 覆盖了 { $setting }（{ $at }）

## audit 与 fleet（人读报告）

audit-header = 审计 { $host }（内核 { $kernel }），实时取值来自 { $source }，{ $configuration }
audit-unknown = 未知
audit-no-configuration = 无配置（用 --root DIR 指定要比较的配置）
audit-configuration = 按 { $loader } 读取的配置（{ $files } 个文件）
audit-fleet-header = 集群审计，共 { $hosts } 台主机，{ $configuration }
audit-fleet-summary = { $summary }；{ $hosts } 台主机中有 { $with } 台存在问题。
fleet-header = 集群共 { $hosts } 台主机，来自 { $reports } 份审计报告
fleet-clean = { $hosts } 台主机均未发现问题。
fleet-summary = 发现 { $errors } 个错误、{ $warnings } 个警告、{ $infos } 条提示（{ $hosts } 台主机中有 { $with } 台存在问题）。
fleet-hosts-count = 共 { $hosts } 台主机
fleet-col-host = 主机
fleet-col-kernel = 内核
fleet-col-errors = 错误
fleet-col-warnings = 警告
fleet-col-infos = 提示
fleet-no-differences = 各主机之间没有取值不同的参数。
fleet-differences = 各主机之间取值不同的参数（{ $keys } 个）：
fleet-absent = 不存在
fleet-findings = 问题（去重后 { $findings } 条）：
fleet-hosts = 主机

## audit --sockets（TCP 套接字汇总；状态名保持内核的叫法）

sockets-header = TCP 套接字（共 { $total } 个）：
sockets-time-wait = TIME_WAIT：{ $usage }
sockets-orphans = 孤儿套接字：{ $usage }
sockets-usage-percent = { $count } 个，占 { $limit_name }（{ $limit }）的 { $percent }%
sockets-usage-limit = { $count } 个（{ $limit_name } 为 { $limit }）
sockets-usage-unknown = { $count } 个（{ $limit_name } 未知）
sockets-ephemeral = 临时端口：{ $low }-{ $high }，保留 { $reserved } 个，可用 { $usable } 个
sockets-busiest = 最繁忙的目的地址：{ $remote }（本地地址 { $local }）：占用 { $ports } 个端口（其中 { $time_wait } 个处于 TIME_WAIT）{ $percent ->
        [none] {""}
       *[other] ，占可用范围的 { $percent }%
    }
sockets-busiest-none = 最繁忙的目的地址：无（没有主动发起的连接）
sockets-advice = 建议：{ $advice }
sockets-advice-time-wait = TIME_WAIT 套接字已达 tcp_max_tw_buckets 的 { $percent }%：超过上限后，内核会直接销毁正在关闭的套接字而不进入 TIME_WAIT（计数器 TCPTimeWaitOverflow）；不要调低这个上限，内存允许的话可以调高。TIME_WAIT 固定持续 60 秒（TCP_TIMEWAIT_LEN）：tcp_fin_timeout 并不能缩短它。
sockets-advice-orphans = 孤儿套接字已达 tcp_max_orphans 的 { $percent }%：超过后内核会重置孤儿套接字（"too many orphaned sockets"）；每个孤儿套接字最多可占用约 64 KB 不可换出的内存。
sockets-advice-busiest = 到 { $remote } 的连接占用了 { $usable } 个可用临时端口中的 { $ports } 个：端口全部占满后，对它的 connect() 调用会以 EADDRNOTAVAIL 失败。
