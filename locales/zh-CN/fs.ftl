# 文件无法读取或写入的原因（src/fsroot.rs）：SL100 和命令行文件错误中的原因。
# 与 en-US/fs.ftl 的消息 id 和参数一一对应。

fs-not-found = 文件或目录不存在
fs-permission-denied = 权限不足
fs-dangling = 悬空的符号链接（-> { $target }）
fs-loop = 符号链接循环（符号链接层数过多）
fs-not-a-directory = 不是目录
fs-is-a-directory = 是一个目录
fs-not-regular = 不是普通文件（{ $kind ->
        [file] 而是普通文件
        [dir] 而是目录
        [fifo] 而是 FIFO
        [socket] 而是套接字
        [char-device] 而是字符设备
        [block-device] 而是块设备
        [link] 而是符号链接
       *[other] 文件类型未知
    }）
fs-too-large = 大于 { $mib } MiB，作为 sysctl 配置文件太大
fs-too-many-entries = 目录中的条目超过 { $count } 个
fs-changed = 在读取或写入过程中被修改
fs-no-conf-files = 目录中没有 *.conf 文件
fs-not-utf8 = 不是有效的 UTF-8 文本
fs-no-snapshot-files = 目录中没有快照文件
fs-no-tcp-tables = net/tcp 和 net/tcp6 都不是可读的普通文件（不存在、是 FIFO 或设备，或者太大）

## SL100 的帮助

sl100-help-linted = 修复或删除该路径；其他输入已照常检查
sl100-help-read = 修复或删除该路径；其他输入已照常读取
