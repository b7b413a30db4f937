//! Kernel versions: lenient parsing of what users write (`4.9`, `5.15.0-91-generic`,
//! `6.18.44-fc-v657`) into a comparable [`semver::Version`].

use std::fmt;

/// The default target: the newest long-term kernel series at the time of writing.
pub const DEFAULT_KERNEL: &str = "6.18";

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct KernelVersion(pub semver::Version);

impl KernelVersion {
    /// Parse `MAJOR[.MINOR[.PATCH]]` followed by anything (`-91-generic`, `+`, `rc1`).
    pub fn parse_lenient(text: &str) -> Result<KernelVersion, String> {
        let t = text.trim();
        let t = t.strip_prefix('v').unwrap_or(t);
        let mut nums = [0u64; 3];
        let mut count = 0;
        for (i, part) in t.split('.').take(3).enumerate() {
            let digits: String = part.chars().take_while(char::is_ascii_digit).collect();
            if digits.is_empty() {
                break;
            }
            nums[i] = digits
                .parse()
                .map_err(|_| format!("`{text}` is not a kernel version"))?;
            count += 1;
            if digits.len() != part.len() {
                break;
            }
        }
        if count == 0 {
            return Err(format!(
                "`{text}` is not a kernel version (expected e.g. `6.1`, `5.15.0-91-generic`)"
            ));
        }
        Ok(KernelVersion(semver::Version::new(
            nums[0], nums[1], nums[2],
        )))
    }

    /// The running kernel (`uname -r`, read from `/proc/sys/kernel/osrelease`).
    pub fn running() -> Result<KernelVersion, String> {
        let release =
            crate::fsroot::read_regular(std::path::Path::new("/proc/sys/kernel/osrelease"))
                .map_err(|e| format!("cannot read /proc/sys/kernel/osrelease: {e}"))?;
        let release = String::from_utf8_lossy(&release);
        KernelVersion::parse_lenient(release.trim())
    }

    /// Compare only major.minor (the catalogue records series, not patch levels).
    pub fn series(&self) -> (u64, u64) {
        (self.0.major, self.0.minor)
    }

    pub fn is_at_least(&self, other: &KernelVersion) -> bool {
        self.series() >= other.series()
    }
}

impl Default for KernelVersion {
    fn default() -> Self {
        KernelVersion::parse_lenient(DEFAULT_KERNEL).expect("DEFAULT_KERNEL parses")
    }
}

impl fmt::Display for KernelVersion {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.0.patch == 0 {
            write!(f, "{}.{}", self.0.major, self.0.minor)
        } else {
            write!(f, "{}", self.0)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lenient() {
        let v = |s| KernelVersion::parse_lenient(s).unwrap().to_string();
        assert_eq!(v("4.9"), "4.9");
        assert_eq!(v("5.15.0-91-generic"), "5.15");
        assert_eq!(v("6.18.44-fc-v657"), "6.18.44");
        assert_eq!(v("6"), "6.0");
        assert_eq!(v("v6.1-rc3"), "6.1");
        assert!(KernelVersion::parse_lenient("latest").is_err());
    }
}
