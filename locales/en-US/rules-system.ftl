# Messages of the rules SL400 to SL899 (headline, note, help), ids `slNNN-...`.
# Values (sysctl values, sizes, versions) are passed as text, counts as numbers.
# $line is a line number; $where is `same` (a line of this file) or `other`
# (a line of $file).

## SL401 duplicate-key

sl401-headline = `{ $key }` is set again: `{ $value }` overrides line { $line }
sl401-headline-alias = `{ $key }` overrides line { $line } under another name: `{ $value }` wins
sl401-note = `{ $key }` is set to `{ $old }` on line { $line } and to `{ $new }` here. Every line is applied in order, so the later value wins and the earlier one is lost, silently.
sl401-note-alias = `{ $key }` and `{ $other }` on line { $line } are two names of one kernel variable: `{ $new }` replaces `{ $old }`. Every line is applied in order, so the later line wins, silently.
sl401-note-alias-factor = `{ $key }` and `{ $other }` on line { $line } are two names of one kernel variable: `{ $new }` replaces `{ $old }` (`{ $fine }` counts in units { $factor } times smaller than `{ $coarse }`). Every line is applied in order, so the later line wins, silently.
sl401-label-first = first set to `{ $value }` here
sl401-help = keep one line with the value you mean (now the kernel gets `{ $key } = { $value }`) and delete the other

## SL402 redundant-duplicate

sl402-headline = `{ $key }` is set again to the value of line { $line }
sl402-headline-alias = `{ $key }` repeats line { $line } under another name
sl402-headline-alias-units = `{ $key }` sets line { $line } again under another name
sl402-note = Harmless, but a later edit of one line will not change the other.
sl402-note-alias = `{ $key }` and `{ $other }` on line { $line } are two names of one kernel variable, set to the same value: harmless, but a later edit of one line will not change the other.
sl402-note-alias-units = `{ $key }` and `{ $other }` on line { $line } are two names of one kernel variable, in units that cannot be compared here: the later line decides, and a later edit of one line will not change the other.
sl402-label-first = first set here
sl402-help = delete the repeated line

## SL403 overridden-across-files

sl403-headline = `{ $key } = { $value }` overrides `{ $old }` from { $file }:{ $line }
sl403-headline-alias = `{ $key } = { $value }` overrides its alias in { $file }:{ $line }
sl403-note = `{ $key }` is set to `{ $old }` in { $file }:{ $line } and to `{ $new }` here. Files are applied in order and the later one wins.
sl403-note-alias = `{ $key }` = `{ $new }` and `{ $other }` = `{ $old }` from { $file }:{ $line } are two names of one kernel variable. Files are applied in order and the later one wins.
sl403-label = overridden: `{ $value }` set here
sl403-help = intended for a drop-in that adjusts a default; otherwise remove one of the two

## SL407 rejected-by-write-order ($relation is `above` or `below`)

sl407-headline = `{ $key } = { $value }` is rejected: { $relation ->
        [above] above
       *[below] below
    } { $limit }
sl407-note = The kernel rejects this write (EINVAL) and keeps the old value: `{ $key }` = { $value } would be { $relation ->
        [above] above
       *[below] below
    } { $limit }, { $where ->
        [same] the value `{ $other }` has at this point (set on line { $line })
        [other] the value `{ $other }` has at this point (set on line { $line } of `{ $file }`)
       *[default] the kernel default of `{ $other }`, still in force at this point
    }, and each write of `{ $key }` is checked against the current `{ $other }`.
sl407-help = change `{ $other }` first, in a line before this one (keep `{ $a }` at most `{ $b }` after every line)
sl407-help-later = `{ $other }` is changed only further down: write `{ $other }` first (keep `{ $a }` at most `{ $b }` after every line)
sl407-label = `{ $other }` = { $value } here

## SL501 tcp-tw-recycle

sl501-headline = `tcp_tw_recycle = { $value }` drops SYNs from clients behind NAT
sl501-note = The kernel remembers the last TCP timestamp of each remote host for about 60 s after a connection enters TIME_WAIT and silently drop SYNs from that address with an older timestamp: clients behind one NAT address have unrelated clocks, so all but one of them time out on connect(). The key was removed in Linux 4.12 for this reason.
sl501-note-random = The kernel remembers the last TCP timestamp of each remote host for about 60 s after a connection enters TIME_WAIT and silently drop SYNs from that address with an older timestamp: clients behind one NAT address have unrelated clocks, so all but one of them time out on connect(); and on { $kernel } (4.10 and later) every connection gets a random timestamp offset, so the check drops SYNs even from clients that are not behind NAT. The key was removed in Linux 4.12 for this reason.
sl501-help = set `net.ipv4.tcp_tw_recycle = 0` (or delete the line); for many outgoing connections use `net.ipv4.tcp_tw_reuse = 1`, which is safe with timestamps on

## SL502 tw-reuse-without-timestamps ($reach is `all` or `loopback`)

sl502-headline = `tcp_tw_reuse = { $mode }` does nothing: `tcp_timestamps` is 0
sl502-note = `tcp_tw_reuse = { $mode }` asks for TIME_WAIT { $reach ->
        [all] reuse for all outgoing connections
       *[loopback] reuse for loopback connections
    }, but `tcp_timestamps = 0` is set: the kernel only reuses a TIME_WAIT port when the old connection used TCP timestamps, so reuse never happens and ports stay in TIME_WAIT for 60 s. (tw_reuse only ever helps outgoing connections, never a server's incoming ones; from Linux 4.18 the default is already 2, loopback only).
sl502-label = `tcp_timestamps = 0` set here: TCP timestamps are off
sl502-help = delete `net.ipv4.tcp_timestamps = 0` (the default 1 is what reuse needs), or drop the tcp_tw_reuse line if you want timestamps off

## SL503 timestamps-disabled

sl503-headline = `tcp_timestamps = 0` loses PAWS, RTT samples and tcp_tw_reuse
sl503-note = TCP timestamps (RFC 7323) are off for every connection: the kernel loses PAWS protection against old segments with wrapped sequence numbers (real on fast links), RTT measurement from every ACK (worse retransmission timeouts), and `tcp_tw_reuse` stops working; with SYN cookies in use it also loses window scaling, SACK and ECN, which the cookie keeps in the timestamp. (From Linux 4.10 each connection gets a random timestamp offset, which hides the uptime without turning timestamps off.)
sl503-note-random = TCP timestamps (RFC 7323) are off for every connection: the kernel loses PAWS protection against old segments with wrapped sequence numbers (real on fast links), RTT measurement from every ACK (worse retransmission timeouts), and `tcp_tw_reuse` stops working; with SYN cookies in use it also loses window scaling, SACK and ECN, which the cookie keeps in the timestamp. Hiding the uptime is no reason: on { $kernel } (since 4.10) each connection already gets a random timestamp offset.
sl503-help = delete the line (the default is 1: timestamps on, with a random per-connection offset); keep 0 only on anonymity systems that accept these costs to hide the clock rate from remote fingerprinting

## SL504 fin-timeout-not-time-wait

sl504-headline = `tcp_fin_timeout = { $value }` does not shorten TIME_WAIT (60 s)
sl504-note = `tcp_fin_timeout = { $value }` only limits how long an orphaned socket (closed by its process) may wait in FIN-WAIT-2 for the peer's FIN. TIME_WAIT always lasts 60 s (TCP_TIMEWAIT_LEN, a compile-time constant with no sysctl).
sl504-label = this configuration tunes TIME_WAIT (`{ $key }`)
sl504-help = keep the line only if you mean to cut orphaned FIN-WAIT-2 sockets short; to cope with many TIME_WAIT sockets on outgoing connections, `net.ipv4.tcp_tw_reuse = 1` is the tool

## SL505 low-tw-buckets
# $effect: `unsigned` (a negative cap removes the limit), `negative` (disables
# TIME_WAIT like 0), `zero`, `cap`; $sized: `yes` with $default and $memory, else `no`.

sl505-headline-unlimited = `tcp_max_tw_buckets = { $cap }` removes the TIME_WAIT cap on { $kernel }
sl505-headline-off = `tcp_max_tw_buckets = { $cap }` turns TIME_WAIT off for every socket
sl505-headline = `tcp_max_tw_buckets = { $cap }` drops TIME_WAIT for sockets beyond { $cap }
sl505-note = With `tcp_max_tw_buckets = { $cap }`, { $effect ->
        [unsigned] on { $kernel } a negative cap is compared as an unsigned number (`refcount_read()`, since 5.18), so it removes the limit: TIME_WAIT sockets are no longer capped at all, and the protection the cap gives against floods of closing connections is gone (only 0 disables TIME_WAIT)
        [negative] on { $kernel } a negative cap disables TIME_WAIT like 0 (a signed comparison before 5.18; from 5.18 a negative value removes the cap instead): every closing connection is destroyed at once
        [zero] no socket can enter TIME_WAIT at all: every closing connection is destroyed at once
       *[cap] once { $cap } sockets are in TIME_WAIT, every further closing connection skips TIME_WAIT and is destroyed at once
    } (counted as TCPTimeWaitOverflow in /proc/net/netstat; older kernels log `TCP: time wait bucket table overflow`). Without TIME_WAIT, late segments of an old connection can reach a new one on the same ports. The kernel sizes the cap from memory ({ $sized ->
        [yes] about { $default } for the { $memory } of memory given
       *[no] 131072 on a 24 GiB host, 32768 on an 8 GiB one
    }); its documentation says not to lower it.
sl505-help = delete the line to keep the kernel's default; TIME_WAIT sockets are cheap, and for outgoing connections `net.ipv4.tcp_tw_reuse = 1` lets new connections reuse them safely

## SL510 port-range-rejected
# $before is the range kept (`32768-60999`); $where/$line/$file say where it was
# set; $uwhere/$uline/$ufile where ip_unprivileged_port_start was.

sl510-headline-reversed = the kernel rejects the port range `{ $low } { $high }`: high below low
sl510-note-reversed = The local port range ends below its start: high end { $high } < low end { $low }; the kernel rejects the write (EINVAL) and keeps the range { $before } ({ $where ->
        [same] line { $line }
        [other] line { $line } of { $file }
       *[default] the kernel default
    }).
sl510-note-reversed-low-only = The local port range ends below its start: high end { $high } < low end { $low } (only the low end is written; the high end stays { $high } from { $where ->
        [same] line { $line }
        [other] line { $line } of { $file }
       *[default] the kernel default
    }); the kernel rejects the write (EINVAL) and keeps the range { $before } ({ $where ->
        [same] line { $line }
        [other] line { $line } of { $file }
       *[default] the kernel default
    }).
sl510-help-reversed = write the low end first: `{ $high } { $low }`
sl510-help-reversed-low-only = write both ends, low then high, with the high end at least { $low }
sl510-label-low = low end
sl510-headline-below = the kernel rejects the port range: start { $low } is below { $start }
sl510-note-below = The low end { $low } of the local port range is below { $start }: the kernel rejects the write (EINVAL) and keeps the range { $before } ({ $where ->
        [same] line { $line }
        [other] line { $line } of { $file }
       *[default] the kernel default
    }).
sl510-note-below-unprivileged = The low end { $low } of the local port range is below `net.ipv4.ip_unprivileged_port_start` ({ $start }, { $uwhere ->
        [same] line { $uline }
        [other] line { $uline } of { $ufile }
       *[default] the kernel default
    }): the kernel rejects the write (EINVAL) and keeps the range { $before } ({ $where ->
        [same] line { $line }
        [other] line { $line } of { $file }
       *[default] the kernel default
    }).
sl510-label-unprivileged = ip_unprivileged_port_start = { $start } in force here
sl510-label-too-late = applied only after the port range: too late for it
sl510-help-move = move `{ $key } = { $value }` ({ $where ->
        [same] line { $line }
       *[other] line { $line } of { $file }
    }) above this line, or start the range at { $start } or above
sl510-help-start = start the range at { $start } or above, e.g. `{ $start } { $high }`
sl510-headline-unprivileged = `ip_unprivileged_port_start = { $value }` is rejected: above { $low }
sl510-note-unprivileged = { $value } is above the low end of the local port range ({ $low }, { $where ->
        [same] line { $line }
        [other] line { $line } of { $file }
       *[default] the kernel default
    }): privileged ports may not reach into the ephemeral range, so the kernel rejects the write (EINVAL) and keeps ip_unprivileged_port_start = { $kept }.
sl510-help-unprivileged = use a value of at most { $low }, or raise the local port range above { $value } before this line
sl510-label-range = local port range in force here

## SL512 port-range-parity ($parity is `even` or `odd`)

sl512-headline = the kernel warns: both port range ends ({ $low }, { $high }) are { $parity ->
        [even] even
       *[odd] odd
    }
sl512-note = Both ends of the ephemeral port range { $low }-{ $high } are { $parity ->
        [even] even
       *[odd] odd
    }: connect() walks the range in steps of two, one parity first, and the documentation asks for one even and one odd end; the kernel logs "ip_local_port_range: prefer different parity for start/end values." when it takes this range.
sl512-note-one-by-one = Both ends of the ephemeral port range { $low }-{ $high } are { $parity ->
        [even] even
       *[odd] odd
    }: on { $kernel } connect() starts its search at a port of the low end's parity but walks the range one port at a time (steps of two only from 4.6), and the documentation asks for one even and one odd end; the kernel logs "ip_local_port_range: prefer different parity for start/end values." when it takes this range.
sl512-help = make the ends differ in parity, e.g. `{ $low } { $high }` (like the default 32768 60999)

## SL513 port-range-small ($usable, $size, $taken, $rate are counts; $seconds is 60)

sl513-headline-none = the port range { $low }-{ $high } leaves no usable port: connect() fails
sl513-note-none = The ephemeral port range { $low }-{ $high } leaves no usable port ({ $taken ->
        [0] {""}
       *[other] { $size } in the range, { $taken } of them reserved by ip_local_reserved_ports;{" "}
    }the default range has { $default }): every connect() that lets the kernel pick the local port fails with EADDRNOTAVAIL.
sl513-headline = the port range { $low }-{ $high } allows { $usable ->
        [one] { $usable } connection
       *[other] { $usable } connections
    } per destination
sl513-note = The ephemeral port range { $low }-{ $high } leaves { $usable ->
        [one] { $usable } usable port
       *[other] { $usable } usable ports
    } ({ $taken ->
        [0] {""}
       *[other] { $size } in the range, { $taken } of them reserved by ip_local_reserved_ports;{" "}
    }the default range has { $default }): at most { $usable ->
        [one] { $usable } connection
       *[other] { $usable } connections
    } to one destination address and port at a time, and when this host closes them first, each port waits { $seconds } s in TIME_WAIT, so at most { $usable } new { $usable ->
        [one] connection
       *[other] connections
    } per { $seconds } s ({ $rate ->
        [0] less than one per second
       *[other] about { $rate } per second
    }); beyond that connect() fails with EADDRNOTAVAIL.
sl513-label = reserves { $taken ->
        [one] { $taken } port
       *[other] { $taken } ports
    } of the range
sl513-help = widen the range to at least { $min } ports, e.g. the default `{ $low } { $high }`
sl513-help-reserved = widen the range to at least { $min } ports, e.g. the default `{ $low } { $high }`, or reserve fewer ports inside it

## SL514 reserved-ports-invalid ($what is `blank`, `too-large` or `reversed`; $token the part of the list)

sl514-headline = the kernel rejects the whole list: { $what ->
        [blank] it has a blank inside
        [too-large] `{ $token }` is not a port
       *[reversed] `{ $token }` is reversed
    }
sl514-note = { $what ->
        [blank] A blank inside the list (the kernel reads only digits, `,` and `-`)
        [too-large] `{ $token }` is not a port (ports end at 65535)
       *[reversed] `{ $token }` is a reversed range (it starts at { $low } and ends below that, at { $high })
    }: the kernel rejects the whole `ip_local_reserved_ports` list (EINVAL) and { $where ->
        [same] keeps the list from line { $line } (`{ $kept }`)
        [other] keeps the list from line { $line } of { $file } (`{ $kept }`)
       *[default] keeps the reserved ports it had (none by default)
    }.
sl514-help-blank = remove the blanks: `{ $list }`
sl514-help-too-large = remove it, or use ports from 0 to 65535
sl514-help-reversed = write the lower port first: `{ $high }-{ $low }`

## SL520 syn-retries-low ($name is `tcp_syn_retries` or `tcp_synack_retries`;
## $after and $default_after are seconds; $linear the extra linear SYNs, a count)

sl520-headline-syn = `{ $name } = { $value }` gives up a connect() after about { $after } s, not { $default_after } s
sl520-headline-synack = `{ $name } = { $value }` drops a handshake after about { $after } s, not { $default_after } s
sl520-note-syn = With `{ $name } = { $value }`, an outgoing connect() whose SYNs get no answer is given up after about { $after } s (retransmissions at 1, 2, 4, ... s, doubling from a 1 s initial timeout) instead of about { $default_after } s with the default { $default }; a short outage or a few lost packets then fail the connection.
sl520-note-syn-linear = With `{ $name } = { $value }`, an outgoing connect() whose SYNs get no answer is given up after about { $after } s ({ $linear ->
        [one] { $linear } extra SYN 1 s apart (tcp_syn_linear_timeouts = { $linear }), then timeouts doubling
       *[other] { $linear } extra SYNs 1 s apart (tcp_syn_linear_timeouts = { $linear }), then timeouts doubling
    }) instead of about { $default_after } s with the default { $default }; a short outage or a few lost packets then fail the connection.
sl520-note-synack = With `{ $name } = { $value }`, a passive open (this host's SYN-ACK to a client) that gets no final ACK is given up after about { $after } s (retransmissions at 1, 2, 4, ... s, doubling from a 1 s initial timeout) instead of about { $default_after } s with the default { $default }; a short outage or a few lost packets then fail the connection.
sl520-help = keep the default { $default } unless clients must fail fast; applications can set their own connect timeout instead

## SL521 somaxconn-overflow

sl521-headline-rejected = `somaxconn = { $value }` is rejected on { $kernel }: above 65535
sl521-headline-wraps = `somaxconn = { $value }` wraps to a backlog of { $wrapped } on { $kernel }
sl521-note-rejected = `somaxconn = { $value }` is above 65535: kernels before 4.1 kept the listen backlog in 16 bits; on { $kernel } the kernel rejects the write (EINVAL: the table limits somaxconn to between 0 and 65535), so somaxconn keeps its old value.
sl521-note-wraps = `somaxconn = { $value }` is above 65535: kernels before 4.1 kept the listen backlog in 16 bits; on { $kernel } the value is stored, but listen() copies it into a 16-bit field, so an application asking for the maximum gets a backlog of { $value } mod 65536 = { $wrapped }.
sl521-note-wraps-zero = `somaxconn = { $value }` is above 65535: kernels before 4.1 kept the listen backlog in 16 bits; on { $kernel } the value is stored, but listen() copies it into a 16-bit field, so an application asking for the maximum gets a backlog of { $value } mod 65536 = 0 (no queue at all).
sl521-help = use at most 65535 on kernels before 4.1 (values above it only work from 4.1 on)

## SL522 syn-backlog-above-somaxconn ($source: `set`, `default`, `default-old`)

sl522-headline = accept queues stay capped at { $somaxconn } (somaxconn), not { $backlog }
sl522-note = `tcp_max_syn_backlog = { $backlog }` is above `net.core.somaxconn` ({ $somaxconn }, { $source ->
        [set] set in this configuration
        [default] the default on { $kernel }
       *[default-old] the default on { $kernel } (before 5.4)
    }): it only bounds half-open (SYN_RECV) requests; the queue of connections waiting for accept() stays capped at min(listen() backlog, { $somaxconn }).
sl522-help = if you want longer accept queues, raise `net.core.somaxconn` to at least { $backlog } as well (and the listen() backlog in the server's own configuration)
sl522-label = somaxconn = { $somaxconn } set here

## SL601 mem-vector-order ($low, $pressure, $high are page counts as text,
## `1000 pages (3.9 MiB)`; $bytes a size; $proto `TCP`, `UDP`, `SCTP`)

sl601-headline-low-high = `{ $name }` low is above high: the hard limit starts only at { $bytes }
sl601-note-low-high = The `{ $key }` thresholds are out of order: low ({ $low }) is above high ({ $high }). The kernel does not check the order: it allows every allocation while usage is at or below low, so the hard limit applies only above { $bytes }, not at high.
sl601-note-low-high-pressure = The `{ $key }` thresholds are out of order: low ({ $low }) is above high ({ $high }). The kernel does not check the order: it allows every allocation while usage is at or below low, so the hard limit applies only above { $bytes }, not at high; { $proto } memory pressure starts only there too.
sl601-headline-low-pressure = `{ $name }` low is above pressure: pressure starts only at { $bytes }
sl601-note-low-pressure = The `{ $key }` thresholds are out of order: low ({ $low }) is above pressure ({ $pressure }). The kernel does not check the order: it leaves memory pressure whenever usage is at or below low, so { $proto } enters memory pressure only above { $bytes }, not at pressure.
sl601-headline-pressure-high = `{ $name }` pressure is above high: { $proto } never enters memory pressure
sl601-note-pressure-high = The `{ $key }` thresholds are out of order: pressure ({ $pressure }) is above high ({ $high }). The kernel does not check the order: usage can never pass high, so { $proto } never enters memory pressure (where it shrinks socket buffers) before allocations start to fail at the hard limit.
sl601-help = write the three page counts in ascending order (`{ $key } = { $sorted }`), or delete the line: the kernel sizes `{ $key }` from RAM at boot

## SL602 mem-pages-look-like-bytes
# Vectors: $what is `pressure` or `limit`, $pages the value as pages, $against
# `host` (with $memory) or `default` (with $limit).

sl602-headline = `{ $name }` value { $value } is { $bytes } in pages
sl602-note = `{ $key }` counts pages of 4096 bytes, not bytes: { $what ->
        [pressure] { $pages } before { $proto } feels memory pressure
       *[limit] { $pages } that all { $proto } sockets together may use
    }, { $against ->
        [host] more than this host's { $memory } of memory (--memory), so the limit can never be reached; if these are byte counts, divide them by 4096
       *[default] more than { $limit }, which the kernel's own boot-time value reaches only on hosts with terabytes of RAM: the numbers look like byte counts
    }.
sl602-help = give `{ $key }` in pages (bytes / 4096), or delete the line: the kernel sizes it from RAM at boot
sl602-help-example = give `{ $key }` in pages (bytes / 4096), or delete the line: the kernel sizes it from RAM at boot (live 6.18 on a 24 GiB host: `{ $example }`)
# Scalars: $unit is `kib`, `huge` or `pages` (with $size, the page size in bytes);
# $role `reserve`, `pool` or `limit`; $against `host`, `host-min-free`, `host-pool`,
# `reserve` or `other`.
sl602-headline-scalar = `{ $name } = { $value }` is { $bytes } in { $unit ->
        [kib] KiB
        [huge] huge pages
       *[pages] pages
    }
sl602-note-scalar = `{ $key }` counts { $unit ->
        [kib] KiB
        [huge] huge pages of 2 MiB
       *[pages] pages of { $size } bytes
    }, not bytes: { $value } is { $bytes } { $role ->
        [reserve] held back
        [pool] to allocate
       *[limit] as the limit
    }, { $against ->
        [host] more than this host's { $memory } of memory (--memory)
        [host-min-free] more than this host's { $memory } of memory (--memory): the kernel tries to keep more free than there is, reclaims without end and the OOM killer runs at once (vm.rst: "Setting this too high will OOM your machine instantly.")
        [host-pool] more than this host's { $memory } of memory (--memory): the kernel takes memory for huge pages until none is left, and everything else runs short
        [reserve] more than { $limit }, far beyond any reserve the kernel picks itself: the number looks like a byte count
       *[other] more than { $limit }, more memory than hosts have: the number looks like a byte count
    }.
sl602-help-scalar = give `{ $key }` in { $unit ->
        [kib] KiB
        [huge] huge pages of 2 MiB
       *[pages] pages of { $size } bytes
    } (bytes / { $size }), or delete the line to keep the kernel's own value
sl602-headline-shmall = `shmall = { $value }` is { $bytes }: shmmax's byte count?
sl602-note-shmall = `kernel.shmall` counts pages of { $page } bytes and `kernel.shmmax` bytes, and both are { $value }: shmall holds a byte count, so it allows { $bytes } of shared memory in total, { $page } times what the same number means in shmmax.
sl602-help-shmall = give shmall in pages: { $pages } for { $total } in total

## SL603 buffer-vector-order ($buffer is `receive` or `send`; $min, $default, $max in bytes as text)

sl603-headline-min = `{ $name }` min is above default: new sockets start below the min
sl603-headline-max = `{ $name }` default is above max: new sockets start above the max
sl603-note-min = The `{ $key }` values are out of order: min ({ $min }) is above default ({ $default }). The kernel stores the values without checking the order: new TCP sockets start with a { $buffer ->
        [receive] receive
       *[send] send
    } buffer of { $default_bytes } bytes, smaller than the min every socket is meant to be guaranteed even under memory pressure.
sl603-note-max = The `{ $key }` values are out of order: default ({ $default }) is above max ({ $max }). The kernel stores the values without checking the order: new TCP sockets start with a { $buffer ->
        [receive] receive
       *[send] send
    } buffer of { $default_bytes } bytes, already above the { $max_bytes }-byte max that automatic tuning is meant to stay under.
sl603-help = write the three values in ascending order, min, default, max (kernel default `{ $kernel_default }`)

## SL604 buffer-below-minimum ($index: 0 min, 1 default, 2 max)

sl604-headline = `{ $name }` { $index ->
        [0] min { $value }: only { $value } bytes per socket under pressure
        [1] default { $value }: new sockets start with only { $value } bytes
       *[2] max { $value }: buffers never grow beyond { $value } bytes
    }
sl604-note = `{ $key }` { $index ->
        [0] min
        [1] default
       *[2] max
    } = { $bytes } is below 4096 bytes: { $buffer ->
        [receive] ip-sysctl.rst says each of the three values cannot be set below 4096
       *[send] that is less than one page, and the documented default of min is 4K
    }. The kernel accepts it anyway (6.18 stores values from 1 to 4095), so { $index ->
        [0] under memory pressure each TCP socket is guaranteed only { $value } bytes of { $buffer ->
            [receive] receive
           *[send] send
        } buffer
        [1] every new TCP socket starts with a { $buffer ->
            [receive] receive
           *[send] send
        } buffer of only { $value } bytes
       *[2] automatic tuning never grows a TCP { $buffer ->
            [receive] receive
           *[send] send
        } buffer beyond { $value } bytes
    }.
sl604-help = use at least 4096 for every value of `{ $key }` (kernel default `{ $kernel_default }`)

## SL605 orphans-memory ($against: `host` with $memory, `default` with $limit)

sl605-headline = `tcp_max_orphans = { $value }` lets orphans pin about { $bytes }
sl605-note = `{ $key } = { $value }` lets orphaned sockets (closed by their process, still held by the kernel) pin up to about { $bytes } of unswappable memory ({ $value } x about 64 KiB), { $against ->
        [host] more than half of this host's { $memory } (--memory)
       *[default] more than { $limit } (pass --memory to compare with the real host)
    }; the kernel only starts resetting orphans above this count.
sl605-help = delete the line to keep the kernel default, which scales with RAM (131072 on a 24 GiB host), or keep `{ $key }` x 64 KiB well below the host's memory

## SL610 dirty-background-not-below-dirty
# $unit: `ratio` ($half is a percentage) or `bytes` ($half is a size);
# $bdefault, $ddefault: `yes` when the threshold is the kernel default;
# $effect: `written` or `default`.

sl610-headline = background writeback falls back to { $unit ->
        [ratio] { $half }% of memory
       *[bytes] { $half }
    }
sl610-note = { $bdefault ->
        [yes] the default { $btext }
       *[no] { $btext }
    } is not below { $ddefault ->
        [yes] the default { $dtext }
       *[no] { $dtext }
    }: the kernel then starts background writeback at half the dirty threshold instead ({ $unit ->
        [ratio] { $half }% of available memory
       *[bytes] { $half }
    }), { $effect ->
        [written] so the value written here has no effect
       *[default] so the default background ratio is not used
    }.
sl610-help = keep the background threshold clearly below the dirty threshold, in the same unit (both ratios or both bytes); kernel defaults: dirty_background_ratio 10, dirty_ratio 20
sl610-label = dirty threshold { $dtext } set here

## SL611 dirty-bytes-and-ratio ($later: `bytes` or `ratio`)

sl611-headline = `{ $name }` is undone by the later { $later ->
        [bytes] bytes
       *[ratio] ratio
    } line
sl611-note = `{ $earlier_key } = { $earlier }` is silently undone: `{ $later_key } = { $value }` ({ $where ->
        [same] line { $line }
       *[other] { $file } line { $line }
    }) is written later, and the two are mutually exclusive (writing one sets the other to 0), so only the later one is in force.
sl611-note-zero = `{ $earlier_key } = { $earlier }` is silently undone: `{ $later_key } = { $value }` ({ $where ->
        [same] line { $line }
       *[other] { $file } line { $line }
    }) is written later, and the two are mutually exclusive (writing one sets the other to 0), so only the later one is in force: both are now 0, so the background threshold is 0 and background writeback starts as soon as any page is dirty.
sl611-label = `{ $later_key }` written later: this one wins
sl611-help = set only one of `{ $ratio }` and `{ $bytes }`: delete the line you do not mean

## SL701 profile-weaker-value ($profile is the profile's name, $expect what it
## wants (`1`, `2 or more`), $rationale its reason: both from the profile files)

sl701-headline = `{ $key } = { $value }`: { $profile } profile wants { $expect }
sl701-note = `{ $written_key } = { $written }` is weaker than the { $profile } profile expects ({ $expect }): { $rationale }.
sl701-note-glob = `{ $written_key } = { $written }` sets `{ $key }` to { $value }, which is weaker than the { $profile } profile expects ({ $expect }): { $rationale }.
sl701-help = set `{ $key } = { $suggest }`
sl701-help-glob = set `{ $key } = { $suggest }` explicitly (an explicit key beats the glob)

## SL702 profile-missing-key ($state: `forward` or `default` with $default, else `unknown`)

sl702-headline = `{ $key }` is unset: the { $profile } profile wants { $expect }
sl702-note = The { $profile } profile expects `{ $key }` to be { $expect }, but the configuration does not set it: { $state ->
        [forward] the kernel default after the configuration changes ip_forward is { $default }, which does not meet it
        [default] the kernel default is { $default }, which does not meet it
       *[unknown] its kernel default depends on the kernel build, so the profile is not guaranteed
    }; { $rationale }.
sl702-help = add `{ $key } = { $suggest }`

## SL530 ip-forward-resets-conf
# $family: `v4`, `v6` or `v6-clear` (forwarding 0 also clears force_forwarding);
# $ip: `IPv4` or `IPv6`; $from the value before; $where/$line/$file where it was
# set (`default`: the kernel default at boot); $list the settings reset
# (`sl530-item` each), $more how many more.

sl530-headline = `{ $key } = { $value }` resets { $count } { $ip } { $count ->
        [one] setting
       *[other] settings
    } made above it
sl530-note = `{ $key } = { $value }` comes after { $count ->
        [one] a setting
       *[other] settings
    } it resets: { $family ->
        [v4] changing IPv4 forwarding ({ $from }, { $where ->
            [same] set by line { $line }
            [other] set by line { $line } of `{ $file }`
           *[default] the kernel default at boot
        }) makes the kernel set `net.ipv4.conf.all.accept_redirects` to { $redirects } and `forwarding` on `default` and every interface to { $value }
        [v6-clear] writing `net.ipv6.conf.all.forwarding` (changed or not; it was { $from }, { $where ->
            [same] set by line { $line }
            [other] set by line { $line } of `{ $file }`
           *[default] the kernel default at boot
        }) makes the kernel set `forwarding` on `default` and every interface to { $value } and clear `force_forwarding` everywhere
       *[v6] writing `net.ipv6.conf.all.forwarding` (changed or not; it was { $from }, { $where ->
            [same] set by line { $line }
            [other] set by line { $line } of `{ $file }`
           *[default] the kernel default at boot
        }) makes the kernel set `forwarding` on `default` and every interface to { $value }
    }, so { $list }{ $more ->
        [0] {""}
       *[other] , and { $more } more
    }.
sl530-item = `{ $key } = { $value }` ({ $where ->
        [same] line { $line }
       *[other] line { $line } of `{ $file }`
    }) becomes { $to }
sl530-help = move `{ $key }` above the per-interface `{ $keys }` keys (or into a file that sorts earlier), so the values written after it stay
sl530-label = set to { $value } here; reset to { $to } when `{ $key }` is written later

## SL531 ineffective-conf-value
# $target: `default` (interfaces that take the `default` value) or `dev` ($dev);
# $glob: `yes` when a glob ($glob_key) sets the `conf.all` key; $all its value;
# $where/$line/$file where it is set; $redirects: `yes` for accept_redirects;
# $name the key's last part, $all_key `net.ipv4.conf.all.$name`; $list (the
# `still-on` messages) the interfaces that keep an OR key on.

sl531-headline = `{ $key } = { $value }` does nothing: `conf.all` is { $all }
sl531-note-max = `{ $key } = { $value }` has no effect: the kernel uses the higher of `conf.all` and the interface value, and { $glob ->
        [yes] `{ $glob_key }` sets `{ $all_key }` to { $all }
       *[no] `{ $all_key }` is { $all }
    } ({ $where ->
        [same] line { $line }
       *[other] line { $line } of `{ $file }`
    }), so { $target ->
        [default] interfaces that take the `default` value get
       *[dev] `{ $dev }` gets
    } { $all }.
sl531-help-max = delete this line, or lower `{ $all_key }` too (and raise the interfaces that need more) if { $target ->
        [default] interfaces that take the `default` value
       *[dev] `{ $dev }`
    } really should use { $value }
sl531-note-and = `{ $key } = { $value }` has no effect: { $name } is on for an interface only when both `conf.all` and the interface value are on{ $redirects ->
        [yes] {" "}(the interface forwards)
       *[no] {""}
    }, and { $glob ->
        [yes] `{ $glob_key }` sets `{ $all_key }` to { $all }
       *[no] `{ $all_key }` is { $all }
    } ({ $where ->
        [same] line { $line }
       *[other] line { $line } of `{ $file }`
    }), so it stays off.
sl531-help-and = delete this line, or set `{ $all_key }` to 1 as well if { $target ->
        [default] interfaces that take the `default` value
       *[dev] `{ $dev }`
    } really should have it
sl531-note-or = `{ $key } = 0` has no effect: { $name } is on for an interface when either `conf.all` or the interface value is on{ $redirects ->
        [yes] {" "}(the interface does not forward)
       *[no] {""}
    }, and { $glob ->
        [yes] `{ $glob_key }` sets `{ $all_key }` to { $all }
       *[no] `{ $all_key }` is { $all }
    } ({ $where ->
        [same] line { $line }
       *[other] line { $line } of `{ $file }`
    }), so it stays on.
sl531-help-or = set `{ $all_key } = 0` as well to turn it off
sl531-label = `{ $all_key }` is { $all } here
sl531-headline-still-on = `all.{ $name } = 0` leaves it on for { $list }
sl531-still-on-default = interfaces that take the `default` value
sl531-still-on-dev = `{ $dev }`
sl531-note-still-on = `{ $all_key } = 0` does not turn { $name } off on { $list }: it is on for an interface when either `conf.all` or the interface value is on{ $redirects ->
        [yes] {" "}(the interface does not forward)
       *[no] {""}
    }, and the configuration sets the interface value to 1.
sl531-help-still-on = if those interfaces should not have { $name } either, set their `{ $name }` to 0 too; if the exception is meant, nothing to do
sl531-label-still-on = { $name } stays on here

## SL801 live-drift, SL802 key-missing-on-running-kernel, SL803 ephemeral-ports-exhaustion
# (built by `sysctl-lint audit`, src/audit/host.rs, causes.rs; src/sockets.rs)

# $glob: `yes` when the glob $glob_key sets $key; $live the live value, $set
# the configured one; $cause an `audit-cause`.
sl801-headline = `{ $key }` is `{ $live }` now, not the configured `{ $set }`
sl801-note = { $glob ->
        [yes] `{ $key }` (set by the glob `{ $glob_key }`)
       *[no] `{ $key }`
    } is `{ $live }` on the running system, not the configured `{ $set }`: { $cause }.
# $list: the other causes (`audit-cause` each, joined by sl801-cause-separator);
# $action: an `sl801-action-...`.
sl801-help-others = other causes: { $list }; { $action }
sl801-cause-separator = {"; "}
sl801-action-rejected = fix the value so the kernel accepts it, then apply it (`sysctl --system`)
sl801-action-never-applied = apply the configuration where this system starts (`sysctl --system` in its entry point or init script)
sl801-action-find = find what writes it (the journal, `grep -r { $name } /etc /usr/lib`) and make the configuration and the running system agree
audit-live-value = live value: { $value }

# A cause of a drift, with how likely the evidence makes it.
audit-cause = { $likelihood ->
        [likely] likely
        [unlikely] less likely
       *[possible] possibly
    }: { $text }
audit-cause-rejected = the kernel rejects the written value, so the line never applied (`sysctl-lint check` says why)
audit-cause-never-applied-pid1 = the configuration was never applied: PID 1 is `{ $pid1 }`, not systemd, so no systemd-sysctl ran at boot (a container, a chroot, or an init without systemd)
audit-cause-never-applied-count = the configuration was never applied: { $differing } of the { $compared } configured keys differ (no systemd-sysctl at boot: a container, a chroot, an init without systemd, or a failed systemd-sysctl.service)
audit-cause-never-applied = the configuration was never applied (no systemd-sysctl at boot: a container, a chroot, an init without systemd)
audit-cause-glob = it is set only by the glob `{ $glob }`, which the loader expands once at boot: if the key did not exist yet then, the glob matched nothing for it
# $default: `same` (the live default $live equals the interface's value),
# `other` (it is $live), `unknown` (not read).
audit-cause-interface = interface `{ $iface }` was probably created after systemd-sysctl ran: a new interface starts from `{ $default_key }`{ $default ->
        [same] {" "}(live { $live }, the same as this interface's value)
        [other] {" "}(live { $live })
       *[unknown] {""}
    }, not from this line
audit-cause-module = the key belongs to module `{ $module }`: if it was loaded after systemd-sysctl ran, the key did not exist at boot and the line failed
audit-cause-runtime-forwarding = it was changed at runtime: docker, kubelet, libvirt and NetworkManager's shared connections set forwarding and bridge keys when they start
audit-cause-runtime = it was changed at runtime after boot: by a service (NetworkManager, docker, kubelet, tuned) or a later `sysctl -w`

# The help of a finding on a live value that no file sets.
audit-how-to-set = no file sets `{ $key }`: to change it, add `{ $key } = { $value }` to a drop-in such as /etc/sysctl.d/90-local.conf
audit-how-to-set-any = no file sets `{ $key }`: to change it, add `{ $key } = VALUE` to a drop-in such as /etc/sysctl.d/90-local.conf
# SL511 on the live range: its own help ($own), then audit-how-to-set ($how).
audit-help-narrow = { $own }; or narrow the range: { $how }

# $ignored: `yes` when the line has the `-` prefix; $path the key's path under
# /proc/sys; $cause an `audit-missing-...`.
sl802-headline = `{ $key }` is missing: the write fails
sl802-note = `{ $key }` does not exist on the running kernel ({ $kernel }): `sysctl -p` reports `cannot stat /proc/sys/{ $path }`, and the setting is lost.{ $ignored ->
        [yes] {" "}The `-` prefix makes the loader ignore this.
       *[no] {""}
    }
sl802-help = likely cause: { $cause }
audit-missing-no-interface = there is no interface `{ $iface }` on this host (yet): the loader cannot set its keys before it exists; set `{ $default_key }` or apply the key when the interface appears (udev, systemd-networkd)
audit-missing-unknown-closest = it is not a known key; did you mean `{ $closest }`?
audit-missing-unknown = it is not a known key (a typo, or a vendor patch this kernel lacks)
audit-missing-removed = the key was removed
audit-missing-removed-in = the key was removed in Linux { $release }
audit-missing-too-new = the key needs Linux { $release } or later
audit-missing-module = the key belongs to module `{ $module }`, which is not loaded (load it before systemd-sysctl runs, e.g. in /etc/modules-load.d/)
audit-missing-vendor = the key comes from a vendor kernel patch this kernel does not have
audit-missing-net = the kernel was built without the feature, or this is a network namespace (container) that does not have the key
audit-missing-feature = the kernel was built without the feature

# $remote the busiest destination, $local the local address, $used of $usable
# ephemeral ports ($percent), $time_wait of them in TIME_WAIT.
sl803-headline = ports to { $remote } are { $percent }% used: connect() may fail
sl803-note = Connections to { $remote } from { $local } hold { $used } of the { $usable } usable ephemeral ports ({ $percent }%, { $time_wait } in TIME_WAIT): new connections to it fail with EADDRNOTAVAIL when the range runs out.
# The help: the advice below, joined by sl803-help-separator (also the last
# items of the socket summary's advice).
sl803-help-separator = {" "}
sl803-advice-tw-reuse-no-timestamps = tcp_tw_reuse cannot help while net.ipv4.tcp_timestamps = 0: reuse of a TIME_WAIT port needs timestamps on both ends; enable timestamps first.
# $loopback: `yes` when tcp_tw_reuse is 2 (loopback only).
sl803-advice-tw-reuse = net.ipv4.tcp_tw_reuse = 1 lets connect() reuse ports still in TIME_WAIT (it only helps outgoing connections, and needs timestamps on both ends){ $loopback ->
        [yes] ; the current value 2 applies to loopback only
       *[no] {""}
    }.
sl803-advice-tw-recycle = net.ipv4.tcp_tw_recycle is not an option: it was removed in Linux 4.12 (it broke clients behind NAT).
sl803-advice-widen = widen net.ipv4.ip_local_port_range (the kernel default 32768 60999 is about 28000 ports), spread connections over more destination addresses or ports (each destination address:port has its own range), and reuse connections (keep-alive, connection pools) instead of opening one per request.

## SL511 port-range-overlaps-services
# $kind: `listening` (ports the host listens on or declares) or `server` (the
# built-in list); $list the ports (`6379, 11211, +14`) or an `sl511-count`.
sl511-headline = connect() may take { $kind ->
        [listening] listening
       *[server] server
    } ports { $list }
sl511-count = { $count } ports
# $named: the first ports (`sl511-named` each, `sl511-more` for the rest).
sl511-named = { $ports } ({ $name })
sl511-more = and { $count } more
# $source: `live` (listening now), `declared` (`listening-ports`) or `both`.
sl511-note-evidence = The ephemeral port range { $range } covers { $count } { $count ->
        [one] port
       *[other] ports
    } this host { $source ->
        [both] listens on now or declares in `listening-ports`
        [declared] declares in `listening-ports` (.sysctl-lint.toml)
       *[live] listens on now (/proc/net/tcp)
    }: { $named }. An outgoing connection (or a bind() to port 0) can take such a port while its service is stopped, and the service then fails to start with EADDRINUSE.
sl511-note-builtin = The ephemeral port range { $range } reaches outside the default { $default } over the ports that { $count } common { $count ->
        [one] server package
       *[other] server packages
    } listen on by default: { $named }. If one of these services runs on this host, an outgoing connection can take its port first, and the service then fails to start with EADDRINUSE. Which services this host runs is not known here.
sl511-label-spared = ip_local_reserved_ports already excludes { $spared } of these services
sl511-label-none = ip_local_reserved_ports in force (it excludes none of these)
sl511-help-reserve = reserve them (reserving only stops automatic assignment; the services still bind them): `net.ipv4.ip_local_reserved_ports = { $value }`
sl511-help-declare = declare the ports this host listens on in .sysctl-lint.toml, e.g. `listening-ports = [{ $example }]` (`sysctl-lint audit` reads them from the live sockets), then reserve those in `net.ipv4.ip_local_reserved_ports`
