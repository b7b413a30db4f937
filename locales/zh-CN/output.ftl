# 输出格式中的文字（汇总、结尾、标签），id 为 `out-...`。

## 汇总行

out-summary-clean = 未发现问题（共 { $files } 个文件）。
out-summary = 发现 { $errors } 个错误、{ $warnings } 个警告、{ $infos } 条提示（共 { $files } 个文件）。
out-summary-grouped = 发现 { $errors } 个错误、{ $warnings } 个警告、{ $infos } 条提示（共 { $files } 个文件；同因合并后显示 { $shown } 条）。

## 结尾

out-fixable = [*] 其中 { $safe } 条可用 --fix 自动修复。
out-fixable-both = [*] 其中 { $safe } 条可用 --fix 自动修复（另有 { $unsafe } 条需加 --unsafe-fixes）。
out-fixable-unsafe = 其中 { $unsafe } 条可用 --fix --unsafe-fixes 修复。
out-explain-codes = 运行 `sysctl-lint explain 代码` 查看详细说明：{ $codes }

## 诊断内部

out-note = 原因
out-help = 建议
out-file = 文件
out-place-line = 第 { $line } 行
out-place-file = { $file }:{ $line }
out-again = 重复
# Between the numbers of $list.
out-list-separator = 、
out-lines-one = 第 { $last } 行
out-lines-some = 第 { $list } 和 { $last } 行
out-lines-more = 第 { $list } 行，另有 { $more } 行
out-also-on = 同样出现在{ $lines }
out-also = （同样出现在{ $lines }）

## HTML 报告（`--format html`）页面本身的文字，id 为 `html-...`。

html-check-title = sysctl-lint 检查报告
html-audit-title = sysctl-lint 审计报告：{ $host }
html-fleet-title = sysctl-lint 集群审计报告（{ $hosts } 台主机）
html-fact-live-source = 实时取值来源
html-fact-judged-kernel = 按此内核版本判断
html-fact-configuration = 配置
html-summary = 汇总
html-col-severity = 级别
html-col-findings = 问题数
html-severity-title = { $severity ->
        [error] 错误
        [warning] 警告
       *[info] 提示
    }
html-severity-section = { $severity ->
        [error] 错误
        [warning] 警告
       *[info] 提示
    }（{ $count }）
html-fixable-row = 可用 `--fix` 自动修复
html-findings = 问题
html-clean = 未发现问题。
html-fixable = [*] 可自动修复
html-fixable-unsafe = 需加 --unsafe-fixes 修复
html-live-value = 实时取值：
html-note = { out-note }：
html-help = { out-help }：
html-key = 参数：
html-value = 配置值：
html-finding-hosts = 主机（{ $hosts } 台）：
html-more-lines = （另有 { $lines } 行）
html-rules = 规则
html-explain = （`sysctl-lint explain { $code }`）
html-footer = 本报告由 sysctl-lint { $version } 生成。
html-fixes = 修复
html-hosts = 主机（{ $hosts } 台）
html-hosts-first = 只列出 { $hosts } 台主机中的前 { $shown } 台；JSON 报告列出全部主机。
html-differences = 各主机之间取值不同的参数（{ $keys } 个）
html-col-key = 参数
html-col-value = 取值
html-col-hosts = 主机数
html-col-which = 哪些主机
html-fleet-findings = 集群问题（去重后 { $findings } 条）
html-live-values = 实时取值
html-live = 实时取值
html-sockets = TCP 套接字（共 { $total } 个）
html-col-state = 状态
html-col-count = 数量
html-orphans = 孤儿套接字
html-ephemeral-ports = 临时端口
html-ephemeral = { $low }-{ $high }，保留 { $reserved } 个，可用 { $usable } 个
html-busiest = 最繁忙的目的地址
html-busiest-value = `{ $remote }`（本地地址 `{ $local }`）：占用 { $ports } 个端口（其中 { $time_wait } 个处于 TIME_WAIT）{ $percent ->
        [none] {""}
       *[other] ，占可用范围的 { $percent }%
    }
html-busiest-none = 无（没有主动发起的连接）

## --statistics 与 --show-fixes

out-stat-fixable = （其中 { $count } 条可修复）
out-fixes = { $applied ->
        [yes] 已应用的修复
       *[no] --fix 将应用的修复
    }（{ $count } 条）：
out-fixes-none = { $applied ->
        [yes] 没有应用任何修复。
       *[no] 没有可用的修复。
    }
out-fix-title = 修复 { $name }
