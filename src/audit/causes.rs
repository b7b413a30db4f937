//! Why a live value differs from the configuration, or why a key is missing:
//! the likely causes, from the evidence the audit can see.

use super::*;

/// How likely a cause is, from the evidence.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Likelihood {
    /// The evidence points at it.
    Likely,
    /// It fits, and nothing seen speaks for or against it.
    Possible,
    /// It fits, but the evidence speaks against it.
    Unlikely,
}

/// One possible cause of a drift.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Cause {
    pub(crate) likelihood: Likelihood,
    pub(crate) text: String,
}

impl Cause {
    fn new(likelihood: Likelihood, text: impl Into<String>) -> Cause {
        Cause {
            likelihood,
            text: text.into(),
        }
    }

    /// `likely: TEXT`, `possibly: TEXT`, `less likely: TEXT`.
    pub(crate) fn headline(&self) -> String {
        let word = match self.likelihood {
            Likelihood::Likely => "likely",
            Likelihood::Possible => "possibly",
            Likelihood::Unlikely => "less likely",
        };
        format!("{word}: {}", self.text)
    }
}

/// What the audit saw of the host as a whole.
#[derive(Debug, Clone, Copy)]
pub(crate) struct HostEvidence<'a> {
    /// PID 1's command name, for a live proc tree.
    pub(crate) pid1: Option<&'a str>,
    /// Configured keys present on the host, and how many of them differ.
    pub(crate) compared: usize,
    pub(crate) differing: usize,
}

impl HostEvidence<'_> {
    /// Whether no systemd-sysctl ran: PID 1 is known and is not systemd.
    fn no_systemd(&self) -> bool {
        self.pid1.is_some_and(|p| p != "systemd" && p != "init")
    }

    /// Whether (nearly) every configured key differs: the configuration as a
    /// whole is not in effect.
    fn all_differ(&self) -> bool {
        self.compared >= 3 && self.differing * 10 >= self.compared * 9
    }
}

/// The possible causes of a drift, most likely first (ties keep the order in
/// which they are listed here: the most specific first).
pub(crate) fn drift_causes(
    key: &Key,
    info: Option<&KeyInfo>,
    glob: Option<&str>,
    rejected: bool,
    live: &Snapshot,
    live_value: &str,
    host: &HostEvidence,
) -> Vec<Cause> {
    use Likelihood::*;
    let mut causes = Vec::new();
    if rejected {
        causes.push(Cause::new(Likely, "the kernel rejects the written value, so the line never applied (`sysctl-lint check` says why)"));
    }
    let never_applied = match (host.no_systemd(), host.all_differ()) {
        (true, _) => Some((
            Likely,
            format!(
                "the configuration was never applied: PID 1 is `{}`, not systemd, so no systemd-sysctl ran at boot (a container, a chroot, or an init without systemd)",
                host.pid1.unwrap_or_default()
            ),
        )),
        (false, true) => Some((
            Likely,
            format!(
                "the configuration was never applied: {} of the {} configured keys differ (no systemd-sysctl at boot: a container, a chroot, an init without systemd, or a failed systemd-sysctl.service)",
                host.differing, host.compared
            ),
        )),
        (false, false) if host.pid1.is_none() => Some((
            Possible,
            "the configuration was never applied (no systemd-sysctl at boot: a container, a chroot, an init without systemd)".to_owned(),
        )),
        (false, false) => None,
    };
    if let Some(g) = glob {
        causes.push(Cause::new(Possible, format!(
            "it is set only by the glob `{g}`, which the loader expands once at boot: if the key did not exist yet then, the glob matched nothing for it"
        )));
    }
    if let Some((iface, default_key)) = iface_of(key) {
        let default_live = live.get(&default_key).map(display_value);
        let same = default_live.as_deref() == Some(display_value(live_value).as_str());
        // A new interface copies the default: a value equal to it is the sign.
        let likelihood = if same { Likely } else { Possible };
        causes.push(Cause::new(likelihood, format!(
            "interface `{}` was probably created after systemd-sysctl ran: a new interface starts from `{default_key}`{}, not from this line",
            iface.replace('.', "/"),
            match (&default_live, same) {
                (Some(d), true) => format!(" (live {d}, the same as this interface's value)"),
                (Some(d), false) => format!(" (live {d})"),
                (None, _) => String::new(),
            }
        )));
    }
    if let Some(m) = info.map(|i| i.module).filter(|m| !m.is_empty()) {
        causes.push(Cause::new(Possible, format!(
            "the key belongs to module `{m}`: if it was loaded after systemd-sysctl ran, the key did not exist at boot and the line failed"
        )));
    }
    let dotted = key.dotted();
    let runtime = if dotted == "net.ipv4.ip_forward"
        || dotted.ends_with(".forwarding")
        || dotted.starts_with("net.bridge.")
    {
        "it was changed at runtime: docker, kubelet, libvirt and NetworkManager's shared connections set forwarding and bridge keys when they start"
    } else {
        "it was changed at runtime after boot: by a service (NetworkManager, docker, kubelet, tuned) or a later `sysctl -w`"
    };
    // A lone drift on a host where systemd ran is most often a runtime change;
    // when the whole configuration is off, a runtime change is the less likely.
    let runtime_likelihood = match &never_applied {
        Some((Likely, _)) => Unlikely,
        _ if host.compared > 0 && !host.all_differ() && host.pid1.is_some() => Likely,
        _ => Possible,
    };
    causes.push(Cause::new(runtime_likelihood, runtime));
    if let Some((l, text)) = never_applied {
        causes.push(Cause::new(l, text));
    }
    causes.sort_by_key(|c| c.likelihood);
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
