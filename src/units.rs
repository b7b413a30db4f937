//! Sizes: parsing `--memory 16G` and printing byte counts the way people read them.

/// The page size the kernel's page-counted keys use (4 KiB on x86-64 and most arm64).
pub const PAGE_SIZE: u64 = 4096;

/// Parse a size: plain bytes (`17179869184`) or a number with a binary suffix
/// (`16G`, `16GiB`, `512M`, `2T`; K, M, G, T all mean powers of 1024).
pub fn parse_size(text: &str) -> Result<u64, String> {
    let t = text.trim();
    let split = t
        .find(|c: char| !c.is_ascii_digit() && c != '.')
        .unwrap_or(t.len());
    let (num, unit) = t.split_at(split);
    let n: f64 = num.parse().map_err(|_| {
        format!("`{text}` is not a size (expected e.g. `16G`, `512MiB`, `17179869184`)")
    })?;
    let shift = match unit.trim().to_ascii_lowercase().as_str() {
        "" | "b" => 0,
        "k" | "kb" | "kib" => 10,
        "m" | "mb" | "mib" => 20,
        "g" | "gb" | "gib" => 30,
        "t" | "tb" | "tib" => 40,
        _ => {
            return Err(format!(
                "`{text}`: unknown unit `{unit}` (use K, M, G or T)"
            ))
        }
    };
    let bytes = n * (1u64 << shift) as f64;
    if !bytes.is_finite() || bytes < 1.0 || bytes > u64::MAX as f64 {
        return Err(format!("`{text}` is not a plausible memory size"));
    }
    Ok(bytes as u64)
}

/// Parse `--memory`: a size with a unit (`16G`, `512M`, `64GiB`, `1T`, or bytes
/// written `17179869184B`). A bare number is refused with a did-you-mean (`16`
/// is 16 bytes to [`parse_size`], never what anyone means), and so is less
/// than 16 MiB, which no host running Linux has.
pub fn parse_memory(text: &str) -> Result<u64, String> {
    let t = text.trim();
    if !t.is_empty() && t.chars().all(|c| c.is_ascii_digit() || c == '.') {
        let guess = match t.parse::<f64>() {
            Ok(n) if n >= (1u64 << 30) as f64 => {
                format!(
                    "`{}`",
                    format_bytes(n as u128).replace(' ', "").replace("iB", "")
                )
            }
            _ => format!("`{t}G` or `{t}M`"),
        };
        return Err(format!(
            "`{text}` has no unit: did you mean {guess}? (K, M, G, T are powers of 1024; `B` for bytes)"
        ));
    }
    let bytes = parse_size(t)?;
    if bytes < 16 << 20 {
        return Err(format!(
            "`{text}` is {}, less than any host running Linux has (use e.g. `16G`)",
            format_bytes(u128::from(bytes))
        ));
    }
    Ok(bytes)
}

/// `16777216` -> `16 MiB`, `386547056640` -> `360 GiB`, `1536` -> `1.5 KiB`.
pub fn format_bytes(bytes: u128) -> String {
    const UNITS: [&str; 6] = ["bytes", "KiB", "MiB", "GiB", "TiB", "PiB"];
    let mut value = bytes as f64;
    let mut unit = 0;
    while value >= 1024.0 && unit < UNITS.len() - 1 {
        value /= 1024.0;
        unit += 1;
    }
    if unit == 0 {
        format!("{bytes} bytes")
    } else if (value - value.round()).abs() < 0.05 {
        format!("{:.0} {}", value, UNITS[unit])
    } else {
        format!("{:.1} {}", value, UNITS[unit])
    }
}

/// Bytes covered by a number of pages.
pub fn pages_to_bytes(pages: i128) -> u128 {
    pages.max(0) as u128 * u128::from(PAGE_SIZE)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn memory_needs_a_unit() {
        assert_eq!(parse_memory("16G"), Ok(16 << 30));
        assert_eq!(parse_memory("512MiB"), Ok(512 << 20));
        assert_eq!(parse_memory("17179869184B"), Ok(16 << 30));
        let e = parse_memory("16").unwrap_err();
        assert!(e.contains("did you mean `16G` or `16M`?"), "{e}");
        let e = parse_memory("17179869184").unwrap_err();
        assert!(e.contains("did you mean `16G`?"), "{e}");
        assert!(parse_memory("1K")
            .unwrap_err()
            .contains("less than any host"));
    }

    #[test]
    fn sizes() {
        assert_eq!(parse_size("16G"), Ok(16 << 30));
        assert_eq!(parse_size("512MiB"), Ok(512 << 20));
        assert_eq!(parse_size("1.5g"), Ok(3 << 29));
        assert_eq!(parse_size("4096"), Ok(4096));
        assert!(parse_size("lots").is_err());
        assert!(parse_size("16X").is_err());
    }

    #[test]
    fn formatting() {
        assert_eq!(format_bytes(16_777_216), "16 MiB");
        assert_eq!(format_bytes(pages_to_bytes(94_500_000)), "360.5 GiB");
        assert_eq!(format_bytes(1536), "1.5 KiB");
        assert_eq!(format_bytes(100), "100 bytes");
    }
}
