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
