# Why a file could not be read or written (src/fsroot.rs): the reason of SL100
# and of the command line's file errors. The English text is also the stable
# `message` of the machine formats: it must not change.

fs-not-found = no such file or directory
fs-permission-denied = permission denied
# $target: where the link points (escaped).
fs-dangling = dangling symbolic link (-> { $target })
fs-loop = symbolic link loop (too many levels of symbolic links)
fs-not-a-directory = not a directory
fs-is-a-directory = is a directory
# $kind: what the path is instead.
fs-not-regular = not a regular file ({ $kind ->
        [file] a regular file
        [dir] a directory
        [fifo] a FIFO
        [socket] a socket
        [char-device] a character device
        [block-device] a block device
        [link] a symbolic link
       *[other] an unknown file type
    })
fs-too-large = larger than { $mib } MiB, too large for a sysctl configuration file
fs-too-many-entries = directory has more than { $count } entries
fs-changed = changed while being read or written
fs-no-conf-files = directory contains no *.conf files
# A text file (the configuration) that is not UTF-8.
fs-not-utf8 = stream did not contain valid UTF-8
fs-no-snapshot-files = directory contains no snapshot files
# audit --sockets: the reason of the SL100 on PROC/net/tcp.
fs-no-tcp-tables = neither net/tcp nor net/tcp6 is a readable regular file (missing, a FIFO, a device, or too large)

## SL100's help

# check: the run went on with the other files.
sl100-help-linted = fix or remove the path; the other inputs were still linted
# audit: the run went on with the other files and the live values.
sl100-help-read = fix or remove the path; the other inputs were still read
