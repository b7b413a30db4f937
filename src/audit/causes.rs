//! Why a live value differs from the configuration, or why a key is missing:
//! the likely causes, from the evidence the audit can see.

use super::*;

/// Likely causes of a drift, most specific first.
pub(crate) fn drift_causes(
    key: &Key,
    info: Option<&KeyInfo>,
    glob: Option<&str>,
    rejected: bool,
    live: &Snapshot,
    live_value: &str,
) -> Vec<String> {
    let mut causes = Vec::new();
    if rejected {
        causes.push("the kernel rejects the written value, so the line never applied (`sysctl-lint check` says why)".to_owned());
    }
    if let Some(g) = glob {
        causes.push(format!(
            "it is set only by the glob `{g}`, which the loader expands once at boot: if the key did not exist yet then, the glob matched nothing for it"
        ));
    }
    if let Some((iface, default_key)) = iface_of(key) {
        let default_live = live.get(&default_key).map(display_value);
        let same = default_live.as_deref() == Some(display_value(live_value).as_str());
        causes.push(format!(
            "interface `{}` was probably created after systemd-sysctl ran: a new interface starts from `{default_key}`{}, not from this line",
            iface.replace('.', "/"),
            match (&default_live, same) {
                (Some(d), true) => format!(" (live {d}, the same as this interface's value)"),
                (Some(d), false) => format!(" (live {d})"),
                (None, _) => String::new(),
            }
        ));
    }
    if let Some(m) = info.map(|i| i.module).filter(|m| !m.is_empty()) {
        causes.push(format!(
            "the key belongs to module `{m}`: if it was loaded after systemd-sysctl ran, the key did not exist at boot and the line failed"
        ));
    }
    let dotted = key.dotted();
    if dotted == "net.ipv4.ip_forward"
        || dotted.ends_with(".forwarding")
        || dotted.starts_with("net.bridge.")
    {
        causes.push("it was changed at runtime: docker, kubelet, libvirt and NetworkManager's shared connections set forwarding and bridge keys when they start".to_owned());
    } else {
        causes.push("it was changed at runtime after boot: by a service (NetworkManager, docker, kubelet, tuned) or a later `sysctl -w`".to_owned());
    }
    causes
}

/// Why a configured key may be missing on the running kernel.
pub(crate) fn missing_cause(key: &Key, kernel: &KernelVersion, live: &Snapshot) -> String {
    let info = catalog::lookup(key);
    if let Some((iface, _)) = iface_of(key) {
        let parent: Vec<&str> = key.components().take(3).collect();
        let prefix = format!("{}.", parent.join("."));
        if !live
            .values
            .keys()
            .any(|k| k.starts_with(&format!("{prefix}{}.", iface.replace('.', "/"))))
        {
            return format!("there is no interface `{}` on this host (yet): the loader cannot set its keys before it exists; set `{}default.{}` or apply the key when the interface appears (udev, systemd-networkd)",
                iface.replace('.', "/"), prefix, key.last().unwrap_or_default());
        }
    }
    match info {
        None => match catalog::closest(key) {
            Some(c) => format!("it is not a known key; did you mean `{c}`?"),
            None => "it is not a known key (a typo, or a vendor patch this kernel lacks)".to_owned(),
        },
        Some(i) if i.removed_in(kernel) || matches!(i.status, Status::Removed | Status::Moved) => {
            format!(
                "the key was removed{}",
                i.removed
                    .map_or(String::new(), |r| format!(" in Linux {}", catalog::series(r)))
            )
        }
        Some(i) if i.too_new_for(kernel) => format!(
            "the key needs Linux {} or later",
            i.since.map_or("?".to_owned(), catalog::series)
        ),
        Some(i) if !i.module.is_empty() => format!(
            "the key belongs to module `{}`, which is not loaded (load it before systemd-sysctl runs, e.g. in /etc/modules-load.d/)",
            i.module
        ),
        Some(i) if i.status == Status::Vendor => {
            "the key comes from a vendor kernel patch this kernel does not have".to_owned()
        }
        Some(_) if key.components().next() == Some("net") => {
            "the kernel was built without the feature, or this is a network namespace (container) that does not have the key".to_owned()
        }
        Some(_) => "the kernel was built without the feature".to_owned(),
    }
}
