# Messages of the rules SL100 to SL399 (headline, note, help), ids `slNNN-...`.

## SL100 unreadable-input

sl100-headline = 无法读取 `{ $name }`：{ $reason }
sl100-note = { $reason }。

## SL101 missing-equals

sl101-headline = 此行没有 `=`：procps 跳过它，systemd-sysctl 以退出码 1 退出
sl101-note = sysctl 文件的每一行只能是 `key = value`、注释或空行。procps 对第 { $line } 行输出 `invalid syntax, continuing...` 并跳过；systemd-sysctl 记录 `Line is not an assignment` 并以退出码 1 退出。
sl101-help-key = 这是缺少值的参数 `{ $key }`：写成 `{ $key } = VALUE`，或删除此行
sl101-help = 用 `#` 把此行改为注释，或写成 `key = value`

## SL102 empty-key

sl102-headline = `=` 前没有参数名：此行什么也没有设置
sl102-note = procps 把空参数名变成路径 `/proc/sys/`，并以 `Path is not under /proc/sys/` 失败；没有任何设置生效。
sl102-help = 在 `=` 前写上参数名，或删除此行

## SL103 empty-value

sl103-headline-numeric = `{ $name } =` 没有值：内核拒绝空写入
sl103-note-numeric = procps 4 和 systemd 向 `{ $key }` 写入一个空行，而这个{ $ty ->
        [int] 整数
        [uint] 无符号整数
        [bool] 布尔（0 或 1）
        [enum] 枚举
        [bitmask] 位掩码
        [ints] 由 { $count } 个整数组成的向量
        [port-range] 端口范围（两个整数）
       *[other] { $name_en }
    }参数会拒绝它（EINVAL），因此保持当前值；procps 3.3 报告 `invalid syntax`。
sl103-headline-ports = `{ $name } =` 没有值：端口列表被清空
sl103-note-ports = procps 4 和 systemd 向 `{ $key }` 写入一个空行，列表因此被清空（不再保留任何端口）；procps 3.3 报告 `invalid syntax`。
sl103-headline-string = `{ $name } =` 没有值：内核保存一个空字符串
sl103-note-string = 内核把该参数设为空字符串（procps 3.3 则报告 `invalid syntax`）。
sl103-headline-other = `{ $name } =` 没有值：写入的是一个空行
sl103-note-other = 向 `{ $key }` 写入一个空行，整数参数会拒绝它（EINVAL）；procps 3.3 报告 `invalid syntax`。
sl103-help = 在 `=` 后写上值（`{ $key } = VALUE`）；若该参数应保持默认值，则删除此行

## SL104 double-equals

sl104-headline = 多余的 `=`：内核收到 `{ $value }`，数值参数会拒绝它
sl104-note = 此行在第一个 `=` 处分开，因此写入 `{ $key }` 的是 `{ $value }`；对数值参数，内核会拒绝它（EINVAL）。
sl104-help = 只用一个 `=`：`{ $key } = { $value }`

## SL105 shell-command

sl105-headline = `{ $command }` 是 shell 命令，不是设置：既不会执行，也不会设置任何参数
sl105-note = sysctl 文件只接受 `key = value` 行，不执行命令：procps 对此行报告 `cannot stat` 或 `invalid syntax`，没有任何设置生效。
sl105-help-setting = 直接写出设置：`{ $line }`
sl105-help = 删除此行；命令应放在脚本里执行，而不是写进 sysctl 文件

## SL106 quoted-value

sl106-headline-rejected = 引号会被保留：内核收到 `{ $value }` 并拒绝它
sl106-note-rejected = procps 和 systemd-sysctl 都不会去掉引号，因此写入 `{ $key }` 的是 `{ $value }`，内核会拒绝它（EINVAL）。
sl106-headline-stored = 引号会被保留：内核保存的是带引号的 `{ $value }`
sl106-note-stored = procps 和 systemd-sysctl 都不会去掉引号，因此 `{ $key }` 收到的是连同引号字符的 `{ $value }`。
sl106-help = 去掉引号：`{ $key } = { $value }`

## SL107 byte-order-mark

sl107-headline-setting = 文件以字节顺序标记开头：第一个设置丢失
sl107-note-setting = 文件以 UTF-8 字节顺序标记（BOM）开头：procps 不会去掉它，于是第一个参数名变成 `\u{"{"}FEFF{"}"}{ $key }`，报告 `cannot stat`，该设置丢失。
sl107-headline-joins = 文件以字节顺序标记开头：它成为第一行的一部分
sl107-note-joins = 文件以 UTF-8 字节顺序标记（BOM）开头：procps 不会去掉它，它成为第一行的一部分。
sl107-headline-comment = 文件以字节顺序标记开头：第 1 行不再是注释
sl107-note-comment = 文件以 UTF-8 字节顺序标记（BOM）开头：procps 不会去掉它，于是第一行不再是注释，报告 `invalid syntax`。
sl107-note-other = 文件以 UTF-8 字节顺序标记（BOM）开头：procps 和 systemd 都不会去掉它，它成为第一行的一部分。
sl107-help = 将文件另存为不带 BOM 的 UTF-8（例如 `sed -i '1s/^\xEF\xBB\xBF//' FILE`）

## SL108 control-character
# $place: key, value or comment; $char: nul, cr or other (then $code is `U+0007`);
# $effect: comment, nul, cr, key or value.

sl108-headline = { $place ->
        [key] 参数名
        [value] 值
       *[comment] 注释
    }中含有{ $char ->
        [nul] 一个 NUL 字节
        [cr] 回车符
       *[other] 控制字符 { $code }
    }：{ $effect ->
        [comment] 无害，但说明文件已损坏
        [nul] 该行其余部分丢失
        [cr] systemd 在此处截断该行
        [key] 没有这个参数，设置丢失
       *[value] 原样写入内核
    }
sl108-note = { $place ->
        [key] 参数名
        [value] 值
       *[comment] 注释
    }中含有{ $char ->
        [nul] 一个 NUL 字节
        [cr] 行内的回车符
       *[other] 控制字符 { $code }
    }：{ $effect ->
        [comment] 在注释中无害，但说明文件在复制或转换时被损坏
        [nul] procps 只读到它为止，systemd 在此处结束该行，其余部分丢失
        [cr] systemd 在此处结束该行，procps 则把它当作文本的一部分
        [key] 没有这个名字的参数：报告 `cannot stat`，设置丢失
       *[value] 它被原样写入内核
    }。
sl108-help = 删除该控制字符（它通常来自从网页或二进制文件复制的内容）

## SL109 invalid-utf8
# $place: key, value or comment.

sl109-headline = { $place ->
        [key] 参数名中有非 UTF-8 字节（{ $bytes }）：没有这个参数，设置丢失
        [value] 值中有非 UTF-8 字节（{ $bytes }）：原样写入内核
       *[comment] 注释中有非 UTF-8 字节（{ $bytes }）：无害，但可能让工具出错
    }
sl109-note = { $place ->
        [key] 参数名中含有非 UTF-8 字节（{ $bytes }）：没有这个名字的参数，报告 `cannot stat`，设置丢失。
        [value] 值中含有非 UTF-8 字节（{ $bytes }）：这些字节被原样写入内核。
       *[comment] 注释中含有非 UTF-8 字节（{ $bytes }）：在注释中无害，但要求 UTF-8 的工具可能无法处理该文件。
    }
sl109-help = 将文件转换为 UTF-8（例如 `iconv -f GBK -t UTF-8`），或删除这些字节

## SL110 semicolon-comment

sl110-headline = `;` 注释：systemd 259 及更高版本拒绝此行并以退出码 1 退出
sl110-note = 对 procps 和 258 及以前的 systemd，`;` 开始一条注释；但 systemd 259 及更高版本把此行当作 `Line is not an assignment`，并以退出码 1 退出。
sl110-help = 注释请用 `#`

## SL111 whitespace-in-key

sl111-headline-dash = `-` 后有空白：procps 丢失该设置，只有 systemd 会去掉空白
sl111-note-dash = procps 保留 `-` 与参数名之间的空白，查找的是 `/proc/sys/ { $path }`（`cannot stat`）；只有 systemd 会去掉它。
sl111-help-dash = 去掉空白，写成 `-{ $key }`
sl111-headline = `{ $key }` 中有空白：没有这个参数，设置丢失
sl111-note = procps 和 systemd 都保留 `{ $key }` 中的空白，因此找不到该参数（`cannot stat`），设置丢失。
sl111-help = 去掉空白：`{ $key }`

## SL112 repeated-separator

sl112-headline = 参数名中有重复的分隔符：procps 发出警告，但参数仍会被设置
sl112-note = procps 警告 `separators should not be repeated`；内核在路径查找时会合并重复的分隔符，因此 `{ $key }` 仍会被设置。
sl112-help = 写成 `{ $key }`

## SL113 path-traversal

sl113-headline = 参数名中有 `.` 或 `..`：systemd-sysctl 拒绝它并以退出码 1 退出
sl113-note = 参数名中含有 `.` 或 `..` 路径分量。systemd-sysctl 认为路径未规范化而拒绝（EINVAL，退出码 1）；procps 则以 `Path is not under /proc/sys/` 或 `cannot stat` 失败，除非路径解析后仍在 /proc/sys 之内。
sl113-help = 用不含 `..` 的点分名称写参数名，例如 `net.ipv4.tcp_syncookies`

## SL114 line-continuation

sl114-headline = 没有续行：`\` 被当作值的一部分写入
sl114-note = sysctl 文件不支持续行：`\` 被当作值的一部分写入，下一行则作为独立的一行读取。
sl114-help = 把整个值写在同一行

## SL115 unused-suppression (and malformed directives)

sl115-headline-unknown = 未知指令 `{ $directive }`：该注释不会抑制任何诊断
sl115-note-unknown = `{ $directive }` 不是抑制指令，因此这条 `# sysctl-lint:` 注释被忽略。
sl115-help-did-you-mean = 是否想写 `{ $action }=`？可用的指令是 `disable=CODES`（下一行）和 `disable-file=CODES`（整个文件）
sl115-help-directives = 可用的指令是 `# sysctl-lint: disable=CODES`（下一行）和 `# sysctl-lint: disable-file=CODES`（整个文件）
sl115-headline-no-codes = `{ $action }` 没有列出代码：该注释不会抑制任何诊断
sl115-help-no-codes = 写出要抑制的代码：`# sysctl-lint: { $action }=SL201`
sl115-headline-empty-code = 抑制指令中有空代码
sl115-help-empty-code = 用逗号分隔各个代码：`# sysctl-lint: { $action }=SL201,SL402`
# $problem: the selector's error, in English (e.g. "unknown code `SL999`").
sl115-headline-bad-code = { $problem }：该指令不会为它抑制任何诊断
sl115-note-bad-code = `# sysctl-lint:` 指令中有 { $problem }：它不会抑制任何诊断。
sl115-headline-unused-file = 没有可抑制的诊断：此文件没有 `{ $code }` 诊断
sl115-help-unused-file = 从指令中删除该代码（若指令不再列出其他代码，则删除整条注释）
sl115-headline-unused-line = 没有可抑制的诊断：第 { $line } 行没有 `{ $code }` 诊断
sl115-help-unused-line = 从指令中删除该代码（若指令不再列出其他代码，则删除整条注释）；`disable=` 指令只作用于下一个设置行
sl115-headline-unused-end = 没有可抑制的诊断：`disable={ $code }` 之后没有设置行
sl115-help-unused-end = 把指令移到它要作用的那一行上方，或改用 `disable-file=`

## SL116 suppression-after-value

sl116-headline = 此指令是值的一部分：它不会抑制任何诊断
sl116-note = 值后面的 `{ $directive }` 不是注释：procps 和 systemd-sysctl 会把它作为值的一部分写入内核，它也不会抑制任何诊断。
sl116-help = 把指令单独写在设置的上一行：先写 `{ $directive }`，再写 `{ $key } = { $value }`

## SL117 shell-script

sl117-headline = 这是 shell 脚本，不是 sysctl 文件：其中 { $count } 行是命令
sl117-note-nothing = procps 和 systemd-sysctl 把 shell 命令当作 `key = value` 行读取（报告 `invalid syntax`、`cannot stat`，或得到一个以命令命名的参数）；该文件没有设置任何参数。
sl117-note-settings = procps 和 systemd-sysctl 把 shell 命令当作 `key = value` 行读取（报告 `invalid syntax`、`cannot stat`，或得到一个以命令命名的参数）；只有其中 { $settings } 行 `key = value` 是设置（并按设置检查）。
sl117-help = 如果它本来就是脚本，请作为脚本运行（`sh FILE`）；若要作为 sysctl 文件，只保留 `key = value` 行（即 here-document 的内容），删除所有命令
sl117-label = shell 命令

## SL201 unknown-key
# $exclusion: yes for an exclusion (`-key`), else no; $path: the key's path below /proc/sys.

sl201-headline-pattern = 模式 `{ $key }` 不匹配任何参数：它什么也没有设置
sl201-note-pattern = `{ $key }` 不匹配任何已知参数：展开后为空，什么也没有设置，而且没有任何提示。
sl201-help-pattern = 在目标主机上用 `sysctl -a` 核对该模式
sl201-headline-vlan = `{ $key }`：接口名中的点把参数名拆开了
sl201-note-vlan = `{ $key }` 不是参数：接口名中的点被当作分隔符，因此{ $exclusion ->
        [yes] 该排除项不匹配任何参数
       *[no] { " " }procps `sysctl -p` 以 `cannot stat /proc/sys/{ $path }` 失败，设置丢失
    }。
sl201-help-vlan = 接口名中的点改写为 `/`：`{ $key }`
sl201-headline-missing-prefix = `{ $key }` 不是参数：缺少路径的开头部分
sl201-note-missing-prefix = `{ $key }` 缺少 /proc/sys 下路径的开头部分，因此{ $exclusion ->
        [yes] 该排除项不匹配任何参数
       *[no] { " " }procps `sysctl -p` 以 `cannot stat /proc/sys/{ $path }` 失败，设置丢失
    }。
sl201-headline-wrong-prefix = 未知参数：`{ $name }` 只存在于另一个前缀下
sl201-note-wrong-prefix = `{ $key }` 不是参数：名称 `{ $name }` 只存在于另一个前缀下；{ $exclusion ->
        [yes] 该排除项不匹配任何参数
       *[no] procps `sysctl -p` 以 `cannot stat /proc/sys/{ $path }` 失败，设置丢失
    }。
sl201-headline-unknown = 未知参数 `{ $key }`：{ $exclusion ->
        [yes] 该排除项不匹配任何参数
       *[no] 设置丢失
    }
sl201-note-unknown = `{ $key }` 不是已知参数：{ $exclusion ->
        [yes] 该排除项不匹配任何参数
       *[no] procps `sysctl -p` 以 `cannot stat /proc/sys/{ $path }` 失败，设置丢失
    }。
sl201-help-did-you-mean = 是否想写 `{ $key }`？
# $keys: the keys, each in backquotes, separated by `out-list-separator`.
sl201-help-did-you-mean-many = 是否想写以下之一：{ $keys }？
sl201-headline-one-word = `{ $key }` 不是 sysctl 参数：单个单词的名称什么也设置不了
sl201-note-one-word = /proc/sys 的顶层只有目录（`kernel`、`vm`、`net`、`fs` 等），因此只有一级的名称什么也设置不了；procps `sysctl -p` 以 `cannot stat /proc/sys/{ $path }` 失败，设置丢失。
sl201-help-one-word = 这看起来是其他程序的配置项：把它移到那个程序的配置中，或删除此行
sl201-headline-closed = 未知参数 `{ $key }`：任何内核都没有它
sl201-note-closed = 任何内核的 `{ $prefix }` 下都没有 `{ $key }`；{ $exclusion ->
        [yes] 该排除项不匹配任何参数
       *[no] procps `sysctl -p` 以 `cannot stat /proc/sys/{ $path }` 失败，设置丢失
    }。
sl201-help-closed = 对照内核文档或 `sysctl -a` 核对名称；`sysctl-lint describe` 列出已知参数
sl201-headline-not-mainline = `{ $key }` 不是主线内核的参数：在没有它的内核上丢失
# $module: the module the key's namespace comes from, or empty when none is known.
sl201-note-not-mainline = `{ $key }` 不在主线内核参数目录中；{ $module ->
        [none] 它可能来自树外模块或厂商内核
       *[other] 它可能来自模块 `{ $module }` 或树外驱动
    }。在没有该参数的内核上，{ $exclusion ->
        [yes] 该排除项不匹配任何参数
       *[no] procps `sysctl -p` 以 `cannot stat /proc/sys/{ $path }` 失败，设置丢失
    }。
sl201-help-not-mainline = 如果你的内核确实有该参数，请对此行忽略 SL201

## SL202 removed-key
# $moved: yes when the key moved out of sysctl, else no; $when: the release series (`4.12`).

sl202-headline-off = `{ $name }` 已被移除：此行会失败，但它要的 0 依然成立
sl202-note-off = `{ $key }` { $moved ->
        [yes] 已在 Linux { $when } 中移出 sysctl
       *[no] 已在 Linux { $when } 中移除
    }：在 { $target } 上此行会失败（`cannot stat /proc/sys/{ $path }`，`sysctl -p` 以退出码 1 退出），但没有该参数的内核的行为等同于它为 0，这正是此行想要的。
sl202-help-off = 删除此行：它只会让加载失败
sl202-headline = { $moved ->
        [yes] `{ $name }` 已在 Linux { $when } 中移出 sysctl：此行会失败
       *[no] `{ $name }` 已在 Linux { $when } 中移除：此行不起作用
    }
sl202-note = `{ $key }` { $moved ->
        [yes] 已在 Linux { $when } 中移出 sysctl
       *[no] 已在 Linux { $when } 中移除
    }：在 { $target } 上 procps 以 `cannot stat /proc/sys/{ $path }` 失败，此行不起作用。
sl202-help = 删除此行（或用 `--kernel` 指定更旧的内核）

## SL203 key-too-new

sl203-headline = `{ $name }` 需要 Linux { $since }：在 { $target } 上设置丢失
sl203-note = 根据内核自身的 sysctl 表，`{ $key }` 首次出现于 Linux { $since }：在 { $target } 上它不存在，因此 `sysctl -p` 报告 `cannot stat`，设置丢失。
sl203-help = 对早于 { $since } 的主机去掉此行，或用 `--kernel` 按实际部署的内核检查

## SL204 read-only-key

sl204-headline = `{ $name }` 是只读的：内核拒绝写入
sl204-note = 内核只报告这个值。写入会失败（procps：`setting key "{ $key }": Invalid argument` 或 `Operation not permitted`），什么也不会改变。
sl204-help = 删除此行；该值是内核报告的状态

## SL205 noop-key
# $since: the release (`Linux 4.19`), $latest: yes when it is a bound (at the latest);
# $why: the table's reason (message `sl205-...-why`).

sl205-headline-since = `{ $name }` { $latest ->
        [yes] 最迟
       *[no] { "" }
    }自 { $since } 起不再起作用
sl205-note-since = 写入 `{ $key }` 会成功，但在 { $target } 上不会改变任何东西：{ $why }。
sl205-headline = `{ $name }` 可以写入，但在当前内核上不起作用
sl205-note = 写入 `{ $key }` 会成功，但不会改变任何东西：{ $why }。
sl205-help = 删除此行

# The no-op keys the rule knows, by key (dots as `-`): why, and what to do.
sl205-net-ipv4-route--why = 它调节的 IPv4 路由缓存已被移除
sl205-net-ipv4-route--help = 删除此行（IPv6 的 `net.ipv6.route.*` 参数仍然有效）
sl205-net-ipv4-tcp_low_latency-why = 它所关闭的 prequeue 已被移除；文档称其为遗留选项
sl205-net-ipv4-tcp_low_latency-help = 删除此行
sl205-net-ipv4-tcp_fack-why = FACK 丢包恢复已被移除并由 RACK 取代；没有代码再读取这个值
sl205-net-ipv4-tcp_fack-help = 删除此行；丢包恢复用 `net.ipv4.tcp_recovery` 调节
sl205-net-ipv4-tcp_adv_win_scale-why = 内核文档自 linux-6.6 起将其标记为已废弃
sl205-net-ipv4-tcp_adv_win_scale-help = 删除此行；缓冲区大小改用 `net.ipv4.tcp_rmem` 设置
sl205-net-ipv4-ipfrag_low_thresh-why = 内核文档自 linux-4.17 起将其标记为已废弃（分片重组重写）
sl205-net-ipv4-ipfrag_low_thresh-help = 删除此行；仍然有效的重组内存上限是 `net.ipv4.ipfrag_high_thresh`（内核仍会拒绝低于下限的上限：SL407）
sl205-net-ipv4-ipfrag_secret_interval-why = 哈希密钥重建定时器随分片重组重写一起消失；该参数自 3.18 起不再有文档
sl205-net-ipv4-ipfrag_secret_interval-help = 删除此行
sl205-net-ipv6-ip6frag_secret_interval-why = 哈希密钥重建定时器随分片重组重写一起消失；该参数自 3.18 起不再有文档
sl205-net-ipv6-ip6frag_secret_interval-help = 删除此行
sl205-net-ipv4-xfrm4_gc_thresh-why = 内核文档自 linux-4.14 起将其标记为已废弃
sl205-net-ipv4-xfrm4_gc_thresh-help = 删除此行
sl205-net-ipv6-xfrm6_gc_thresh-why = 内核文档自 linux-4.14 起将其标记为已废弃
sl205-net-ipv6-xfrm6_gc_thresh-help = 删除此行
sl205-kernel-auto_msgmni-why = msgmni 不再自动重新计算，读取该参数总是返回 0
sl205-kernel-auto_msgmni-help = 删除此行；如需其他上限，直接设置 `kernel.msgmni`
sl205-kernel-random-urandom_min_reseed_secs-why = 内核文档称其已废弃，仅为兼容而保留可写，对 RNG 的行为没有任何影响（见 5.4 的 kernel.rst）
sl205-kernel-random-urandom_min_reseed_secs-help = 删除此行
sl205-net-ipv4-udp_wmem_min-why = UDP 没有发送内存记账，内核文档自 6.1 起如此说明
sl205-net-ipv4-udp_wmem_min-help = 删除此行；UDP 发送缓冲区的大小由 `net.core.wmem_default` 和 `SO_SNDBUF` 决定
sl205-net-ipv6-route-max_size-why = 内核文档自 6.3 起将其标记为对 IPv6 已弃用：缓存的路由由垃圾回收管理
sl205-net-ipv6-route-max_size-help = 删除此行
sl205-kernel-random-write_wakeup_threshold-why = random.c 重写之后，它仅为兼容而保留可写，不会改变 RNG
sl205-kernel-random-write_wakeup_threshold-help = 删除此行

## SL206 vendor-key
# $known: yes when the rule's table knows the key ($who: which kernels have it, message
# `sl206-...-who`), else no
# ($who: the catalogue's note); $suffix: dash (`-key`), harmless, or none.

sl206-headline = `{ $name }` 不是主线内核的参数：在其他内核上丢失
sl206-note = `{ $key }` 不在主线 Linux 中：{ $known ->
        [yes] { $who }
       *[no] 它来自厂商补丁（{ $who }）
    }；在其他内核上，procps `sysctl -p` 以 `cannot stat /proc/sys/{ $path }` 失败，设置丢失{ $suffix ->
        [dash] （`-` 前缀让加载工具忽略这一失败）
        [harmless] （在那里损失不大：它是那个内核的调优开关，或者主线内核本来就是这样的行为）
       *[none] { "" }
    }。
sl206-help-keep = 只在面向该内核的配置中保留此行，并加上 `-` 前缀，让其他内核静默跳过；或者删除此行
# $instead: what mainline has instead (message `sl206-...-instead`).
sl206-help-keep-instead = 只在面向该内核的配置中保留此行，并加上 `-` 前缀，让其他内核静默跳过；或者删除此行；{ $instead }
sl206-help-delete = 如果该配置可能用于其他内核，删除此行

# The vendor keys the rule knows, by key (dots as `-`): which kernels have it, and
# what mainline has instead.
sl206-kernel-exec-shield-who = 带 exec-shield 补丁的 Red Hat 和 Fedora 内核（RHEL 5/6 时代）才有它
sl206-kernel-exec-shield-instead = 主线内核已内置 NX 和地址空间随机化（`kernel.randomize_va_space = 2`）
sl206-kernel-init_private-who = 某个打过补丁的内核构建有它（见于 6.18.44-fc Firecracker 虚拟机；主线 3.2 到 6.19 的各版本都没有）
sl206-kernel-rr_interval-who = 打了 Con Kolivas 的 -ck 补丁集（BFS/MuQSS 调度器）的内核才有它
sl206-kernel-unprivileged_userns_clone-who = Debian 和 Ubuntu 的内核有它（据信 linux-zen 等带同一补丁的内核也有），在那里它同样已被弃用
sl206-kernel-unprivileged_userns_clone-instead = 主线内核用 `user.max_user_namespaces` 限制用户命名空间（0 表示禁用）
sl206-net-core-blog_-who = 带“blog”卸载补丁的 Broadcom 路由器 SDK 内核才有它
sl206-net-ipv4-tcp_tw_timeout-who = 部分厂商内核有它（据信是 Alibaba Cloud Linux）
sl206-net-ipv4-tcp_tw_timeout-instead = 主线内核的 TIME_WAIT 固定为 60 秒（TCP_TIMEWAIT_LEN），不可调
sl206-net-netfilter-nf_conntrack_tcp_no_window_check-who = 部分打过补丁的内核有它（据信是 OpenWrt）
sl206-net-netfilter-nf_conntrack_tcp_no_window_check-instead = 主线内核有 `net.netfilter.nf_conntrack_tcp_be_liberal = 1`
sl206-vm-extra_free_kbytes-who = Android 和 ChromeOS 内核才有它
sl206-vm-extra_free_kbytes-instead = 主线内核有 `vm.watermark_scale_factor`
sl206-vm-min_free_order_shift-who = Android 内核才有它
sl206-vm-pagecache_ratio-who = 部分厂商内核有它（据信是 SUSE 或 Red Hat 的企业版内核）
sl206-xen-independent_wallclock-who = 打了 Xen 补丁的（xenlinux）内核有它，例如 RHEL 5 和 SLES 10/11；主线（pvops）Xen 虚拟机没有
sl206-vm-shrink_inodes_with_pagecache-who = 某个打过补丁的内核构建有它（见于 6.18.44-fc Firecracker 虚拟机；主线 3.2 到 6.19 的各版本都没有）

## SL207 module-key
# $others: how many more keys of the module the finding stands for.

sl207-headline = 如果 `{ $module }` 在 sysctl 之后加载，`{ $name }` 会丢失
sl207-note = `{ $key }`{ $others ->
        [0] { " " }
       *[other] （以及下面另外 { $others } 个属于该模块的参数）
    }只有在内核模块 `{ $module }` 加载后才会出现：systemd-sysctl 在启动早期运行，如果 `{ $module }` 之后才加载，写入会以 `No such file or directory` 失败，设置丢失（模块编译进内核时，参数始终存在）。
sl207-help = 在 systemd-sysctl 之前加载该模块：把 `{ $module }` 这一行写入 /etc/modules-load.d/{ $module }.conf（或在模块出现时由 udev 规则设置这些参数）
sl207-label = `{ $key }` 同样需要 `{ $module }`

## SL208 template-in-key
# $syntax: jinja-expression, jinja-tag, erb, shell-braces, shell-command, shell-variable,
# format-field, doc-placeholder, specifier or autoconf; $slot: the catalogue key whose
# interface the placeholder stands in, or none.

sl208-headline = `{ $found }` 从未被替换：没有这个参数，设置丢失
sl208-note = 参数名中的 `{ $placeholder }` 是{ $syntax ->
        [jinja-expression] { " " }Jinja、Go 或 Mustache 模板表达式
        [jinja-tag] { " " }Jinja 模板标签
        [erb] { " " }ERB（Puppet、Chef）模板标签
        [shell-braces] { " " }shell 或 Terraform 变量
        [shell-command] { " " }shell 命令替换
        [shell-variable] { " " }shell 变量
        [format-field] 格式字符串字段
        [doc-placeholder] 文档中的占位符
        [specifier] { " " }systemd 说明符或 printf 转换符
       *[autoconf] { " " }autoconf 或 CMake 替换变量
    }，从未被替换：任何加载工具都不会展开参数名中的内容，因此含有 `{ $placeholder }` 的路径不存在（`cannot stat`），设置丢失{ $slot ->
        [none] { "" }
       *[other] ；它被当作 `{ $slot }` 中名为 `{ $placeholder }` 的接口
    }。
sl208-help = 在安装文件之前先渲染模板，或写出真实的名称（对所有接口用 `all` 或 `default`）

## SL209 interface-key
# $others: how many more keys of the interface the finding stands for.

sl209-headline = 如果 sysctl 运行时接口 `{ $name }` 尚未启用，设置丢失
sl209-note = `{ $key }`{ $others ->
        [0] { " " }
       *[other] （以及下面另外 { $others } 个属于该接口的参数）
    }只有在接口 `{ $interface }` 存在时才会出现：启动时，加载工具在大多数接口启用之前就已运行，在没有 `{ $interface }` 的主机上或在它出现之前，写入会以 `cannot stat` 失败。systemd 会在 udev 添加每个接口时重新应用 sysctl.d，但配置 `{ $interface }` 的网络管理程序之后可能自行设置该参数；从 init 脚本、OpenRC 或 busybox 运行的 procps `sysctl --system` 只写一次，设置就此丢失。
sl209-help = 在配置 `{ $interface }` 的地方设置它（systemd-networkd 的 .network 文件、NetworkManager 连接、ifupdown 的 `pre-up`），或在该接口的 udev 规则中设置；若要作用于所有接口，在 `default`（之后创建的接口）和 `all` 下设置
sl209-label = `{ $key }` 同样需要 `{ $interface }`

## SL210 action-key
# $action: what a write does (message `action-...`).

sl210-headline = `{ $name }` 是一个动作，不是设置：每次启动都会执行
sl210-note = 每次写入 `{ $key }` 都会{ $action }，不会留下任何设置。在 sysctl 文件中，这会在每次启动、每次重新应用这些文件时发生（`sysctl --system`、安装软件包、重启 systemd-sysctl）。
sl210-help = 删除此行；需要时手动运行 `sysctl -w { $key }={ $value }`，或用定时器运行

# What a write of each key of rules/actions.tsv does, by key (dots as `-`).
action-vm-drop_caches = 清空页缓存（1）、dentry 和 inode 缓存（2）或两者（3），并且每次都在日志中记录 `drop_caches: N`
action-vm-compact_memory = 对所有内存区域做一次规整（移动内存页，拼出连续的空闲块），在负载高的主机上会占用 CPU 时间
action-vm-stat_refresh = 把每个 CPU 的内存统计汇总到全局计数器中一次
action-net-ipv4-route-flush = 清空一次路由缓存
action-net-ipv6-route-flush = 清空一次 IPv6 路由缓存
action-fs-xfs-stats_clear = 清零一次累计的 XFS 统计
action-kernel-ns_last_pid = 设定下一个进程 ID 从哪里开始查找，仅一次（用于检查点/恢复）

## SL301 invalid-value

sl301-headline-nan = `{ $value }` 不是整数：内核拒绝写入
sl301-note-nan = `{ $value }` 不是整数：内核拒绝写入 `{ $key }`（EINVAL），保持原值。
sl301-headline-negative = `{ $value }` 是负数：这个无符号参数会被内核拒绝
sl301-note-negative = `{ $value }` 是负数，而 `{ $key }` 是无符号参数：内核拒绝写入 `{ $key }`（EINVAL），保持原值。
sl301-headline-overflow = `{ $value }` 太大：内核拒绝写入
sl301-note-overflow = `{ $value }` 超出了内核整数的范围：内核拒绝写入 `{ $key }`（EINVAL），保持原值。
# $ty: int, uint, bool, enum, bitmask, ints ($count integers), port-range, or other
# ($name_en: the English type name with its article).
sl301-help = `{ $key }` 接受{ $ty ->
        [int] 整数
        [uint] 无符号整数
        [bool] 布尔值（0 或 1）
        [enum] 枚举值
        [bitmask] 位掩码
        [ints] 由 { $count } 个整数组成的向量
        [port-range] 端口范围（两个整数）
       *[other] { $name_en }
    }；请写十进制数字（也接受十六进制 `0x..`）
sl301-headline-port = `{ $value }` 不是端口或端口范围：整个列表被拒绝
sl301-note-port = `{ $value }` 不是端口或端口范围：内核拒绝 `{ $key }` 的整个列表（EINVAL）。
sl301-help-port = 用逗号分隔端口和端口范围，例如 `8080,9000-9100`

## SL302 value-out-of-range
# A range: $shape is exactly, between, at-least or at-most, with $min and $max.

sl302-headline-width = `{ $value }` 超出了内核整数的范围：写入被拒绝
sl302-note-width = { $value } 超出了 `{ $key }` 所用内核整数的范围：写入被拒绝（EINVAL）。
sl302-help-width = 使用 { $lo } 到 { $hi } 之间的值
sl302-headline-rejected = `{ $name } = { $value }` 被拒绝：取值必须{ $shape ->
        [exactly] 恰好为 { $min }
        [between] 在 { $min } 到 { $max } 之间
        [at-least] 不小于 { $min }
       *[at-most] 不大于 { $max }
    }
sl302-headline-rejected-short = `{ $name } = { $value }` 被拒绝：超出取值范围
# $note: the catalogue's remark on the range (English), or none.
sl302-note-rejected = 内核拒绝写入（EINVAL），保持原值：在 { $target } 上，`{ $key }` 必须{ $shape ->
        [exactly] 恰好为 { $min }
        [between] 在 { $min } 到 { $max } 之间
        [at-least] 不小于 { $min }
       *[at-most] 不大于 { $max }
    }{ $note ->
        [none] { "" }
       *[other] （{ $note }）
    }。
sl302-headline-unchecked = `{ $name } = { $value }` 未经检查就被保存，但应当{ $shape ->
        [exactly] 恰好为 { $min }
        [between] 在 { $min } 到 { $max } 之间
        [at-least] 不小于 { $min }
       *[at-most] 不大于 { $max }
    }
sl302-headline-unchecked-short = `{ $name } = { $value }` 未经检查就被保存，但超出了取值范围
sl302-note-unchecked = 内核不检查它，但内核文档说明在 { $target } 上，`{ $key }` 应当{ $shape ->
        [exactly] 恰好为 { $min }
        [between] 在 { $min } 到 { $max } 之间
        [at-least] 不小于 { $min }
       *[at-most] 不大于 { $max }
    }{ $note ->
        [none] { "" }
       *[other] （{ $note }）
    }。
sl302-help-range = 使用{ $shape ->
        [exactly] 恰好为 { $min } 的值
        [between] { " " }{ $min } 到 { $max } 之间的值
        [at-least] 不小于 { $min } 的值
       *[at-most] 不大于 { $max } 的值
    }
sl302-headline-switch = `{ $name } = { $value }` 既不是 0 也不是 1：内核照样保存
sl302-headline-switch-short = `{ $name } = { $value }`：既非 0 也非 1，未经检查就被保存
sl302-note-switch = `{ $key }` 是 0/1 开关，而 { $value } 两者都不是：内核不加检查就保存它，其他值的作用没有文档说明（是不是把另一个参数的计数或时间写到了这里？）。
sl302-headline-undocumented = `{ $name } = { $value }` 不是文档中列出的值：未经检查就被保存
sl302-headline-undocumented-short = `{ $name } = { $value }` 没有文档说明：未经检查就被保存
# $values: the documented values, separated by `out-list-separator`.
sl302-note-undocumented = { $value } 不是 `{ $key }` 文档中列出的值（{ $values }）：内核不加检查就保存它，之后的行为没有文档说明。
sl302-help-one-of = 使用以下值之一：{ $values }

## SL303 extra-values

sl303-headline = `{ $name }` 只接受 { $arity } 个值；`{ $ignored }` 被忽略
sl303-note = `{ $key }` 只接受 { $arity } 个值：内核保留 `{ $kept }`，并静默忽略 `{ $ignored }`。
sl303-help = 只写 `{ $key } = { $kept }`

## SL304 missing-values

sl304-headline = `{ $name }` 只给了 { $arity } 个值中的 { $given } 个：其余的保持不变
sl304-note = `{ $key }` 需要 { $arity } 个值，但只给了 { $given } 个：只写入前 { $given } 个，其余的保持当前值。
# $default: the key's default as written in the catalogue, or none.
sl304-help = 写全 { $arity } 个值{ $default ->
        [none] { "" }
       *[other] （默认值：`{ $default }`）
    }

## SL305 inline-comment

sl305-headline-glued = 注释紧贴在数字后面：内核拒绝写入
sl305-note-glued = sysctl 文件只支持整行注释：注释紧贴在数字后面，内核把 `{ $number }` 当作数字读取并拒绝写入（EINVAL）。
sl305-headline-ignored = `{ $comment }` 不是注释；这里内核恰好忽略了它
sl305-note-ignored = sysctl 文件只支持整行注释：`{ $comment }` 是值的一部分；这个整数参数恰好在空白处停止读取，所以它被忽略，但文件的正确性依赖于这一点。
sl305-headline-position = 注释占据了第 { $position } 个数字的位置：内核拒绝写入
sl305-note-position = sysctl 文件只支持整行注释：`{ $key }` 需要 { $arity } 个数字，但注释占据了第 { $position } 个数字的位置：内核拒绝写入（EINVAL）。
sl305-headline-string = `{ $comment }` 不是注释：内核把它当作值的一部分收下
sl305-note-string = sysctl 文件只支持整行注释：`{ $comment }` 成为值的一部分，内核收到的是 `{ $value }`（列表或名称类参数会拒绝它；自由格式的字符串则会保留它）。
sl305-headline-other = `{ $comment }` 不是注释：它会被写入内核
sl305-note-other = sysctl 文件只支持整行注释：`{ $comment }` 是写入内核的值的一部分。
sl305-help = 写成 `{ $key } = { $value }`，把注释单独放在上一行

## SL306 negative-value
# $kind: time, count or size; $unit: the catalogue's unit (seconds, ms, us, jiffies,
# bytes, kbytes, pages, packets).

sl306-headline = `{ $name } = { $value }`：内核接受{ $kind ->
        [time] 负的时间
        [count] 负的计数
       *[size] 负的大小
    }
sl306-note = `{ $name } = { $value }` 是{ $kind ->
        [time] 负的时间（单位：{ $unit ->
            [seconds] 秒
            [ms] 毫秒
            [us] 微秒
            [bytes] 字节
            [kbytes] KB
            [pages] 内存页
            [packets] 包
           *[other] { $unit }
        }）
        [count] 负的计数
       *[size] 负的大小（单位：{ $unit ->
            [seconds] 秒
            [ms] 毫秒
            [us] 微秒
            [bytes] 字节
            [kbytes] KB
            [pages] 内存页
            [packets] 包
           *[other] { $unit }
        }）
    }：内核照单全收（`{ $key }` 没有下限），{ $kind ->
        [time] 由它算出的定时器或超时会立即到期，或者回绕成一个极大的值
       *[other] 期望一个数量的代码会拿它做比较或从它开始递减：相当于一个小于零的限制，或者按无符号数比较时等于没有限制
    }。
# $default: the key's default, or none.
sl306-help = 使用正值，或删除此行以保持{ $default ->
        [none] 默认值
       *[other] 默认值 `{ $default }`
    }

## SL307 documented-advice
# $headline, $effect: the advice's few words and its effect (messages `advice-...`);
# $quote: the kernel documentation's words (rules/advice.tsv), quoted in English.

sl307-headline = `{ $name } = { $value }`：{ $headline }
# $op: below, above or none; $limit_kind: value, memory ($memory: the host's memory) or
# default-host; $beside: yes when another key makes the advice apply ($other, its
# $index (0 for a single value), $other_value, and $file (none: this file) and $line).
sl307-note = `{ $name } = { $value }`{ $op ->
        [below] （低于 { $limit_kind ->
            [memory] { $limit }，即内核在 { $memory } 内存上自己设定的值
            [default-host] { $limit }，即内核在 8 GiB 主机上设定的值（24 GiB 上为 131072）
           *[value] { $limit }
        }）
        [above] （高于 { $limit_kind ->
            [memory] { $limit }，即内核在 { $memory } 内存上自己设定的值
            [default-host] { $limit }，即内核在 8 GiB 主机上设定的值（24 GiB 上为 131072）
           *[value] { $limit }
        }）
       *[none] { "" }
    }{ $beside ->
        [yes] ，且{ $file ->
            [none] 第 { $line } 行
           *[other] { $file }:{ $line }
        }设置了 { $index ->
            [0] `{ $other }` = { $other_value }
           *[other] `{ $other }`（第 { $index } 个值）= { $other_value }
        }
       *[none] { "" }
    }：{ $effect }。内核文档原文：“{ $quote }”
sl307-help-below = 使用不小于 { $limit } 的值，或删除此行以保持{ $default ->
        [none] 内核默认值
       *[other] 内核默认值 `{ $default }`
    }
sl307-help-above = 使用不大于 { $limit } 的值，或删除此行以保持{ $default ->
        [none] 内核默认值
       *[other] 内核默认值 `{ $default }`
    }
sl307-help = 删除此行以保持{ $default ->
        [none] 内核默认值
       *[other] 内核默认值 `{ $default }`
    }

# The headlines of rules/advice.tsv, by key (dots as `-`, `<dev>` as `dev`).
advice-net-ipv4-tcp_retries2-headline = 短暂中断就会断开连接
advice-net-ipv4-tcp_retries1-headline = TCP 过早地寻找其他路由
advice-net-ipv4-tcp_max_orphans-headline = 超出部分的孤儿套接字会被重置
advice-net-ipv6-conf-dev-max_addresses-headline = 地址数量无限增长
advice-vm-vfs_cache_pressure-headline = 缓存永不回收，有 OOM 风险
advice-net-ipv4-ip_no_pmtu_disc-headline = 非 TCP 流量可能成为黑洞
advice-net-ipv4-tcp_rto_min_us-headline = 每个丢失的报文段都会停顿更久
advice-net-core-default_qdisc-headline = 可分类 qdisc 却没有定义任何类别
advice-net-ipv4-tcp_window_scaling-headline = 窗口最大只有 64 KiB
advice-net-ipv6-conf-dev-regen_min_advance-headline = 临时地址可能来不及更新

# The effects of rules/advice.tsv, by key.
advice-net-ipv4-tcp_retries2-effect = 已建立的连接遇到比 RFC 1122 所允许的更短的中断就会被断开（值为 6 时约 25 秒的重传无应答即放弃，值为 3 时约 3 秒）
advice-net-ipv4-tcp_retries1-effect = 重传次数还没达到 RFC 1122 规定的下限，TCP 就通知网络层另寻路由（negative advice）
advice-net-ipv4-tcp_max_orphans-effect = 等待结束的已关闭连接达到这个数量后，之后的每一个都会被立即重置，内核日志中出现 `too many orphaned sockets`
advice-net-ipv6-conf-dev-max_addresses-effect = 链路上的任何路由器都能让主机无限制地生成自动配置的地址（0 表示不设上限；默认值为 16）
advice-vm-vfs_cache_pressure-effect = 即使内存紧张，dentry 和 inode 缓存也永不回收，大量访问文件的负载可能耗尽主机内存
advice-net-ipv4-ip_no_pmtu_disc-effect = 除 TCP 和 SCTP 外，所有协议都忽略“需要分片”（fragmentation-needed）错误，因此经过较小 MTU 路径的 UDP、隧道和 VPN 流量中的大包会被静默丢弃（黑洞）
advice-net-ipv4-tcp_rto_min_us-effect = 每次重传超时都比内核默认的 200 ms 下限等得更久，因此每丢一个报文段，连接都会停顿更久
advice-net-core-default_qdisc-effect = 每个新网卡都会得到一个没有定义任何类别的可分类 qdisc；DRR、HFSC 和 QFQ 丢弃不属于任何类别的报文，HTB 则不加整形直接发送
advice-net-ipv4-tcp_window_scaling-effect = 没有窗口缩放，TCP 窗口不能超过 65535 字节，这里设置的更大缓冲区永远用不上，每个连接最多只有 64 KiB 数据在途，往返时间 100 ms 时约为 5 Mbit/s
advice-net-ipv6-conf-dev-regen_min_advance-effect = 新的临时地址可能生成得太晚，当前地址已经弃用后才出现，新连接因此可能短暂退回使用稳定地址

## SL308 lower-above-upper
# $a_default, $b_default: yes when the value is the kernel default (not written);
# $scaled: yes when the upper key counts in units ($scale bytes: $bytes in all).

sl308-headline = `{ $a } = { $va }` 超过了 `{ $b } = { $vb }`；内核两个都保留
sl308-headline-short = `{ $a }` 超过了 `{ $b }`；内核两个都保留
# $effect: the relation's effect (message `relation-...-effect`).
sl308-note = `{ $a }`（{ $a_default ->
        [yes] { $va }，内核默认值
       *[no] { $va }
    }）高于 `{ $b }`（{ $b_default ->
        [yes] { $vb }，内核默认值
       *[no] { $vb }
    }{ $scaled ->
        [yes] { " " }× { $scale } = { $bytes }
       *[no] { "" }
    }）：{ $effect }；内核接受这两次写入，不会比较它们。
sl308-help = 让 `{ $a }` 不超过 `{ $b }`：调高 `{ $b }` 或调低 `{ $a }`
sl308-label = 这里 `{ $key }` = { $value }

## SL310 needs-other-key

sl310-headline = `{ $b }` 为 { $vb } 时，`{ $a } = { $va }` 不起作用
sl310-headline-short = `{ $b }` 为 { $vb } 时，`{ $a }` 不起作用
# $effect: the relation's effect (message `relation-...-effect`); $state: set (on $line of $file, none for
# this file) or default.
sl310-note = `{ $a } = { $va }` 在这里不起作用：{ $effect }；而 { $state ->
        [set] `{ $bkey }` 为 { $vb }（{ $file ->
            [none] 第 { $line } 行
           *[other] `{ $file }` 第 { $line } 行
        }）
       *[default] `{ $bkey }` 保持内核默认值 { $vb }
    }。
# $wanted: the values that make it work, separated by `sl310-or`.
sl310-help = 如果确实需要这项设置，请设置 `{ $bkey } = { $wanted }`；否则删除此行
sl310-label = 这里 `{ $key }` = { $value }
sl310-or = { " 或 " }

## The effects of rules/relations.tsv (SL308, SL310), by the first key.

relation-net-core-rmem_default-effect = 每个新套接字的初始接收缓冲区都比 `setsockopt(SO_RCVBUF)` 能申请的最大值还大，于是自行设置缓冲区的程序反而比不设置的程序得到的更少
relation-net-core-wmem_default-effect = 每个新套接字的初始发送缓冲区都比 `setsockopt(SO_SNDBUF)` 能申请的最大值还大，于是自行设置缓冲区的程序反而比不设置的程序得到的更少
relation-fs-mqueue-msg_default-effect = 不带属性打开的队列得到的是 msg_max 条消息，而不是 msg_default，较大的默认值被截断为最大值
relation-fs-mqueue-msgsize_default-effect = 不带属性打开的队列每条消息得到的是 msgsize_max 字节，而不是 msgsize_default，较大的默认值被截断为最大值
relation-net-ipv4-neigh-default-gc_thresh1-effect = 垃圾回收保留的表项比它开始强制回收的水位还多，因此软限制永远不起作用
relation-net-ipv4-neigh-default-gc_thresh2-effect = 邻居表在达到软限制之前就已经满了，即达到 gc_thresh3，新的邻居项会以 `neighbour table overflow` 失败，软限制永远不起作用
relation-net-ipv6-neigh-default-gc_thresh1-effect = 垃圾回收保留的表项比它开始强制回收的水位还多，因此软限制永远不起作用
relation-net-ipv6-neigh-default-gc_thresh2-effect = 邻居表在达到软限制之前就已经满了，即达到 gc_thresh3，新的邻居项会以 `neighbour table overflow` 失败，软限制永远不起作用
relation-net-ipv6-conf-dev-accept_ra_rt_info_min_plen-effect = 没有任何前缀长度能同时不小于最小值、不大于最大值，因此路由通告中的每个路由信息（Route Information）选项都被忽略
relation-dev-raid-speed_limit_min-effect = 低于最小值时重同步从不限速，因此它会比最大值允许的跑得更快
relation-kernel-sched_deadline_period_min_us-effect = 没有任何周期能落在最小值和最大值之间，因此每个 SCHED_DEADLINE 任务都被拒绝（sched_setattr 返回 EINVAL）
relation-vm-overcommit_ratio-effect = 它设定的提交上限（commit limit）只在 overcommit 模式 2（“never”）下生效
relation-vm-overcommit_kbytes-effect = 它设定的提交上限（commit limit）只在 overcommit 模式 2（“never”）下生效
relation-kernel-max_rcu_stall_to_panic-effect = 只有当 RCU 停顿（stall）会触发 panic 时，panic 之前允许的停顿次数才有意义
relation-kernel-shmmax-effect = shmmax 允许的最大段永远无法创建，因为 shmall 允许的总量（以 4096 字节的内存页计）更小
