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

## SL501 tcp-tw-recycle

sl501-headline = `tcp_tw_recycle = { $value }` 会丢弃 NAT 后面客户端的 SYN
sl501-note = 连接进入 TIME_WAIT 后，内核会把每个远端主机最后的 TCP 时间戳记住约 60 秒，并悄悄丢弃来自该地址、时间戳更旧的 SYN：同一个 NAT 地址后面的各个客户端时钟互不相关，所以除了一个之外，其余的 connect() 都会超时。内核正是因此在 Linux 4.12 中删除了这个参数。
sl501-note-random = 连接进入 TIME_WAIT 后，内核会把每个远端主机最后的 TCP 时间戳记住约 60 秒，并悄悄丢弃来自该地址、时间戳更旧的 SYN：同一个 NAT 地址后面的各个客户端时钟互不相关，所以除了一个之外，其余的 connect() 都会超时；而且在 { $kernel }（4.10 及以后）上每个连接都有随机的时间戳偏移，即使客户端不在 NAT 后面，这项检查也会丢弃它们的 SYN。内核正是因此在 Linux 4.12 中删除了这个参数。
sl501-help = 设置 `net.ipv4.tcp_tw_recycle = 0`（或删除这一行）；如果有大量主动发起的连接，请用 `net.ipv4.tcp_tw_reuse = 1`，在开启时间戳时它是安全的

## SL502 tw-reuse-without-timestamps

sl502-headline = `tcp_tw_reuse = { $mode }` 不起作用：`tcp_timestamps` 为 0
sl502-note = `tcp_tw_reuse = { $mode }` 要求{ $reach ->
        [all] 所有主动发起的连接
       *[loopback] 回环连接
    }复用 TIME_WAIT 端口，但配置了 `tcp_timestamps = 0`：只有旧连接使用了 TCP 时间戳时，内核才会复用处于 TIME_WAIT 的端口，所以复用永远不会发生，端口会在 TIME_WAIT 中停留 60 秒。（tw_reuse 只对主动发起的连接有用，对服务器接受的连接从来没有帮助；从 Linux 4.18 起默认值已经是 2，即只用于回环连接。）
sl502-label = 此处设置了 `tcp_timestamps = 0`：TCP 时间戳被关闭
sl502-help = 删除 `net.ipv4.tcp_timestamps = 0`（复用需要的正是默认值 1）；如果你确实要关闭时间戳，就删掉 tcp_tw_reuse 这一行

## SL503 timestamps-disabled

sl503-headline = `tcp_timestamps = 0` 会失去 PAWS、RTT 采样和 tcp_tw_reuse
sl503-note = 所有连接都关闭了 TCP 时间戳（RFC 7323）：内核失去了 PAWS 对序列号回绕的旧报文段的防护（在高速链路上确有其事），失去了从每个 ACK 测量 RTT 的能力（重传超时变差），`tcp_tw_reuse` 也不再起作用；使用 SYN cookie 时，还会失去窗口缩放、SACK 和 ECN，因为 cookie 把这些选项保存在时间戳里。（从 Linux 4.10 起，每个连接都有随机的时间戳偏移，无需关闭时间戳就能隐藏开机时长。）
sl503-note-random = 所有连接都关闭了 TCP 时间戳（RFC 7323）：内核失去了 PAWS 对序列号回绕的旧报文段的防护（在高速链路上确有其事），失去了从每个 ACK 测量 RTT 的能力（重传超时变差），`tcp_tw_reuse` 也不再起作用；使用 SYN cookie 时，还会失去窗口缩放、SACK 和 ECN，因为 cookie 把这些选项保存在时间戳里。隐藏开机时长不是理由：在 { $kernel }（4.10 起）上每个连接本来就有随机的时间戳偏移。
sl503-help = 删除这一行（默认值为 1：开启时间戳，并且每个连接有随机偏移）；只有在愿意承担这些代价、需要向远端指纹识别隐藏时钟频率的匿名系统上才保留 0

## SL504 fin-timeout-not-time-wait

sl504-headline = `tcp_fin_timeout = { $value }` 不会缩短 TIME_WAIT（60 秒）
sl504-note = `tcp_fin_timeout = { $value }` 只限制孤儿套接字（已被其进程关闭）在 FIN-WAIT-2 状态等待对端 FIN 的时间。TIME_WAIT 总是持续 60 秒（TCP_TIMEWAIT_LEN，编译期常量，没有对应的 sysctl）。
sl504-label = 这份配置在调整 TIME_WAIT（`{ $key }`）
sl504-help = 只有在你确实想缩短孤儿 FIN-WAIT-2 套接字的等待时间时才保留这一行；要应对主动连接产生的大量 TIME_WAIT 套接字，应该用 `net.ipv4.tcp_tw_reuse = 1`

## SL505 low-tw-buckets

sl505-headline-unlimited = `tcp_max_tw_buckets = { $cap }` 在 { $kernel } 上取消了 TIME_WAIT 上限
sl505-headline-off = `tcp_max_tw_buckets = { $cap }` 让所有套接字都不进入 TIME_WAIT
sl505-headline = `tcp_max_tw_buckets = { $cap }` 让超过 { $cap } 个之后的套接字跳过 TIME_WAIT
sl505-note = 设置 `tcp_max_tw_buckets = { $cap }` 后，{ $effect ->
        [unsigned] 在 { $kernel } 上负数上限按无符号数比较（`refcount_read()`，5.18 起），于是上限被取消：TIME_WAIT 套接字完全不受限制，上限对大量关闭连接的冲击所提供的保护也就没有了（只有 0 会禁用 TIME_WAIT）
        [negative] 在 { $kernel } 上负数上限和 0 一样会禁用 TIME_WAIT（5.18 之前是有符号比较；从 5.18 起负数反而取消上限）：每个关闭的连接都会被立即销毁
        [zero] 任何套接字都无法进入 TIME_WAIT：每个关闭的连接都会被立即销毁
       *[cap] 一旦有 { $cap } 个套接字处于 TIME_WAIT，之后每个关闭的连接都会跳过 TIME_WAIT 被立即销毁
    }（计入 /proc/net/netstat 中的 TCPTimeWaitOverflow；旧内核会记录 `TCP: time wait bucket table overflow`）。没有 TIME_WAIT，旧连接的延迟报文段可能进入同一对端口上的新连接。内核根据内存大小确定这个上限（{ $sized ->
        [yes] 给定的 { $memory } 内存约为 { $default }
       *[no] 24 GiB 主机上为 131072，8 GiB 主机上为 32768
    }）；内核文档明确说不要调低它。
sl505-help = 删除这一行，保留内核的默认值；TIME_WAIT 套接字开销很小，对于主动发起的连接，`net.ipv4.tcp_tw_reuse = 1` 可以让新连接安全地复用它们

## SL510 port-range-rejected

sl510-headline-reversed = 内核拒绝端口范围 `{ $low } { $high }`：上限小于下限
sl510-note-reversed = 本地端口范围的结束端口小于起始端口：上限 { $high } < 下限 { $low }；内核拒绝这次写入（EINVAL），保留原来的范围 { $before }（{ $where ->
        [same] 第 { $line } 行
        [other] { $file } 第 { $line } 行
       *[default] 内核默认值
    }）。
sl510-note-reversed-low-only = 本地端口范围的结束端口小于起始端口：上限 { $high } < 下限 { $low }（这里只写了下限，上限仍是来自{ $where ->
        [same] 第 { $line } 行
        [other] { $file } 第 { $line } 行
       *[default] 内核默认值
    }的 { $high }）；内核拒绝这次写入（EINVAL），保留原来的范围 { $before }（{ $where ->
        [same] 第 { $line } 行
        [other] { $file } 第 { $line } 行
       *[default] 内核默认值
    }）。
sl510-help-reversed = 先写下限：`{ $high } { $low }`
sl510-help-reversed-low-only = 两端都写上，先下限后上限，上限至少为 { $low }
sl510-label-low = 下限
sl510-headline-below = 内核拒绝该端口范围：起始端口 { $low } 小于 { $start }
sl510-note-below = 本地端口范围的下限 { $low } 小于 { $start }：内核拒绝这次写入（EINVAL），保留原来的范围 { $before }（{ $where ->
        [same] 第 { $line } 行
        [other] { $file } 第 { $line } 行
       *[default] 内核默认值
    }）。
sl510-note-below-unprivileged = 本地端口范围的下限 { $low } 小于 `net.ipv4.ip_unprivileged_port_start`（{ $start }，{ $uwhere ->
        [same] 第 { $uline } 行
        [other] { $ufile } 第 { $uline } 行
       *[default] 内核默认值
    }）：内核拒绝这次写入（EINVAL），保留原来的范围 { $before }（{ $where ->
        [same] 第 { $line } 行
        [other] { $file } 第 { $line } 行
       *[default] 内核默认值
    }）。
sl510-label-unprivileged = 此处生效的 ip_unprivileged_port_start = { $start }
sl510-label-too-late = 在端口范围之后才写入：为时已晚
sl510-help-move = 把 `{ $key } = { $value }`（{ $where ->
        [same] 第 { $line } 行
       *[other] { $file } 第 { $line } 行
    }）移到这一行之前，或者让端口范围从 { $start } 或更高开始
sl510-help-start = 让端口范围从 { $start } 或更高开始，例如 `{ $start } { $high }`
sl510-headline-unprivileged = `ip_unprivileged_port_start = { $value }` 被拒绝：大于 { $low }
sl510-note-unprivileged = { $value } 大于本地端口范围的下限（{ $low }，{ $where ->
        [same] 第 { $line } 行
        [other] { $file } 第 { $line } 行
       *[default] 内核默认值
    }）：特权端口不能伸入临时端口范围，所以内核拒绝这次写入（EINVAL），保留 ip_unprivileged_port_start = { $kept }。
sl510-help-unprivileged = 使用不超过 { $low } 的值，或者在这一行之前把本地端口范围提高到 { $value } 以上
sl510-label-range = 此处生效的本地端口范围

## SL512 port-range-parity

sl512-headline = 内核会告警：端口范围的两端（{ $low }，{ $high }）都是{ $parity ->
        [even] 偶数
       *[odd] 奇数
    }
sl512-note = 临时端口范围 { $low }-{ $high } 的两端都是{ $parity ->
        [even] 偶数
       *[odd] 奇数
    }：connect() 以 2 为步长遍历端口范围，先遍历一种奇偶性的端口，内核文档要求两端一奇一偶；内核接受这个范围时会记录 "ip_local_port_range: prefer different parity for start/end values."。
sl512-note-one-by-one = 临时端口范围 { $low }-{ $high } 的两端都是{ $parity ->
        [even] 偶数
       *[odd] 奇数
    }：在 { $kernel } 上，connect() 从与下限奇偶性相同的端口开始查找，但逐个端口遍历（从 4.6 起才以 2 为步长），内核文档要求两端一奇一偶；内核接受这个范围时会记录 "ip_local_port_range: prefer different parity for start/end values."。
sl512-help = 让两端的奇偶性不同，例如 `{ $low } { $high }`（与默认的 32768 60999 一样）

## SL513 port-range-small

sl513-headline-none = 端口范围 { $low }-{ $high } 没有可用端口：connect() 会失败
sl513-note-none = 临时端口范围 { $low }-{ $high } 没有可用端口（{ $taken ->
        [0] {""}
       *[other] 范围内共 { $size } 个，其中 { $taken } 个被 ip_local_reserved_ports 保留；
    }默认范围有 { $default } 个）：每个由内核选择本地端口的 connect() 都会以 EADDRNOTAVAIL 失败。
sl513-headline = 端口范围 { $low }-{ $high } 对每个目标最多只允许 { $usable } 个连接
sl513-note = 临时端口范围 { $low }-{ $high } 只有 { $usable } 个可用端口（{ $taken ->
        [0] {""}
       *[other] 范围内共 { $size } 个，其中 { $taken } 个被 ip_local_reserved_ports 保留；
    }默认范围有 { $default } 个）：同一时刻到同一目标地址和端口最多 { $usable } 个连接；如果由本机先关闭连接，每个端口还要在 TIME_WAIT 中等待 { $seconds } 秒，所以每 { $seconds } 秒最多 { $usable } 个新连接（{ $rate ->
        [0] 每秒不到一个
       *[other] 约每秒 { $rate } 个
    }）；超出后 connect() 以 EADDRNOTAVAIL 失败。
sl513-label = 保留了范围内的 { $taken } 个端口
sl513-help = 把范围扩大到至少 { $min } 个端口，例如默认的 `{ $low } { $high }`
sl513-help-reserved = 把范围扩大到至少 { $min } 个端口，例如默认的 `{ $low } { $high }`，或者减少范围内保留的端口

## SL514 reserved-ports-invalid

sl514-headline = 内核拒绝整个列表：{ $what ->
        [blank] 列表中有空白
        [too-large] `{ $token }` 不是端口
       *[reversed] `{ $token }` 是颠倒的范围
    }
sl514-note = { $what ->
        [blank] 列表中有空白（内核只读取数字、`,` 和 `-`）
        [too-large] `{ $token }` 不是端口（端口最大为 65535）
       *[reversed] `{ $token }` 是颠倒的范围（从 { $low } 开始，却结束在更小的 { $high }）
    }：内核拒绝整个 `ip_local_reserved_ports` 列表（EINVAL），{ $where ->
        [same] 保留第 { $line } 行的列表（`{ $kept }`）
        [other] 保留 { $file } 第 { $line } 行的列表（`{ $kept }`）
       *[default] 保留原有的保留端口（默认没有）
    }。
sl514-help-blank = 去掉空白：`{ $list }`
sl514-help-too-large = 删除它，或者使用 0 到 65535 之间的端口
sl514-help-reversed = 先写较小的端口：`{ $high }-{ $low }`

## SL520 syn-retries-low

sl520-headline-syn = `{ $name } = { $value }` 让 connect() 约 { $after } 秒就放弃，而不是 { $default_after } 秒
sl520-headline-synack = `{ $name } = { $value }` 让握手约 { $after } 秒就被丢弃，而不是 { $default_after } 秒
sl520-note-syn = 设置 `{ $name } = { $value }` 后，SYN 得不到应答的主动 connect() 约 { $after } 秒就会放弃（在 1、2、4……秒时重传，从 1 秒的初始超时开始逐次翻倍），而默认值 { $default } 约为 { $default_after } 秒；短暂的中断或少量丢包就会让连接失败。
sl520-note-syn-linear = 设置 `{ $name } = { $value }` 后，SYN 得不到应答的主动 connect() 约 { $after } 秒就会放弃（先以 1 秒间隔多发 { $linear } 个 SYN（tcp_syn_linear_timeouts = { $linear }），之后超时逐次翻倍），而默认值 { $default } 约为 { $default_after } 秒；短暂的中断或少量丢包就会让连接失败。
sl520-note-synack = 设置 `{ $name } = { $value }` 后，收不到最终 ACK 的被动打开（本机回给客户端的 SYN-ACK）约 { $after } 秒就会放弃（在 1、2、4……秒时重传，从 1 秒的初始超时开始逐次翻倍），而默认值 { $default } 约为 { $default_after } 秒；短暂的中断或少量丢包就会让连接失败。
sl520-help = 除非客户端必须快速失败，否则保留默认值 { $default }；应用程序可以自己设置连接超时

## SL521 somaxconn-overflow

sl521-headline-rejected = `somaxconn = { $value }` 在 { $kernel } 上会被拒绝：大于 65535
sl521-headline-wraps = `somaxconn = { $value }` 在 { $kernel } 上回绕为 { $wrapped } 的 backlog
sl521-note-rejected = `somaxconn = { $value }` 大于 65535：4.1 之前的内核用 16 位保存 listen 的 backlog；在 { $kernel } 上内核拒绝这次写入（EINVAL：sysctl 表把 somaxconn 限制在 0 到 65535 之间），somaxconn 保持原值。
sl521-note-wraps = `somaxconn = { $value }` 大于 65535：4.1 之前的内核用 16 位保存 listen 的 backlog；在 { $kernel } 上这个值会被保存，但 listen() 把它复制到一个 16 位字段中，所以请求最大值的应用程序得到的 backlog 是 { $value } mod 65536 = { $wrapped }。
sl521-note-wraps-zero = `somaxconn = { $value }` 大于 65535：4.1 之前的内核用 16 位保存 listen 的 backlog；在 { $kernel } 上这个值会被保存，但 listen() 把它复制到一个 16 位字段中，所以请求最大值的应用程序得到的 backlog 是 { $value } mod 65536 = 0（根本没有队列）。
sl521-help = 在 4.1 之前的内核上最多使用 65535（更大的值从 4.1 起才有效）

## SL522 syn-backlog-above-somaxconn

sl522-headline = 全连接队列仍被限制在 { $somaxconn }（somaxconn），而不是 { $backlog }
sl522-note = `tcp_max_syn_backlog = { $backlog }` 大于 `net.core.somaxconn`（{ $somaxconn }，{ $source ->
        [set] 在这份配置中设置
        [default] { $kernel } 上的默认值
       *[default-old] { $kernel } 上的默认值（5.4 之前）
    }）：它只限制半连接（SYN_RECV）请求；等待 accept() 的全连接队列仍被限制在 min(listen() backlog, { $somaxconn })。
sl522-help = 如果想要更长的全连接队列，请同时把 `net.core.somaxconn` 提高到至少 { $backlog }（还有服务器自身配置中的 listen() backlog）
sl522-label = 此处设置了 somaxconn = { $somaxconn }

## SL601 mem-vector-order

sl601-headline-low-high = `{ $name }` 的 low 大于 high：硬上限要到 { $bytes } 才生效
sl601-note-low-high = `{ $key }` 的阈值顺序错误：low（{ $low }）大于 high（{ $high }）。内核不检查顺序：用量不超过 low 时允许所有分配，所以硬上限只在超过 { $bytes } 后才生效，而不是在 high 处。
sl601-note-low-high-pressure = `{ $key }` 的阈值顺序错误：low（{ $low }）大于 high（{ $high }）。内核不检查顺序：用量不超过 low 时允许所有分配，所以硬上限只在超过 { $bytes } 后才生效，而不是在 high 处；{ $proto } 的内存压力模式也要到那里才开始。
sl601-headline-low-pressure = `{ $name }` 的 low 大于 pressure：内存压力要到 { $bytes } 才开始
sl601-note-low-pressure = `{ $key }` 的阈值顺序错误：low（{ $low }）大于 pressure（{ $pressure }）。内核不检查顺序：用量不超过 low 时就退出内存压力模式，所以 { $proto } 只有超过 { $bytes } 才进入内存压力模式，而不是在 pressure 处。
sl601-headline-pressure-high = `{ $name }` 的 pressure 大于 high：{ $proto } 永远不会进入内存压力模式
sl601-note-pressure-high = `{ $key }` 的阈值顺序错误：pressure（{ $pressure }）大于 high（{ $high }）。内核不检查顺序：用量永远不会超过 high，所以在分配因达到硬上限而开始失败之前，{ $proto } 永远不会进入内存压力模式（该模式下会收缩套接字缓冲区）。
sl601-help = 把三个内存页数按从小到大的顺序写（`{ $key } = { $sorted }`），或者删除这一行：内核在启动时会根据内存大小确定 `{ $key }`

## SL602 mem-pages-look-like-bytes

sl602-headline = `{ $name }` 的值 { $value } 按内存页计算是 { $bytes }
sl602-note = `{ $key }` 的单位是 4096 字节的内存页，不是字节：{ $what ->
        [pressure] { $proto } 要到 { $pages } 才感到内存压力
       *[limit] 所有 { $proto } 套接字加起来可以使用 { $pages }
    }，{ $against ->
        [host] 超过了本机的 { $memory } 内存（--memory），这个上限永远达不到；如果这些是字节数，请除以 4096
       *[default] 超过了 { $limit }，内核自己在启动时算出的值只有在内存以 TB 计的主机上才会达到：这些数字看起来是字节数
    }。
sl602-help = 以内存页为单位给出 `{ $key }`（字节数 / 4096），或者删除这一行：内核在启动时会根据内存大小确定它
sl602-help-example = 以内存页为单位给出 `{ $key }`（字节数 / 4096），或者删除这一行：内核在启动时会根据内存大小确定它（24 GiB 主机上 6.18 的实际值：`{ $example }`）
sl602-headline-scalar = `{ $name } = { $value }` 按{ $unit ->
        [kib] {" "}KiB{" "}
        [huge] 大页
       *[pages] 内存页
    }计算是 { $bytes }
sl602-note-scalar = `{ $key }` 的单位是{ $unit ->
        [kib] {" "}KiB
        [huge] {" "}2 MiB 的大页
       *[pages] {" "}{ $size } 字节的内存页
    }，不是字节：{ $value } 意味着{ $role ->
        [reserve] 预留
        [pool] 分配
       *[limit] 以
    } { $bytes }{ $role ->
        [reserve] {""}
        [pool] {""}
       *[limit] 作为上限
    }，{ $against ->
        [host] 超过了本机的 { $memory } 内存（--memory）
        [host-min-free] 超过了本机的 { $memory } 内存（--memory）：内核会试图保留比实际更多的空闲内存，无休止地回收，OOM killer 会立即启动（vm.rst："Setting this too high will OOM your machine instantly."）
        [host-pool] 超过了本机的 { $memory } 内存（--memory）：内核会为大页占用内存直到耗尽，其他一切都会不够用
        [reserve] 超过了 { $limit }，远超内核自己会选择的任何预留量：这个数字看起来是字节数
       *[other] 超过了 { $limit }，比任何主机的内存都多：这个数字看起来是字节数
    }。
sl602-help-scalar = 以{ $unit ->
        [kib] {" "}KiB{" "}
        [huge] {" "}2 MiB 的大页
       *[pages] {" "}{ $size } 字节的内存页
    }为单位给出 `{ $key }`（字节数 / { $size }），或者删除这一行，保留内核自己的值
sl602-headline-shmall = `shmall = { $value }` 是 { $bytes }：是不是 shmmax 的字节数？
sl602-note-shmall = `kernel.shmall` 的单位是 { $page } 字节的内存页，`kernel.shmmax` 的单位是字节，而两者都是 { $value }：shmall 里写的是字节数，所以它允许的共享内存总量是 { $bytes }，是同一个数字在 shmmax 中含义的 { $page } 倍。
sl602-help-shmall = 以内存页为单位给出 shmall：{ $pages } 即总共 { $total }

## SL603 buffer-vector-order

sl603-headline-min = `{ $name }` 的 min 大于 default：新套接字的初始缓冲区低于 min
sl603-headline-max = `{ $name }` 的 default 大于 max：新套接字的初始缓冲区高于 max
sl603-note-min = `{ $key }` 的取值顺序错误：min（{ $min }）大于 default（{ $default }）。内核保存这些值时不检查顺序：新的 TCP 套接字以 { $default_bytes } 字节的{ $buffer ->
        [receive] 接收
       *[send] 发送
    }缓冲区起步，小于即使在内存压力下也应保证每个套接字拥有的 min。
sl603-note-max = `{ $key }` 的取值顺序错误：default（{ $default }）大于 max（{ $max }）。内核保存这些值时不检查顺序：新的 TCP 套接字以 { $default_bytes } 字节的{ $buffer ->
        [receive] 接收
       *[send] 发送
    }缓冲区起步，已经超过了自动调优本应不超过的 { $max_bytes } 字节上限。
sl603-help = 按 min、default、max 从小到大的顺序写这三个值（内核默认值为 `{ $kernel_default }`）

## SL604 buffer-below-minimum

sl604-headline = `{ $name }` { $index ->
        [0] min { $value }：内存压力下每个套接字只有 { $value } 字节
        [1] default { $value }：新套接字只以 { $value } 字节起步
       *[2] max { $value }：缓冲区永远不会超过 { $value } 字节
    }
sl604-note = `{ $key }` 的 { $index ->
        [0] min
        [1] default
       *[2] max
    } = { $bytes } 小于 4096 字节：{ $buffer ->
        [receive] ip-sysctl.rst 说这三个值都不能小于 4096
       *[send] 这还不到一个内存页，而文档中 min 的默认值是 4K
    }。内核仍然接受它（6.18 会保存 1 到 4095 的值），所以{ $index ->
        [0] 在内存压力下，每个 TCP 套接字只保证有 { $value } 字节的{ $buffer ->
            [receive] 接收
           *[send] 发送
        }缓冲区
        [1] 每个新的 TCP 套接字的{ $buffer ->
            [receive] 接收
           *[send] 发送
        }缓冲区只以 { $value } 字节起步
       *[2] 自动调优永远不会让 TCP { $buffer ->
            [receive] 接收
           *[send] 发送
        }缓冲区超过 { $value } 字节
    }。
sl604-help = `{ $key }` 的每个值都至少用 4096（内核默认值为 `{ $kernel_default }`）

## SL605 orphans-memory

sl605-headline = `tcp_max_orphans = { $value }` 让孤儿套接字最多占住约 { $bytes }
sl605-note = `{ $key } = { $value }` 让孤儿套接字（已被其进程关闭、仍由内核持有）最多占住约 { $bytes } 不可换出的内存（{ $value } × 约 64 KiB），{ $against ->
        [host] 超过了本机 { $memory } 内存的一半（--memory）
       *[default] 超过了 { $limit }（用 --memory 可以与实际主机比较）
    }；内核只有在孤儿数量超过这个值后才开始重置它们。
sl605-help = 删除这一行，保留随内存大小变化的内核默认值（24 GiB 主机上为 131072），或者让 `{ $key }` × 64 KiB 远低于主机内存

## SL610 dirty-background-not-below-dirty

sl610-headline = 后台回写退回到{ $unit ->
        [ratio] 内存的 { $half }%
       *[bytes] { $half }
    }
sl610-note = { $bdefault ->
        [yes] 默认的 { $btext }
       *[no] { $btext }
    } 不低于 { $ddefault ->
        [yes] 默认的 { $dtext }
       *[no] { $dtext }
    }：内核于是改为在脏页阈值的一半处（{ $unit ->
        [ratio] 可用内存的 { $half }%
       *[bytes] { $half }
    }）开始后台回写，{ $effect ->
        [written] 所以这里写入的值不起作用
       *[default] 所以默认的后台比例不会被使用
    }。
sl610-help = 让后台阈值明显低于脏页阈值，并使用相同的单位（都用比例或都用字节）；内核默认值：dirty_background_ratio 10，dirty_ratio 20
sl610-label = 此处设置了脏页阈值 { $dtext }

## SL611 dirty-bytes-and-ratio

sl611-headline = `{ $name }` 被后面的 { $later ->
        [bytes] bytes
       *[ratio] ratio
    } 行撤销
sl611-note = `{ $earlier_key } = { $earlier }` 被悄无声息地撤销了：`{ $later_key } = { $value }`（{ $where ->
        [same] 第 { $line } 行
       *[other] { $file } 第 { $line } 行
    }）写在后面，而这两个参数互斥（写入其中一个会把另一个置为 0），所以只有后写的那个生效。
sl611-note-zero = `{ $earlier_key } = { $earlier }` 被悄无声息地撤销了：`{ $later_key } = { $value }`（{ $where ->
        [same] 第 { $line } 行
       *[other] { $file } 第 { $line } 行
    }）写在后面，而这两个参数互斥（写入其中一个会把另一个置为 0），所以只有后写的那个生效：现在两者都是 0，后台阈值为 0，只要有任何脏页就会开始后台回写。
sl611-label = 后写入的 `{ $later_key }`：以它为准
sl611-help = `{ $ratio }` 和 `{ $bytes }` 只设置其中一个：删除你不需要的那一行

## SL701 profile-weaker-value

sl701-headline = `{ $key } = { $value }`：{ $profile } 配置档要求 { $expect }
sl701-note = `{ $written_key } = { $written }` 弱于 { $profile } 配置档的要求（{ $expect }）：{ $rationale }。
sl701-note-glob = `{ $written_key } = { $written }` 把 `{ $key }` 设为 { $value }，弱于 { $profile } 配置档的要求（{ $expect }）：{ $rationale }。
sl701-help = 设置 `{ $key } = { $suggest }`
sl701-help-glob = 显式设置 `{ $key } = { $suggest }`（显式的参数优先于通配符）

## SL702 profile-missing-key

sl702-headline = `{ $key }` 未设置：{ $profile } 配置档要求 { $expect }
sl702-note = { $profile } 配置档要求 `{ $key }` 为 { $expect }，但配置中没有设置它：{ $state ->
        [forward] 配置修改 ip_forward 之后，内核默认值为 { $default }，不满足要求
        [default] 内核默认值为 { $default }，不满足要求
       *[unknown] 它的内核默认值取决于内核的构建配置，所以无法保证满足配置档
    }；{ $rationale }。
sl702-help = 添加 `{ $key } = { $suggest }`

## SL530 ip-forward-resets-conf

sl530-headline = `{ $key } = { $value }` 重置了前面的 { $count } 项 { $ip } 设置
sl530-note = `{ $key } = { $value }` 写在被它重置的 { $count } 项设置之后：{ $family ->
        [v4] 修改 IPv4 转发（原值 { $from }，{ $where ->
            [same] 由第 { $line } 行设置
            [other] 由 `{ $file }` 第 { $line } 行设置
           *[default] 即启动时的内核默认值
        }）会让内核把 `net.ipv4.conf.all.accept_redirects` 设为 { $redirects }，并把 `default` 和所有网卡的 `forwarding` 设为 { $value }
        [v6-clear] 写入 `net.ipv6.conf.all.forwarding`（无论值是否改变；原值 { $from }，{ $where ->
            [same] 由第 { $line } 行设置
            [other] 由 `{ $file }` 第 { $line } 行设置
           *[default] 即启动时的内核默认值
        }）会让内核把 `default` 和所有网卡的 `forwarding` 设为 { $value }，并清除所有网卡上的 `force_forwarding`
       *[v6] 写入 `net.ipv6.conf.all.forwarding`（无论值是否改变；原值 { $from }，{ $where ->
            [same] 由第 { $line } 行设置
            [other] 由 `{ $file }` 第 { $line } 行设置
           *[default] 即启动时的内核默认值
        }）会让内核把 `default` 和所有网卡的 `forwarding` 设为 { $value }
    }，因此 { $list }{ $more ->
        [0] {""}
       *[other] ，另有 { $more } 项同样被重置
    }。
sl530-item = `{ $key } = { $value }`（{ $where ->
        [same] 第 { $line } 行
       *[other] `{ $file }` 第 { $line } 行
    }）变为 { $to }
sl530-help = 把 `{ $key }` 移到各网卡的 `{ $keys }` 参数之前（或放进排序更靠前的文件），这样写在它后面的值才能保留
sl530-label = 此处设为 { $value }；后面写入 `{ $key }` 时会被重置为 { $to }

## SL531 ineffective-conf-value

sl531-headline = `{ $key } = { $value }` 不起作用：`conf.all` 为 { $all }
sl531-note-max = `{ $key } = { $value }` 不起作用：内核取 `conf.all` 与网卡自身值中较大的一个，而 { $glob ->
        [yes] `{ $glob_key }` 把 `{ $all_key }` 设为 { $all }
       *[no] `{ $all_key }` 为 { $all }
    }（{ $where ->
        [same] 第 { $line } 行
       *[other] `{ $file }` 第 { $line } 行
    }），所以{ $target ->
        [default] 采用 `default` 值的网卡
       *[dev] 网卡 `{ $dev }`{" "}
    }实际取值为 { $all }。
sl531-help-max = 删除这一行；或者，如果{ $target ->
        [default] 采用 `default` 值的网卡
       *[dev] 网卡 `{ $dev }`{" "}
    }确实应取 { $value }，就同时调低 `{ $all_key }`（并调高需要更大值的那些网卡）
sl531-note-and = `{ $key } = { $value }` 不起作用：只有 `conf.all` 与网卡自身值都开启时，网卡的 { $name } 才开启{ $redirects ->
        [yes] （该网卡开启了转发）
       *[no] {""}
    }，而 { $glob ->
        [yes] `{ $glob_key }` 把 `{ $all_key }` 设为 { $all }
       *[no] `{ $all_key }` 为 { $all }
    }（{ $where ->
        [same] 第 { $line } 行
       *[other] `{ $file }` 第 { $line } 行
    }），所以 { $name } 仍然关闭。
sl531-help-and = 删除这一行；或者，如果{ $target ->
        [default] 采用 `default` 值的网卡
       *[dev] 网卡 `{ $dev }`{" "}
    }确实需要开启它，就同时把 `{ $all_key }` 设为 1
sl531-note-or = `{ $key } = 0` 不起作用：`conf.all` 与网卡自身值只要有一个开启，网卡的 { $name } 就开启{ $redirects ->
        [yes] （该网卡不转发）
       *[no] {""}
    }，而 { $glob ->
        [yes] `{ $glob_key }` 把 `{ $all_key }` 设为 { $all }
       *[no] `{ $all_key }` 为 { $all }
    }（{ $where ->
        [same] 第 { $line } 行
       *[other] `{ $file }` 第 { $line } 行
    }），所以 { $name } 仍然开启。
sl531-help-or = 同时设置 `{ $all_key } = 0` 才能关闭它
sl531-label = 此处 `{ $all_key }` 为 { $all }
sl531-headline-still-on = `all.{ $name } = 0` 未能关闭 { $list } 上的该功能
sl531-still-on-default = 采用 `default` 值的网卡
sl531-still-on-dev = `{ $dev }`
sl531-note-still-on = { $list } 上的 { $name } 不会因 `{ $all_key } = 0` 而关闭：`conf.all` 与网卡自身值只要有一个开启，网卡的 { $name } 就开启{ $redirects ->
        [yes] （该网卡不转发）
       *[no] {""}
    }，而配置把这些网卡的值设为了 1。
sl531-help-still-on = 如果这些网卡也不应开启 { $name }，就把它们的 `{ $name }` 也设为 0；如果这个例外是有意为之，则无需处理
sl531-label-still-on = { $name } 在此仍然开启

## SL801 live-drift、SL802 key-missing-on-running-kernel、SL803 ephemeral-ports-exhaustion

sl801-headline = `{ $key }` 当前为 `{ $live }`，而不是配置的 `{ $set }`
sl801-note = 运行中的系统上{ $glob ->
        [yes] {" "}`{ $key }`（由通配参数 `{ $glob_key }` 设置）的值为
       *[no] {" "}`{ $key }` 的值为
    } `{ $live }`，而不是配置的 `{ $set }`。{ $cause }。
sl801-help-others = 其他原因：{ $list }。{ $action }
sl801-cause-separator = {"；"}
sl801-action-rejected = 先修正这个值，让内核接受它，再应用配置（`sysctl --system`）
sl801-action-never-applied = 在这个系统的启动入口应用配置（在它的入口程序或 init 脚本中运行 `sysctl --system`）
sl801-action-find = 找出是谁写入了它（查看日志，或 `grep -r { $name } /etc /usr/lib`），再让配置与运行中的系统保持一致
audit-live-value = 运行值：{ $value }

audit-cause = { $likelihood ->
        [likely] 很可能
        [unlikely] 可能性较小
       *[possible] 可能
    }：{ $text }
audit-cause-rejected = 内核拒绝了写入的值，这一行从未生效（`sysctl-lint check` 会说明原因）
audit-cause-never-applied-pid1 = 配置从未被应用：PID 1 是 `{ $pid1 }` 而不是 systemd，启动时没有运行 systemd-sysctl（容器、chroot，或不用 systemd 的 init）
audit-cause-never-applied-count = 配置从未被应用：{ $compared } 个已配置的参数中有 { $differing } 个与运行值不同（启动时没有运行 systemd-sysctl：容器、chroot、不用 systemd 的 init，或 systemd-sysctl.service 执行失败）
audit-cause-never-applied = 配置从未被应用（启动时没有运行 systemd-sysctl：容器、chroot、不用 systemd 的 init）
audit-cause-glob = 它只由通配参数 `{ $glob }` 设置，而加载器只在启动时展开一次通配符：如果当时这个参数还不存在，通配符就不会匹配到它
audit-cause-interface = 网卡 `{ $iface }` 是在 systemd-sysctl 运行之后才创建的：新网卡的初始值来自 `{ $default_key }`{ $default ->
        [same] （运行值 { $live }，与该网卡的值相同）
        [other] （运行值 { $live }）
       *[unknown] {""}
    }，而不是这一行
audit-cause-module = 这个参数属于内核模块 `{ $module }`：如果该模块在 systemd-sysctl 运行之后才加载，启动时这个参数还不存在，这一行就会写入失败
audit-cause-runtime-forwarding = 它在运行时被修改了：docker、kubelet、libvirt 以及 NetworkManager 的共享连接在启动时都会设置转发和网桥相关的参数
audit-cause-runtime = 它在启动后被修改了：某个服务（NetworkManager、docker、kubelet、tuned）或之后的 `sysctl -w`

audit-how-to-set = 没有文件设置 `{ $key }`：如需修改，在 /etc/sysctl.d/90-local.conf 这样的 drop-in 文件中添加 `{ $key } = { $value }`
audit-how-to-set-any = 没有文件设置 `{ $key }`：如需修改，在 /etc/sysctl.d/90-local.conf 这样的 drop-in 文件中添加 `{ $key } = <值>`
audit-help-narrow = { $own }；或者缩小端口范围：{ $how }

sl802-headline = `{ $key }` 不存在：写入会失败
sl802-note = 运行中的内核（{ $kernel }）上没有 `{ $key }`：`sysctl -p` 会报告 `cannot stat /proc/sys/{ $path }`，这项设置会丢失。{ $ignored ->
        [yes] 行首的 `-` 让加载器忽略这个错误。
       *[no] {""}
    }
sl802-help = 可能的原因：{ $cause }
audit-missing-no-interface = 这台主机上（还）没有网卡 `{ $iface }`：网卡出现之前，加载器无法设置它的参数；请设置 `{ $default_key }`，或在网卡出现时再应用这个参数（udev、systemd-networkd）
audit-missing-unknown-closest = 这不是已知的参数；你是不是想写 `{ $closest }`？
audit-missing-unknown = 这不是已知的参数（拼写错误，或者是这个内核没有的厂商补丁）
audit-missing-removed = 这个参数已被删除
audit-missing-removed-in = 这个参数已在 Linux { $release } 中删除
audit-missing-too-new = 这个参数需要 Linux { $release } 或更高版本
audit-missing-module = 这个参数属于内核模块 `{ $module }`，而该模块没有加载（请在 systemd-sysctl 运行之前加载它，例如写进 /etc/modules-load.d/）
audit-missing-vendor = 这个参数来自厂商的内核补丁，这个内核没有
audit-missing-net = 内核编译时没有包含这项功能，或者这是一个没有这个参数的网络命名空间（容器）
audit-missing-feature = 内核编译时没有包含这项功能

sl803-headline = 到 { $remote } 的端口已用 { $percent }%：connect() 可能失败
sl803-note = 从 { $local } 到 { $remote } 的连接占用了 { $usable } 个可用临时端口中的 { $used } 个（{ $percent }%，其中 { $time_wait } 个处于 TIME_WAIT）：端口范围用尽后，到该地址的新连接会以 EADDRNOTAVAIL 失败。
sl803-help-separator = {""}
sl803-advice-tw-reuse-no-timestamps = 在 net.ipv4.tcp_timestamps = 0 时，tcp_tw_reuse 无济于事：复用处于 TIME_WAIT 的端口需要两端都开启时间戳；请先开启时间戳。
sl803-advice-tw-reuse = net.ipv4.tcp_tw_reuse = 1 让 connect() 复用仍处于 TIME_WAIT 的端口（它只对主动发起的连接有用，并且需要两端都开启时间戳）{ $loopback ->
        [yes] ；当前值 2 只对回环连接生效
       *[no] {""}
    }。
sl803-advice-tw-recycle = 不要考虑 net.ipv4.tcp_tw_recycle：它已在 Linux 4.12 中删除（它会让 NAT 后面的客户端连接失败）。
sl803-advice-widen = 扩大 net.ipv4.ip_local_port_range（内核默认的 32768 60999 约有 28000 个端口），把连接分散到更多的目标地址或端口（每个目标地址与端口的组合各有一个独立的端口范围），并复用连接（keep-alive、连接池），而不是每个请求新建一个连接。

## SL511 port-range-overlaps-services

sl511-headline = connect() 可能占用{ $kind ->
        [listening] 正在监听的
       *[server] 服务器软件的
    }端口 { $list }
sl511-count = { $count } 个端口
sl511-named = { $ports }（{ $name }）
sl511-more = 另有 { $count } 个
sl511-note-evidence = 临时端口范围 { $range } 覆盖了这台主机{ $source ->
        [both] 正在监听或在 `listening-ports` 中声明
        [declared] 在 `listening-ports`（.sysctl-lint.toml）中声明
       *[live] 正在监听（/proc/net/tcp）
    }的 { $count } 个端口：{ $named }。对应的服务停止期间，主动发起的连接（或 bind() 到端口 0）可能占用这样的端口，之后该服务就会因 EADDRINUSE 而无法启动。
sl511-note-builtin = 临时端口范围 { $range } 超出了默认的 { $default }，覆盖了 { $count } 个常见服务器软件默认监听的端口：{ $named }。如果这台主机运行了其中某个服务，主动发起的连接可能先占用它的端口，之后该服务就会因 EADDRINUSE 而无法启动。这里无法知道这台主机运行了哪些服务。
sl511-label-spared = ip_local_reserved_ports 已经排除了其中 { $spared } 个服务
sl511-label-none = 生效中的 ip_local_reserved_ports（没有排除其中任何一个）
sl511-help-reserve = 保留这些端口（保留只是不再自动分配，服务仍然可以绑定它们）：`net.ipv4.ip_local_reserved_ports = { $value }`
sl511-help-declare = 在 .sysctl-lint.toml 中声明这台主机监听的端口，例如 `listening-ports = [{ $example }]`（`sysctl-lint audit` 会从当前的套接字读取），然后在 `net.ipv4.ip_local_reserved_ports` 中保留它们
