# Messages of the rules SL100 to SL399 (headline, note, help), ids `slNNN-...`.

## SL100 unreadable-input

sl100-headline = cannot read `{ $name }`: { $reason }
sl100-note = The reason: { $reason }.

## SL101 missing-equals

sl101-headline = no `=` on this line: procps skips it and systemd-sysctl exits 1
sl101-note = A sysctl file line is `key = value`, a comment or blank. procps prints `invalid syntax, continuing...` for line { $line } and skips it; systemd-sysctl logs `Line is not an assignment` and exits with status 1.
sl101-help-key = this is the key `{ $key }` without a value: write `{ $key } = VALUE`, or delete the line
sl101-help = turn the line into a comment with `#`, or write it as `key = value`

## SL102 empty-key

sl102-headline = no key before `=`: the line sets nothing
sl102-note = procps turns the empty key into the path `/proc/sys/` and fails with `Path is not under /proc/sys/`; nothing is set.
sl102-help = write the key before `=`, or delete the line

## SL103 empty-value

sl103-headline-numeric = `{ $name } =` has no value: the kernel rejects the empty write
sl103-note-numeric = procps 4 and systemd write an empty line to `{ $key }`, which this { $ty ->
        [int] integer
        [uint] unsigned integer
        [bool] boolean (0 or 1)
        [enum] enumeration
        [bitmask] bitmask
        [ints] vector of { $count } integers
        [port-range] port range (two integers)
       *[other] { $name_en }
    } key rejects (EINVAL), so it keeps its current value; procps 3.3 reports `invalid syntax`.
sl103-headline-ports = `{ $name } =` has no value: the port list is emptied
sl103-note-ports = procps 4 and systemd write an empty line to `{ $key }`, which empties the list (no port stays reserved); procps 3.3 reports `invalid syntax`.
sl103-headline-string = `{ $name } =` has no value: the kernel stores an empty string
sl103-note-string = The kernel sets the key to an empty string (procps 3.3 reports `invalid syntax` instead).
sl103-headline-other = `{ $name } =` has no value: an empty line is written
sl103-note-other = An empty line is written to `{ $key }`, which integer keys reject (EINVAL); procps 3.3 reports `invalid syntax`.
sl103-help = write the value after `=` (`{ $key } = VALUE`), or delete the line if the key should keep its default

## SL104 double-equals

sl104-headline = extra `=`: the kernel gets `{ $value }`, which a number key rejects
sl104-note = The line is split at the first `=`, so `{ $value }` is written to `{ $key }`; the kernel rejects it for numbers (EINVAL).
sl104-help = use a single `=`: `{ $key } = { $value }`

## SL105 shell-command

sl105-headline = `{ $command }` is a shell command, not a setting: nothing is run or set
sl105-note = Sysctl files take `key = value` lines and run no commands: procps reports `cannot stat` or `invalid syntax` for this line and nothing is set.
sl105-help-setting = write the setting itself: `{ $line }`
sl105-help = delete the line; run commands from a script, not from a sysctl file

## SL106 quoted-value

sl106-headline-rejected = quotes are kept: the kernel gets `{ $value }` and rejects it
sl106-note-rejected = Neither procps nor systemd-sysctl strips quotes, so `{ $value }` is written to `{ $key }` and the kernel rejects it (EINVAL).
sl106-headline-stored = quotes are kept: the kernel stores `{ $value }` with the quotes
sl106-note-stored = Neither procps nor systemd-sysctl strips quotes, so `{ $key }` receives `{ $value }` with the quote characters.
sl106-help = write the value without quotes: `{ $key } = { $value }`

## SL107 byte-order-mark

sl107-headline-setting = the file starts with a byte order mark: the first setting is lost
sl107-note-setting = The file starts with a UTF-8 byte order mark (BOM): procps does not strip it, so the first key becomes `\u{"{"}FEFF{"}"}{ $key }`: `cannot stat`, and that setting is lost.
sl107-headline-joins = the file starts with a byte order mark: it joins the first line
sl107-note-joins = The file starts with a UTF-8 byte order mark (BOM): procps does not strip it, so it becomes part of the first line.
sl107-headline-comment = the file starts with a byte order mark: line 1 is no longer a comment
sl107-note-comment = The file starts with a UTF-8 byte order mark (BOM): procps does not strip it, so the first line is no longer a comment: `invalid syntax`.
sl107-note-other = The file starts with a UTF-8 byte order mark (BOM): procps and systemd do not strip it: it becomes part of the first line.
sl107-help = save the file as UTF-8 without BOM (e.g. `sed -i '1s/^\xEF\xBB\xBF//' FILE`)

## SL108 control-character
# $place: key, value or comment; $char: nul, cr or other (then $code is `U+0007`);
# $effect: comment, nul, cr, key or value.

sl108-headline = { $place ->
        [key] the key
        [value] the value
       *[comment] a comment
    } contains { $char ->
        [nul] a NUL byte
        [cr] a carriage return
       *[other] { $code }
    }: { $effect ->
        [comment] harmless, but a sign of damage
        [nul] the rest of the line is lost
        [cr] systemd cuts the line there
        [key] no such key, the setting is lost
       *[value] it is written to the kernel as is
    }
sl108-note = { $place ->
        [key] The key
        [value] The value
       *[comment] A comment
    } contains { $char ->
        [nul] a NUL byte
        [cr] a carriage return inside the line
       *[other] the control character { $code }
    }: { $effect ->
        [comment] it is harmless in a comment, but a sign of a file damaged by a copy or a conversion
        [nul] procps reads the line only up to it and systemd ends the line there, so the rest is lost
        [cr] systemd ends the line there, procps keeps it as part of the text
        [key] no key has such a name: `cannot stat`, the setting is lost
       *[value] it is written to the kernel as is
    }.
sl108-help = delete the control character (it is often left by a copy from a web page or a binary file)

## SL109 invalid-utf8
# $place: key, value or comment.

sl109-headline = { $place ->
        [key] the key has non-UTF-8 bytes ({ $bytes }): no such key, the setting is lost
        [value] the value has non-UTF-8 bytes ({ $bytes }): written to the kernel as they are
       *[comment] a comment has non-UTF-8 bytes ({ $bytes }): harmless, but tools may choke
    }
sl109-note = { $place ->
        [key] The key contains bytes that are not UTF-8 ({ $bytes }): no key has such a name: `cannot stat`, the setting is lost.
        [value] The value contains bytes that are not UTF-8 ({ $bytes }): the bytes are written to the kernel as they are.
       *[comment] A comment contains bytes that are not UTF-8 ({ $bytes }): harmless in a comment, but tools that expect UTF-8 may choke on the file.
    }
sl109-help = convert the file to UTF-8 (e.g. `iconv -f GBK -t UTF-8`), or delete the bytes

## SL110 semicolon-comment

sl110-headline = `;` comment: systemd 259 and later reject the line and exit 1
sl110-note = `;` starts a comment for procps and systemd up to 258, but systemd 259 and later read this line as `Line is not an assignment` and exit 1.
sl110-help = use `#` for comments

## SL111 whitespace-in-key

sl111-headline-dash = blank after `-`: procps loses the setting, only systemd strips it
sl111-note-dash = procps keeps the blank between `-` and the key and looks up `/proc/sys/ { $path }` (`cannot stat`); only systemd strips it.
sl111-help-dash = write `-{ $key }` without the blank
sl111-headline = `{ $key }` has a blank: no such key, the setting is lost
sl111-note = procps and systemd keep the blank in `{ $key }`, so no such key exists (`cannot stat`) and the setting is lost.
sl111-help = remove the blank: `{ $key }`

## SL112 repeated-separator

sl112-headline = the key repeats a separator: procps warns, the key is still set
sl112-note = procps warns `separators should not be repeated`; the kernel's path lookup collapses them, so `{ $key }` is still set.
sl112-help = write `{ $key }`

## SL113 path-traversal

sl113-headline = `.` or `..` in the key: systemd-sysctl rejects it and exits 1
sl113-note = The key contains a `.` or `..` path component. systemd-sysctl rejects the path as not normalised (EINVAL, exit 1); procps fails with `Path is not under /proc/sys/` or `cannot stat` unless it resolves back inside /proc/sys.
sl113-help = write the key as dotted names without `..`, e.g. `net.ipv4.tcp_syncookies`

## SL114 line-continuation

sl114-headline = no line continuation: the `\` is written as part of the value
sl114-note = Sysctl files have no line continuation: the `\` is written as part of the value, and the next line is read as a line of its own.
sl114-help = put the whole value on one line

## SL115 unused-suppression (and malformed directives)

sl115-headline-unknown = unknown directive `{ $directive }`: the comment suppresses nothing
sl115-note-unknown = `{ $directive }` is not a suppression directive, so the `# sysctl-lint:` comment is ignored.
sl115-help-did-you-mean = did you mean `{ $action }=`? The directives are `disable=CODES` (next line) and `disable-file=CODES` (whole file)
sl115-help-directives = the directives are `# sysctl-lint: disable=CODES` (next line) and `# sysctl-lint: disable-file=CODES` (whole file)
sl115-headline-no-codes = `{ $action }` names no codes: the comment suppresses nothing
sl115-help-no-codes = name the codes to suppress: `# sysctl-lint: { $action }=SL201`
sl115-headline-empty-code = empty code in a suppression directive
sl115-help-empty-code = list codes separated by commas: `# sysctl-lint: { $action }=SL201,SL402`
# $problem: the selector's error, in English (e.g. "unknown code `SL999`").
sl115-headline-bad-code = { $problem }: the directive suppresses nothing for it
sl115-note-bad-code = { $problem } in a `# sysctl-lint:` directive: it suppresses nothing.
sl115-headline-unused-file = nothing to suppress: this file has no `{ $code }` finding
sl115-help-unused-file = remove the code from the directive (the whole comment if it names nothing else)
sl115-headline-unused-line = nothing to suppress: line { $line } has no `{ $code }` finding
sl115-help-unused-line = remove the code from the directive (the whole comment if it names nothing else); a `disable=` directive applies only to the next setting line
sl115-headline-unused-end = nothing to suppress: no setting line follows `disable={ $code }`
sl115-help-unused-end = move the directive above the line it is meant for, or use `disable-file=`

## SL116 suppression-after-value

sl116-headline = this directive is part of the value: it suppresses nothing
sl116-note = `{ $directive }` after the value is not a comment: procps and systemd-sysctl write it to the kernel as part of the value, and it suppresses nothing.
sl116-help = put the directive on its own line above the setting: `{ $directive }` then `{ $key } = { $value }`

## SL117 shell-script

sl117-headline = a shell script, not a sysctl file: { $count } of its lines are commands
sl117-note-nothing = procps and systemd-sysctl read the shell commands as `key = value` lines (`invalid syntax`, `cannot stat`, or a key named after the command); the file sets nothing.
sl117-note-settings = procps and systemd-sysctl read the shell commands as `key = value` lines (`invalid syntax`, `cannot stat`, or a key named after the command); only its { $settings } `key = value` lines are settings (they are checked as such).
sl117-help = run it as a script (`sh FILE`) if that is what it is; as a sysctl file, keep only the `key = value` lines (the body of the here-document) and delete the commands
sl117-label = shell command

## SL201 unknown-key
# $exclusion: yes for an exclusion (`-key`), else no; $path: the key's path below /proc/sys.

sl201-headline-pattern = pattern `{ $key }` matches no key: it sets nothing
sl201-note-pattern = `{ $key }` matches no known key: it expands to nothing and sets nothing, silently.
sl201-help-pattern = check the pattern against `sysctl -a` on the target host
sl201-headline-vlan = `{ $key }`: a dot in an interface name splits the key
sl201-note-vlan = `{ $key }` is not a key: a dot inside an interface name is read as a separator, so { $exclusion ->
        [yes] the exclusion matches nothing
       *[no] procps `sysctl -p` fails with `cannot stat /proc/sys/{ $path }` and the setting is lost
    }.
sl201-help-vlan = write the interface name with `/`: `{ $key }`
sl201-headline-missing-prefix = `{ $key }` is not a key: the start of its path is missing
sl201-note-missing-prefix = `{ $key }` lacks the beginning of its path below /proc/sys, so { $exclusion ->
        [yes] the exclusion matches nothing
       *[no] procps `sysctl -p` fails with `cannot stat /proc/sys/{ $path }` and the setting is lost
    }.
sl201-headline-wrong-prefix = unknown key: `{ $name }` exists only under another prefix
sl201-note-wrong-prefix = `{ $key }` is not a key: the name `{ $name }` exists only under another prefix; { $exclusion ->
        [yes] the exclusion matches nothing
       *[no] procps `sysctl -p` fails with `cannot stat /proc/sys/{ $path }` and the setting is lost
    }.
sl201-headline-unknown = unknown key `{ $key }`: { $exclusion ->
        [yes] the exclusion matches nothing
       *[no] the setting is lost
    }
sl201-note-unknown = `{ $key }` is not a known key: { $exclusion ->
        [yes] the exclusion matches nothing
       *[no] procps `sysctl -p` fails with `cannot stat /proc/sys/{ $path }` and the setting is lost
    }.
sl201-help-did-you-mean = did you mean `{ $key }`?
# $keys: the keys, each in backquotes, separated by `out-list-separator`.
sl201-help-did-you-mean-many = did you mean one of { $keys }?
sl201-headline-one-word = `{ $key }` is not a sysctl key: one-word names set nothing
sl201-note-one-word = /proc/sys holds only directories at its top level (`kernel`, `vm`, `net`, `fs`, ...), so a one-component name sets nothing; procps `sysctl -p` fails with `cannot stat /proc/sys/{ $path }` and the setting is lost.
sl201-help-one-word = it looks like a setting of another program: move it to that program's configuration, or delete the line
sl201-headline-closed = unknown key `{ $key }`: no kernel has it
sl201-note-closed = No kernel has `{ $key }` under `{ $prefix }`; { $exclusion ->
        [yes] the exclusion matches nothing
       *[no] procps `sysctl -p` fails with `cannot stat /proc/sys/{ $path }` and the setting is lost
    }.
sl201-help-closed = check the name against the kernel documentation or `sysctl -a`; `sysctl-lint describe` lists known keys
sl201-headline-not-mainline = `{ $key }` is not a mainline key: lost where absent
# $module: the module the key's namespace comes from, or empty when none is known.
sl201-note-not-mainline = `{ $key }` is not in the catalogue of mainline keys; { $module ->
        [none] it may come from an out-of-tree module or a vendor kernel
       *[other] it may come from the module `{ $module }` or an out-of-tree driver
    }. Where it does not exist, { $exclusion ->
        [yes] the exclusion matches nothing
       *[no] procps `sysctl -p` fails with `cannot stat /proc/sys/{ $path }` and the setting is lost
    }.
sl201-help-not-mainline = if the key is real on your kernel, ignore SL201 for this line

## SL202 removed-key
# $moved: yes when the key moved out of sysctl, else no; $when: the release series (`4.12`).

sl202-headline-off = `{ $name }` was removed: the line fails, but its 0 still holds
sl202-note-off = `{ $key }` was { $moved ->
        [yes] moved out of sysctl in Linux { $when }
       *[no] removed in Linux { $when }
    }: on { $target } the line fails (`cannot stat /proc/sys/{ $path }`, and `sysctl -p` exits 1), but a kernel without the key behaves as if it were 0, which is what the line asks for.
sl202-help-off = delete the line: it only makes the load fail
sl202-headline = { $moved ->
        [yes] `{ $name }` left sysctl in Linux { $when }: the line fails
       *[no] `{ $name }` was removed in Linux { $when }: the line does nothing
    }
sl202-note = `{ $key }` was { $moved ->
        [yes] moved out of sysctl in Linux { $when }
       *[no] removed in Linux { $when }
    }: on { $target } procps fails with `cannot stat /proc/sys/{ $path }` and the line does nothing.
sl202-help = delete the line (or target an older kernel with `--kernel`)

## SL203 key-too-new

sl203-headline = `{ $name }` needs Linux { $since }: on { $target } the setting is lost
sl203-note = `{ $key }` first appears in Linux { $since } (by the kernel's own sysctl tables): on { $target } it does not exist, so `sysctl -p` reports `cannot stat` and the setting is lost.
sl203-help = drop the line for hosts older than { $since }, or lint for the kernel you deploy with `--kernel`

## SL204 read-only-key

sl204-headline = `{ $name }` is read-only: the kernel refuses the write
sl204-note = The kernel only reports this value. The write fails (procps: `setting key "{ $key }": Invalid argument` or `Operation not permitted`) and nothing changes.
sl204-help = delete the line; the value is a status the kernel reports

## SL205 noop-key
# $since: the release (`Linux 4.19`), $latest: yes when it is a bound (at the latest);
# $why: the table's reason (message `sl205-...-why`).

sl205-headline-since = `{ $name }` has no effect since { $since }{ $latest ->
        [yes] { " " }at the latest
       *[no] { "" }
    }
sl205-note-since = The write to `{ $key }` succeeds and changes nothing on { $target }: { $why }.
sl205-headline = `{ $name }` is accepted but has no effect on current kernels
sl205-note = The write to `{ $key }` succeeds and changes nothing: { $why }.
sl205-help = delete the line

# The no-op keys the rule knows, by key (dots as `-`): why, and what to do.
sl205-net-ipv4-route--why = the IPv4 routing cache it tuned was removed
sl205-net-ipv4-route--help = delete the line (the IPv6 `net.ipv6.route.*` keys are still real)
sl205-net-ipv4-tcp_low_latency-why = the prequeue it turned off was removed; the documentation calls it a legacy option
sl205-net-ipv4-tcp_low_latency-help = delete the line
sl205-net-ipv4-tcp_fack-why = FACK loss recovery was removed and RACK replaced it; no code reads the value
sl205-net-ipv4-tcp_fack-help = delete the line; loss recovery is tuned with `net.ipv4.tcp_recovery`
sl205-net-ipv4-tcp_adv_win_scale-why = the kernel documentation marks it obsolete since linux-6.6
sl205-net-ipv4-tcp_adv_win_scale-help = delete the line; size buffers with `net.ipv4.tcp_rmem` instead
sl205-net-ipv4-ipfrag_low_thresh-why = the kernel documentation marks it obsolete since linux-4.17 (fragment reassembly rewrite)
sl205-net-ipv4-ipfrag_low_thresh-help = delete the line; `net.ipv4.ipfrag_high_thresh` is the reassembly memory limit that still applies (the kernel still rejects a high threshold below the low one: SL407)
sl205-net-ipv4-ipfrag_secret_interval-why = the hash-secret rebuild timer went away with the fragment reassembly rewrite; the key is undocumented since 3.18
sl205-net-ipv4-ipfrag_secret_interval-help = delete the line
sl205-net-ipv6-ip6frag_secret_interval-why = the hash-secret rebuild timer went away with the fragment reassembly rewrite; the key is undocumented since 3.18
sl205-net-ipv6-ip6frag_secret_interval-help = delete the line
sl205-net-ipv4-xfrm4_gc_thresh-why = the kernel documentation marks it obsolete since linux-4.14
sl205-net-ipv4-xfrm4_gc_thresh-help = delete the line
sl205-net-ipv6-xfrm6_gc_thresh-why = the kernel documentation marks it obsolete since linux-4.14
sl205-net-ipv6-xfrm6_gc_thresh-help = delete the line
sl205-kernel-auto_msgmni-why = msgmni is no longer recomputed automatically and reading the key always returns 0
sl205-kernel-auto_msgmni-help = delete the line; set `kernel.msgmni` itself if you need another limit
sl205-kernel-random-urandom_min_reseed_secs-why = the kernel documentation calls it obsolete and writable for compatibility only, with no effect on any RNG behavior (from the 5.4 kernel.rst)
sl205-kernel-random-urandom_min_reseed_secs-help = delete the line
sl205-net-ipv4-udp_wmem_min-why = UDP has no transmit memory accounting, as the kernel documentation says from 6.1
sl205-net-ipv4-udp_wmem_min-help = delete the line; UDP send buffers are sized with `net.core.wmem_default` and `SO_SNDBUF`
sl205-net-ipv6-route-max_size-why = the kernel documentation marks it deprecated for IPv6 from 6.3: garbage collection manages the cached routes
sl205-net-ipv6-route-max_size-help = delete the line
sl205-kernel-random-write_wakeup_threshold-why = after the random.c rewrite it is writable for compatibility only and does not change the RNG
sl205-kernel-random-write_wakeup_threshold-help = delete the line

## SL206 vendor-key
# $known: yes when the rule's table knows the key ($who: which kernels have it, message
# `sl206-...-who`), else no
# ($who: the catalogue's note); $suffix: dash (`-key`), harmless, or none.

sl206-headline = `{ $name }` is not in mainline Linux: lost on other kernels
sl206-note = `{ $key }` is not in mainline Linux: { $known ->
        [yes] only { $who }
       *[no] it comes from a vendor patch ({ $who })
    }; elsewhere procps `sysctl -p` fails with `cannot stat /proc/sys/{ $path }` and the setting is lost{ $suffix ->
        [dash] { " " }(the `-` prefix makes the loaders ignore that failure)
        [harmless] { " " }(little is lost there: it is a tuning knob of that kernel, or mainline already behaves this way)
       *[none] { "" }
    }.
sl206-help-keep = keep the line only in configurations for that kernel, and prefix it with `-` so other kernels skip it quietly, or delete it
# $instead: what mainline has instead (message `sl206-...-instead`).
sl206-help-keep-instead = keep the line only in configurations for that kernel, and prefix it with `-` so other kernels skip it quietly, or delete it; { $instead }
sl206-help-delete = delete the line where the configuration may run on other kernels

# The vendor keys the rule knows, by key (dots as `-`): which kernels have it, and
# what mainline has instead.
sl206-kernel-exec-shield-who = Red Hat and Fedora kernels with the exec-shield patch (RHEL 5/6 era) have it
sl206-kernel-exec-shield-instead = mainline has NX and address-space randomisation built in (`kernel.randomize_va_space = 2`)
sl206-kernel-init_private-who = a patched kernel build has it (seen on a 6.18.44-fc Firecracker guest; no mainline release 3.2 to 6.19 has it)
sl206-kernel-rr_interval-who = kernels with Con Kolivas's -ck patch set (BFS/MuQSS scheduler) have it
sl206-kernel-unprivileged_userns_clone-who = Debian and Ubuntu kernels (and, believed, others carrying the same patch, such as linux-zen) have it; it is deprecated there too
sl206-kernel-unprivileged_userns_clone-instead = mainline limits user namespaces with `user.max_user_namespaces` (0 disables them)
sl206-net-core-blog_-who = Broadcom router SDK kernels with the "blog" offload patch have it
sl206-net-ipv4-tcp_tw_timeout-who = some vendor kernels (believed: Alibaba Cloud Linux) have it
sl206-net-ipv4-tcp_tw_timeout-instead = mainline keeps TIME_WAIT at a fixed 60 s (TCP_TIMEWAIT_LEN); it is not tunable
sl206-net-netfilter-nf_conntrack_tcp_no_window_check-who = some patched kernels (believed: OpenWrt) have it
sl206-net-netfilter-nf_conntrack_tcp_no_window_check-instead = mainline has `net.netfilter.nf_conntrack_tcp_be_liberal = 1`
sl206-vm-extra_free_kbytes-who = Android and ChromeOS kernels have it
sl206-vm-extra_free_kbytes-instead = mainline has `vm.watermark_scale_factor`
sl206-vm-min_free_order_shift-who = Android kernels have it
sl206-vm-pagecache_ratio-who = some vendor kernels (believed: SUSE or Red Hat enterprise kernels) have it
sl206-xen-independent_wallclock-who = Xen-patched (xenlinux) kernels such as RHEL 5 and SLES 10/11 have it; mainline (pvops) Xen guests do not
sl206-vm-shrink_inodes_with_pagecache-who = a patched kernel build has it (seen on a 6.18.44-fc Firecracker guest; no mainline release 3.2 to 6.19 has it)

## SL207 module-key
# $others: how many more keys of the module the finding stands for.

sl207-headline = `{ $name }` is lost if `{ $module }` loads after sysctl
sl207-note = `{ $key }`{ $others ->
        [0] { "" }
        [one] { " " }(and 1 more key of this module below)
       *[other] { " " }(and { $others } more keys of this module below)
    } exists only while the kernel module `{ $module }` is loaded: systemd-sysctl runs early at boot, and if `{ $module }` is loaded later the write fails with `No such file or directory` and the setting is lost (a kernel with the module built in always has the key).
sl207-help = load the module before systemd-sysctl: put the line `{ $module }` in /etc/modules-load.d/{ $module }.conf (or set the keys from a udev rule when the module appears)
sl207-label = `{ $key }` also needs `{ $module }`

## SL208 template-in-key
# $syntax: jinja-expression, jinja-tag, erb, shell-braces, shell-command, shell-variable,
# format-field, doc-placeholder, specifier or autoconf; $slot: the catalogue key whose
# interface the placeholder stands in, or none.

sl208-headline = `{ $found }` is never filled in: no such key, the setting is lost
sl208-note = `{ $placeholder }` in the key is { $syntax ->
        [jinja-expression] a Jinja, Go or Mustache template expression
        [jinja-tag] a Jinja template tag
        [erb] an ERB (Puppet, Chef) template tag
        [shell-braces] a shell or Terraform variable
        [shell-command] a shell command substitution
        [shell-variable] a shell variable
        [format-field] a format-string field
        [doc-placeholder] a placeholder from documentation
        [specifier] a systemd specifier or printf conversion
       *[autoconf] an autoconf or CMake substitution
    }, never filled in: no loader expands anything in a key, so the path with `{ $placeholder }` in it does not exist (`cannot stat`) and the setting is lost{ $slot ->
        [none] { "" }
       *[other] ; it reads as an interface named `{ $placeholder }` in `{ $slot }`
    }.
sl208-help = render the template before the file is installed, or write the real name (`all` or `default` for every interface)

## SL209 interface-key
# $others: how many more keys of the interface the finding stands for.

sl209-headline = lost if interface `{ $name }` is not up when sysctl runs
sl209-note = `{ $key }`{ $others ->
        [0] { "" }
        [one] { " " }(and 1 more key of this interface below)
       *[other] { " " }(and { $others } more keys of this interface below)
    } exists only while the interface `{ $interface }` does: at boot the loader runs before most interfaces are up, and on a host without `{ $interface }` or before it appears the write fails with `cannot stat`. systemd re-applies sysctl.d to each interface as udev adds it, but a network manager that configures `{ $interface }` may set the key itself afterwards; procps `sysctl --system` from an init script, OpenRC or busybox writes it once and loses it.
sl209-help = set it where `{ $interface }` is configured (a systemd-networkd .network file, a NetworkManager connection, an ifupdown `pre-up`), or in a udev rule for the interface; for every interface, set it under `default` (interfaces created later) and `all`
sl209-label = `{ $key }` also needs `{ $interface }`

## SL210 action-key
# $action: what a write does (message `action-...`).

sl210-headline = `{ $name }` is an action, not a setting: it runs at every boot
sl210-note = Each write to `{ $key }` { $action }, and nothing is kept. In a sysctl file that happens at every boot and every time the files are applied again (`sysctl --system`, a package install, a restart of systemd-sysctl).
sl210-help = delete the line; run `sysctl -w { $key }={ $value }` by hand, or from a timer, when it is wanted

# What a write of each key of rules/actions.tsv does, by key (dots as `-`).
action-vm-drop_caches = drops the page cache (1), the dentry and inode caches (2) or both (3), and logs `drop_caches: N` each time
action-vm-compact_memory = compacts all memory zones (moves pages to make free blocks contiguous), costing CPU time on a loaded host
action-vm-stat_refresh = folds the per-CPU memory statistics into the global counters once
action-net-ipv4-route-flush = flushes the routing cache once
action-net-ipv6-route-flush = flushes the IPv6 routing cache once
action-fs-xfs-stats_clear = clears the accumulated XFS statistics once
action-kernel-ns_last_pid = sets where the next process ID is searched from, once (for checkpoint/restore)

## SL301 invalid-value

sl301-headline-nan = `{ $value }` is not an integer: the kernel rejects the write
sl301-note-nan = `{ $value }` is not an integer: the kernel rejects the write to `{ $key }` (EINVAL) and keeps the old value.
sl301-headline-negative = `{ $value }` is negative: the kernel rejects it for this unsigned key
sl301-note-negative = `{ $value }` is negative but `{ $key }` is unsigned: the kernel rejects the write to `{ $key }` (EINVAL) and keeps the old value.
sl301-headline-overflow = `{ $value }` is too large: the kernel rejects the write
sl301-note-overflow = `{ $value }` is too large for the kernel's integer: the kernel rejects the write to `{ $key }` (EINVAL) and keeps the old value.
# $ty: int, uint, bool, enum, bitmask, ints ($count integers), port-range, or other
# ($name_en: the English type name with its article).
sl301-help = `{ $key }` takes { $ty ->
        [int] an integer
        [uint] an unsigned integer
        [bool] a boolean (0 or 1)
        [enum] an enumeration
        [bitmask] a bitmask
        [ints] a vector of { $count } integers
        [port-range] a port range (two integers)
       *[other] { $name_en }
    }; write decimal digits (hex `0x..` is also accepted)
sl301-headline-port = `{ $value }` is not a port or port range: the whole list is rejected
sl301-note-port = `{ $value }` is not a port or a port range: the kernel rejects the whole list for `{ $key }` (EINVAL).
sl301-help-port = write ports and ranges separated by commas, e.g. `8080,9000-9100`

## SL302 value-out-of-range
# A range: $shape is exactly, between, at-least or at-most, with $min and $max.

sl302-headline-width = `{ $value }` does not fit the kernel's integer: the write is rejected
sl302-note-width = { $value } does not fit the kernel's integer for `{ $key }`: the write is rejected (EINVAL).
sl302-help-width = use a value between { $lo } and { $hi }
sl302-headline-rejected = `{ $name } = { $value }` is rejected: it must be { $shape ->
        [exactly] exactly { $min }
        [between] between { $min } and { $max }
        [at-least] at least { $min }
       *[at-most] at most { $max }
    }
sl302-headline-rejected-short = `{ $name } = { $value }` is rejected: it is out of range
# $note: the catalogue's remark on the range (English), or none.
sl302-note-rejected = The kernel rejects the write (EINVAL) and keeps the old value: on { $target }, `{ $key }` must be { $shape ->
        [exactly] exactly { $min }
        [between] between { $min } and { $max }
        [at-least] at least { $min }
       *[at-most] at most { $max }
    }{ $note ->
        [none] { "" }
       *[other] { " " }({ $note })
    }.
sl302-headline-unchecked = `{ $name } = { $value }` is stored unchecked, but should be { $shape ->
        [exactly] exactly { $min }
        [between] between { $min } and { $max }
        [at-least] at least { $min }
       *[at-most] at most { $max }
    }
sl302-headline-unchecked-short = `{ $name } = { $value }` is stored unchecked, but is out of range
sl302-note-unchecked = The kernel does not check it, but its documentation says that on { $target }, `{ $key }` should be { $shape ->
        [exactly] exactly { $min }
        [between] between { $min } and { $max }
        [at-least] at least { $min }
       *[at-most] at most { $max }
    }{ $note ->
        [none] { "" }
       *[other] { " " }({ $note })
    }.
sl302-help-range = use a value { $shape ->
        [exactly] exactly { $min }
        [between] between { $min } and { $max }
        [at-least] at least { $min }
       *[at-most] at most { $max }
    }
sl302-headline-switch = `{ $name } = { $value }` is not 0 or 1: the kernel stores it anyway
sl302-headline-switch-short = `{ $name } = { $value }`: not 0 or 1, stored unchecked
sl302-note-switch = `{ $key }` is a 0/1 switch and { $value } is neither: the kernel stores it without checking, and what another value does is undocumented (a count or a time meant for another key?).
sl302-headline-undocumented = `{ $name } = { $value }` is not a documented value: stored unchecked
sl302-headline-undocumented-short = `{ $name } = { $value }` is undocumented: stored unchecked
# $values: the documented values, separated by `out-list-separator`.
sl302-note-undocumented = { $value } is not a documented value of `{ $key }` ({ $values }): the kernel stores it without checking, and what it then does is undocumented.
sl302-help-one-of = use one of { $values }

## SL303 extra-values

sl303-headline = `{ $name }` takes { $arity ->
        [1] one value
        [2] two values
        [3] three values
       *[other] { $arity } values
    }; `{ $ignored }` is ignored
sl303-note = `{ $key }` takes { $arity ->
        [1] one value
        [2] two values
        [3] three values
       *[other] { $arity } values
    }: the kernel keeps `{ $kept }` and silently ignores `{ $ignored }`.
sl303-help = write only `{ $key } = { $kept }`

## SL304 missing-values

sl304-headline = `{ $name }` gets { $given } of { $arity } values: the others stay as they are
sl304-note = `{ $key }` takes { $arity ->
        [1] one value
        [2] two values
        [3] three values
       *[other] { $arity } values
    } but { $given ->
        [1] one is
       *[other] { $given } are
    } given: only the first { $given } { $given ->
        [1] is
       *[other] are
    } written, the rest keep their current values.
# $default: the key's default as written in the catalogue, or none.
sl304-help = write all { $arity } values{ $default ->
        [none] { "" }
       *[other] { " " }(default: `{ $default }`)
    }

## SL305 inline-comment

sl305-headline-glued = the comment is glued to the number: the kernel rejects the write
sl305-note-glued = Sysctl files only have whole-line comments: the comment is glued to the number, so the kernel reads `{ $number }` as the number and rejects the write (EINVAL).
sl305-headline-ignored = `{ $comment }` is not a comment; the kernel ignores it here
sl305-note-ignored = Sysctl files only have whole-line comments: `{ $comment }` is part of the value; this integer key happens to stop reading at the blank, so it is ignored, but the file depends on that.
sl305-headline-position = the comment stands where number { $position } should be: the kernel rejects it
sl305-note-position = Sysctl files only have whole-line comments: `{ $key }` needs { $arity } numbers but the comment stands where number { $position } should be: the kernel rejects the write (EINVAL).
sl305-headline-string = `{ $comment }` is not a comment: the kernel gets it in the value
sl305-note-string = Sysctl files only have whole-line comments: `{ $comment }` becomes part of the value: the kernel receives `{ $value }` (a list or name key rejects it; a free-form string keeps it).
sl305-headline-other = `{ $comment }` is not a comment: it is written to the kernel
sl305-note-other = Sysctl files only have whole-line comments: `{ $comment }` is part of the value written to the kernel.
sl305-help = use `{ $key } = { $value }` with the comment on its own line above

## SL306 negative-value
# $kind: time, count or size; $unit: the catalogue's unit (seconds, ms, us, jiffies,
# bytes, kbytes, pages, packets).

sl306-headline = `{ $name } = { $value }`: the kernel accepts { $kind ->
        [time] a negative time
        [count] a negative count
       *[size] a negative size
    }
sl306-note = `{ $name } = { $value }` is { $kind ->
        [time] a negative time ({ $unit })
        [count] a negative count
       *[size] a negative size ({ $unit })
    }: the kernel takes it (there is no lower bound for `{ $key }`), and { $kind ->
        [time] a timer or timeout computed from it expires at once, or wraps around to a huge one
       *[other] code that expects an amount compares with it or counts down from it: a limit of less than nothing, or, compared as an unsigned number, no limit at all
    }.
# $default: the key's default, or none.
sl306-help = use a positive value, or delete the line to keep { $default ->
        [none] its default
       *[other] the default, `{ $default }`
    }

## SL307 documented-advice
# $headline, $effect: the advice's few words and its effect (messages `advice-...`);
# $quote: the kernel documentation's words (rules/advice.tsv), quoted in English.

sl307-headline = `{ $name } = { $value }`: { $headline }
# $op: below, above or none; $limit_kind: value, memory ($memory: the host's memory) or
# default-host; $beside: yes when another key makes the advice apply ($other, its
# $index (0 for a single value), $other_value, and $file (none: this file) and $line).
sl307-note = `{ $name } = { $value }`{ $op ->
        [below] { " " }(below { $limit_kind ->
            [memory] { $limit }, the kernel's own value for { $memory } of memory
            [default-host] { $limit }, what the kernel sizes it to on an 8 GiB host (131072 on 24 GiB)
           *[value] { $limit }
        })
        [above] { " " }(above { $limit_kind ->
            [memory] { $limit }, the kernel's own value for { $memory } of memory
            [default-host] { $limit }, what the kernel sizes it to on an 8 GiB host (131072 on 24 GiB)
           *[value] { $limit }
        })
       *[none] { "" }
    }{ $beside ->
        [yes] , beside { $index ->
            [0] `{ $other }` = { $other_value }
           *[other] `{ $other }` (its value { $index }) = { $other_value }
        } on { $file ->
            [none] line { $line }
           *[other] { $file }:{ $line }
        }
       *[none] { "" }
    }: { $effect }. The kernel documentation: "{ $quote }"
sl307-help-below = use at least { $limit }, or delete the line to keep { $default ->
        [none] the kernel default
       *[other] the kernel default, `{ $default }`
    }
sl307-help-above = use at most { $limit }, or delete the line to keep { $default ->
        [none] the kernel default
       *[other] the kernel default, `{ $default }`
    }
sl307-help = delete the line to keep { $default ->
        [none] the kernel default
       *[other] the kernel default, `{ $default }`
    }

# The headlines of rules/advice.tsv, by key (dots as `-`, `<dev>` as `dev`).
advice-net-ipv4-tcp_retries2-headline = connections drop on short outages
advice-net-ipv4-tcp_retries1-headline = TCP seeks another route too early
advice-net-ipv4-tcp_max_orphans-headline = orphans beyond it are reset
advice-net-ipv6-conf-dev-max_addresses-headline = addresses grow without limit
advice-vm-vfs_cache_pressure-headline = caches never shrink, risking OOM
advice-net-ipv4-ip_no_pmtu_disc-headline = non-TCP traffic may black-hole
advice-net-ipv4-tcp_rto_min_us-headline = each lost segment stalls longer
advice-net-core-default_qdisc-headline = a classful qdisc with no classes
advice-net-ipv4-tcp_window_scaling-headline = windows stay at 64 KiB at most
advice-net-ipv6-conf-dev-regen_min_advance-headline = temporary addresses may lag

# The effects of rules/advice.tsv, by key.
advice-net-ipv4-tcp_retries2-effect = an established connection is dropped after a shorter outage than RFC 1122 allows (6 gives up after about 25 s, 3 after about 3 s of unanswered retransmissions)
advice-net-ipv4-tcp_retries1-effect = TCP tells the network layer to look for another route (negative advice) after fewer retransmissions than RFC 1122's minimum
advice-net-ipv4-tcp_max_orphans-effect = once that many closed connections are waiting to finish, every further one is reset at once and the kernel logs `too many orphaned sockets`
advice-net-ipv6-conf-dev-max_addresses-effect = any router on the link can make the host create autoconfigured addresses without limit (zero disables the limit; the default is 16)
advice-vm-vfs_cache_pressure-effect = the dentry and inode caches are never shrunk under memory pressure, so a file-heavy workload can run the host out of memory
advice-net-ipv4-ip_no_pmtu_disc-effect = fragmentation-needed errors are ignored for every protocol but TCP and SCTP, so UDP, tunnels and VPNs over a smaller-MTU path black-hole their large packets
advice-net-ipv4-tcp_rto_min_us-effect = every retransmission timeout waits longer than the 200 ms floor the kernel uses by default, so each lost segment stalls the connection longer
advice-net-core-default_qdisc-effect = every new interface gets a classful queueing discipline without classes: DRR, HFSC and QFQ drop what no class takes, HTB sends it unshaped
advice-net-ipv4-tcp_window_scaling-effect = without window scaling a TCP window cannot exceed 65535 bytes, so the larger buffers set here are never used: each connection has at most 64 KiB in flight, about 5 Mbit/s at a 100 ms round trip
advice-net-ipv6-conf-dev-regen_min_advance-effect = a new temporary address may be created too late, after the current one is already deprecated, so new connections can briefly fall back to the stable address

## SL308 lower-above-upper
# $a_default, $b_default: yes when the value is the kernel default (not written);
# $scaled: yes when the upper key counts in units ($scale bytes: $bytes in all).

sl308-headline = `{ $a } = { $va }` exceeds `{ $b } = { $vb }`; the kernel keeps both
sl308-headline-short = `{ $a }` exceeds `{ $b }`; the kernel keeps both
# $effect: the relation's effect (message `relation-...-effect`).
sl308-note = `{ $a }` ({ $a_default ->
        [yes] { $va }, the kernel default
       *[no] { $va }
    }) is above `{ $b }` ({ $b_default ->
        [yes] { $vb }, the kernel default
       *[no] { $vb }
    }{ $scaled ->
        [yes] { " " }x { $scale } = { $bytes }
       *[no] { "" }
    }): { $effect }; the kernel accepts both writes without comparing them.
sl308-help = keep `{ $a }` at or below `{ $b }`: raise `{ $b }` or lower `{ $a }`
sl308-label = `{ $key }` = { $value } here

## SL310 needs-other-key

sl310-headline = `{ $a } = { $va }` has no effect while `{ $b }` is { $vb }
sl310-headline-short = `{ $a }` has no effect while `{ $b }` is { $vb }
# $effect: the relation's effect (message `relation-...-effect`); $state: set (on $line of $file, none for
# this file) or default.
sl310-note = `{ $a } = { $va }` has no effect here: { $effect }, and { $state ->
        [set] `{ $bkey }` is { $vb } ({ $file ->
            [none] line { $line }
           *[other] line { $line } of `{ $file }`
        })
       *[default] `{ $bkey }` keeps its kernel default, { $vb }
    }.
# $wanted: the values that make it work, separated by `sl310-or`.
sl310-help = set `{ $bkey } = { $wanted }` if the setting is meant, or delete the line
sl310-label = `{ $key }` = { $value } here
sl310-or = { " or " }

## The effects of rules/relations.tsv (SL308, SL310), by the first key.

relation-net-core-rmem_default-effect = every new socket starts with a receive buffer above the largest one `setsockopt(SO_RCVBUF)` can ask for, so a program that sets its buffer gets less than one that does not
relation-net-core-wmem_default-effect = every new socket starts with a send buffer above the largest one `setsockopt(SO_SNDBUF)` can ask for, so a program that sets its buffer gets less than one that does not
relation-fs-mqueue-msg_default-effect = a queue opened without attributes gets msg_max messages, not msg_default: the larger default is cut to the maximum
relation-fs-mqueue-msgsize_default-effect = a queue opened without attributes gets msgsize_max bytes per message, not msgsize_default: the larger default is cut to the maximum
relation-net-ipv4-neigh-default-gc_thresh1-effect = the garbage collector keeps more entries than the level at which it starts to collect hard, so the soft limit never applies
relation-net-ipv4-neigh-default-gc_thresh2-effect = the table is full (gc_thresh3) before the soft limit is reached: new neighbours fail with `neighbour table overflow` and the soft limit never applies
relation-net-ipv6-neigh-default-gc_thresh1-effect = the garbage collector keeps more entries than the level at which it starts to collect hard, so the soft limit never applies
relation-net-ipv6-neigh-default-gc_thresh2-effect = the table is full (gc_thresh3) before the soft limit is reached: new neighbours fail with `neighbour table overflow` and the soft limit never applies
relation-net-ipv6-conf-dev-accept_ra_rt_info_min_plen-effect = no prefix length is both at least the minimum and at most the maximum: every Route Information option of router advertisements is ignored
relation-dev-raid-speed_limit_min-effect = below the minimum a resync is never throttled, so it runs faster than the maximum allows
relation-kernel-sched_deadline_period_min_us-effect = no period lies between the minimum and the maximum: every SCHED_DEADLINE task is refused (EINVAL from sched_setattr)
relation-vm-overcommit_ratio-effect = the commit limit it sets applies only in overcommit mode 2 ("never")
relation-vm-overcommit_kbytes-effect = the commit limit it sets applies only in overcommit mode 2 ("never")
relation-kernel-max_rcu_stall_to_panic-effect = the count of stalls before a panic matters only when RCU stalls panic at all
relation-kernel-shmmax-effect = a segment of the largest size shmmax allows can never be created: the total that shmall allows (counted in pages of 4096 bytes) is smaller
