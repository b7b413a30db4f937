# Messages of the rules SL400 to SL899 (headline, note, help), ids `slNNN-...`.
# 规则 SL400 至 SL899 的消息（标题、说明、建议）。参数与英文相同。

## SL401 duplicate-key

sl401-headline = `{ $key }` 被再次设置：`{ $value }` 覆盖了第 { $line } 行
sl401-headline-alias = `{ $key }` 以另一个名字覆盖了第 { $line } 行：`{ $value }` 生效
sl401-note = `{ $key }` 在第 { $line } 行设为 `{ $old }`，在这里又设为 `{ $new }`。每一行都按顺序生效，所以后一个值生效，前一个值被悄无声息地丢弃。
sl401-note-alias = `{ $key }` 与第 { $line } 行的 `{ $other }` 是同一个内核变量的两个名字：`{ $new }` 取代了 `{ $old }`。每一行都按顺序生效，所以后一行悄无声息地胜出。
sl401-note-alias-factor = `{ $key }` 与第 { $line } 行的 `{ $other }` 是同一个内核变量的两个名字：`{ $new }` 取代了 `{ $old }`（`{ $fine }` 的单位比 `{ $coarse }` 小 { $factor } 倍）。每一行都按顺序生效，所以后一行悄无声息地胜出。
sl401-label-first = 首次在此设为 `{ $value }`
sl401-help = 只保留一行你真正想要的值（目前内核得到的是 `{ $key } = { $value }`），删除另一行

## SL402 redundant-duplicate

sl402-headline = `{ $key }` 再次设为第 { $line } 行的值
sl402-headline-alias = `{ $key }` 以另一个名字重复了第 { $line } 行
sl402-headline-alias-units = `{ $key }` 以另一个名字再次设置了第 { $line } 行
sl402-note = 没有害处，但以后只改其中一行时，另一行不会跟着变。
sl402-note-alias = `{ $key }` 与第 { $line } 行的 `{ $other }` 是同一个内核变量的两个名字，且设为相同的值：没有害处，但以后只改其中一行时，另一行不会跟着变。
sl402-note-alias-units = `{ $key }` 与第 { $line } 行的 `{ $other }` 是同一个内核变量的两个名字，单位不同，这里无法比较：以后一行为准，而且以后只改其中一行时，另一行不会跟着变。
sl402-label-first = 首次在此设置
sl402-help = 删除重复的那一行

## SL403 overridden-across-files

sl403-headline = `{ $key } = { $value }` 覆盖了 { $file }:{ $line } 中的 `{ $old }`
sl403-headline-alias = `{ $key } = { $value }` 覆盖了 { $file }:{ $line } 中它的别名
sl403-note = `{ $key }` 在 { $file }:{ $line } 中设为 `{ $old }`，在这里又设为 `{ $new }`。文件按顺序生效，后面的文件胜出。
sl403-note-alias = `{ $key }` = `{ $new }` 与 { $file }:{ $line } 中的 `{ $other }` = `{ $old }` 是同一个内核变量的两个名字。文件按顺序生效，后面的文件胜出。
sl403-label = 被覆盖：在此设为 `{ $value }`
sl403-help = 如果这是有意用 drop-in 调整默认值，可以保留；否则删除其中一处

## SL407 rejected-by-write-order

sl407-headline = `{ $key } = { $value }` 被拒绝：{ $relation ->
        [above] 大于
       *[below] 小于
    } { $limit }
sl407-note = 内核拒绝这次写入（EINVAL）并保留旧值：`{ $key }` = { $value } 将{ $relation ->
        [above] 大于
       *[below] 小于
    }{ $where ->
        [same] `{ $other }` 此时的值（在第 { $line } 行设置）
        [other] `{ $other }` 此时的值（在 `{ $file }` 的第 { $line } 行设置）
       *[default] `{ $other }` 此时仍然有效的内核默认值
    } { $limit }，而每次写入 `{ $key }` 都会与当前的 `{ $other }` 比较。
sl407-help = 先在这一行之前修改 `{ $other }`（保证每一行之后 `{ $a }` 都不超过 `{ $b }`）
sl407-help-later = `{ $other }` 要到后面才修改：先写 `{ $other }`（保证每一行之后 `{ $a }` 都不超过 `{ $b }`）
sl407-label = 此处 `{ $other }` = { $value }
