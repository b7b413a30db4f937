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
