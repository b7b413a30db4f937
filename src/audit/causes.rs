//! Why a live value differs from the configuration, or why a key is missing:
//! the likely causes, from the evidence the audit can see.

use super::*;
use crate::diagnostic::Text;
use crate::msg;

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
    /// The id of its message (`audit-cause-...`).
    pub(crate) id: &'static str,
    pub(crate) text: Text,
}

impl Cause {
    fn new(likelihood: Likelihood, id: &'static str, text: Text) -> Cause {
        Cause {
            likelihood,
            id,
            text,
        }
    }

    /// Whether the cause is that the configuration was never applied.
    pub(crate) fn never_applied(&self) -> bool {
        self.id.starts_with("audit-cause-never-applied")
    }

    /// `likely: TEXT`, `possibly: TEXT`, `less likely: TEXT`.
    pub(crate) fn headline(&self) -> Text {
        let word = match self.likelihood {
            Likelihood::Likely => "likely",
            Likelihood::Possible => "possible",
            Likelihood::Unlikely => "unlikely",
        };
        crate::rules::headline::compose(
            "audit-cause",
            &[("text", &self.text)],
            &[("likelihood", word.into())],
        )
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
        causes.push(Cause::new(
            Likely,
            "audit-cause-rejected",
            msg!("audit-cause-rejected"),
        ));
    }
    let never_applied = match (host.no_systemd(), host.all_differ()) {
        (true, _) => Some((
            Likely,
            "audit-cause-never-applied-pid1",
            msg!(
                "audit-cause-never-applied-pid1",
                pid1 = host.pid1.unwrap_or_default()
            ),
        )),
        (false, true) => Some((
            Likely,
            "audit-cause-never-applied-count",
            msg!(
                "audit-cause-never-applied-count",
                differing = host.differing,
                compared = host.compared
            ),
        )),
        (false, false) if host.pid1.is_none() => Some((
            Possible,
            "audit-cause-never-applied",
            msg!("audit-cause-never-applied"),
        )),
        (false, false) => None,
    };
    if let Some(g) = glob {
        causes.push(Cause::new(
            Possible,
            "audit-cause-glob",
            msg!("audit-cause-glob", glob = g),
        ));
    }
    if let Some((iface, default_key)) = iface_of(key) {
        let default_live = live.get(&default_key).map(display_value);
        let same = default_live.as_deref() == Some(display_value(live_value).as_str());
        // A new interface copies the default: a value equal to it is the sign.
        let likelihood = if same { Likely } else { Possible };
        let default = match (&default_live, same) {
            (Some(_), true) => "same",
            (Some(_), false) => "other",
            (None, _) => "unknown",
        };
        causes.push(Cause::new(
            likelihood,
            "audit-cause-interface",
            msg!(
                "audit-cause-interface",
                iface = &iface.replace('.', "/"),
                default_key = &default_key,
                default = default,
                live = default_live.as_deref().unwrap_or_default()
            ),
        ));
    }
    if let Some(m) = info.map(|i| i.module).filter(|m| !m.is_empty()) {
        causes.push(Cause::new(
            Possible,
            "audit-cause-module",
            msg!("audit-cause-module", module = m),
        ));
    }
    let dotted = key.dotted();
    let runtime = if dotted == "net.ipv4.ip_forward"
        || dotted.ends_with(".forwarding")
        || dotted.starts_with("net.bridge.")
    {
        "audit-cause-runtime-forwarding"
    } else {
        "audit-cause-runtime"
    };
    // A lone drift on a host where systemd ran is most often a runtime change;
    // when the whole configuration is off, a runtime change is the less likely.
    let runtime_likelihood = match &never_applied {
        Some((Likely, _, _)) => Unlikely,
        _ if host.compared > 0 && !host.all_differ() && host.pid1.is_some() => Likely,
        _ => Possible,
    };
    causes.push(Cause::new(runtime_likelihood, runtime, msg!(runtime)));
    if let Some((l, id, text)) = never_applied {
        causes.push(Cause::new(l, id, text));
    }
    causes.sort_by_key(|c| c.likelihood);
    causes
}

/// Why a configured key may be missing on the running kernel.
pub(crate) fn missing_cause(key: &Key, kernel: &KernelVersion, live: &Snapshot) -> Text {
    let info = catalog::lookup(key);
    if let Some((iface, _)) = iface_of(key) {
        let parent: Vec<&str> = key.components().take(3).collect();
        let prefix = format!("{}.", parent.join("."));
        if !live
            .values
            .keys()
            .any(|k| k.starts_with(&format!("{prefix}{}.", iface.replace('.', "/"))))
        {
            return msg!(
                "audit-missing-no-interface",
                iface = &iface.replace('.', "/"),
                default_key = &format!("{prefix}default.{}", key.last().unwrap_or_default())
            );
        }
    }
    match info {
        None => match catalog::closest(key) {
            Some(c) => msg!("audit-missing-unknown-closest", closest = &c),
            None => msg!("audit-missing-unknown"),
        },
        Some(i) if i.removed_in(kernel) || matches!(i.status, Status::Removed | Status::Moved) => {
            match i.removed {
                Some(r) => msg!("audit-missing-removed-in", release = &catalog::series(r)),
                None => msg!("audit-missing-removed"),
            }
        }
        Some(i) if i.too_new_for(kernel) => msg!(
            "audit-missing-too-new",
            release = &i.since.map_or("?".to_owned(), catalog::series)
        ),
        Some(i) if !i.module.is_empty() => msg!("audit-missing-module", module = i.module),
        Some(i) if i.status == Status::Vendor => msg!("audit-missing-vendor"),
        Some(_) if key.components().next() == Some("net") => msg!("audit-missing-net"),
        Some(_) => msg!("audit-missing-feature"),
    }
}
