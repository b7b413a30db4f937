//! The catalogue's lookup form of a key, shared by the library and `build.rs`
//! (which includes this file as a module of its own).

/// The catalogue path of a key written with placeholders: components joined by
/// `/`, placeholders as `<*>` (`net.ipv4.neigh.<dev>.retrans_time` ->
/// `net/ipv4/neigh/<*>/retrans_time`).
pub fn catalogue_path(key: &str) -> String {
    key.split('.')
        .map(|c| {
            if c.starts_with('<') && c.ends_with('>') {
                "<*>"
            } else {
                c
            }
        })
        .collect::<Vec<_>>()
        .join("/")
}
