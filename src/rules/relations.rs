//! The writes of the keys that `rules/relations.tsv` relates, grouped per
//! relation and per instance (`net.ipv6.conf.eth0.*` and `net.ipv6.conf.all.*`
//! are separate instances of an interface relation), in application order.
//! SL308, SL407 and SL310 read them.

use rustc_hash::FxHashMap;

use crate::i18n::Lang;
use crate::knowledge::{self, Kind, Relation};
use crate::lint::{Context, Setting};

/// One write of `a` or `b`.
#[derive(Clone, Copy)]
pub(super) struct Write<'a> {
    pub file: usize,
    pub setting: &'a Setting,
    pub value: i128,
    pub is_a: bool,
}

/// The writes of one relation for one instance.
pub(super) struct Group<'a> {
    pub rel: &'static Relation,
    pub writes: Vec<Write<'a>>,
}

impl Group<'_> {
    /// The value `a` (or `b`) has at the end: its last write, else the kernel
    /// default from the catalogue (`None`: neither).
    pub fn last(&self, a: bool) -> (Option<i128>, Option<&Write<'_>>) {
        match self.writes.iter().rev().find(|w| w.is_a == a) {
            Some(w) => (Some(w.value), Some(w)),
            None => (default_of(if a { self.rel.a } else { self.rel.b }), None),
        }
    }
}

/// The catalogue default of a key, if it is a number.
pub(super) fn default_of(key: &str) -> Option<i128> {
    knowledge::entry(key).and_then(|i| i.default.trim().parse().ok())
}

/// The name a message uses for a relation's key: its last component.
pub(super) fn short(key: &str) -> &str {
    key.rsplit('.').next().unwrap_or(key)
}

/// The Fluent id of a relation's effect: `relation-<a>-effect`, the key's dots as
/// `-` and `<dev>` as `dev` (`relation-vm-overcommit_ratio-effect`).
fn effect_id(rel: &Relation) -> String {
    format!(
        "relation-{}-effect",
        rel.a.replace("<dev>", "dev").replace('.', "-")
    )
}

/// A relation's effect in `lang`: the table's own words in English, the Fluent
/// message in another language.
pub(super) fn effect(lang: Lang, rel: &Relation) -> String {
    if lang == Lang::En {
        rel.effect.to_owned()
    } else {
        crate::i18n::tr_in(lang, &effect_id(rel), &[])
    }
}

/// The groups of the relations of one kind that hold on the target kernel.
pub(super) fn groups<'a>(cx: &Context<'a>, kind: Kind) -> Vec<Group<'a>> {
    let target = &cx.options.kernel;
    let rels: Vec<&'static Relation> = knowledge::relations()
        .iter()
        .filter(|r| r.kind == kind && r.window.holds_on(target))
        .collect();
    if rels.is_empty() {
        return Vec::new();
    }
    // The catalogue entries the relations name: nearly every setting is
    // rejected with one lookup.
    let mut by_entry: FxHashMap<&'static str, Vec<(usize, bool)>> = FxHashMap::default();
    for (i, r) in rels.iter().enumerate() {
        for (key, is_a) in [(r.a, true), (r.b, false)] {
            if let Some(info) = knowledge::entry(key) {
                by_entry.entry(info.path).or_default().push((i, is_a));
            }
        }
    }
    let mut index: FxHashMap<(usize, String), usize> = FxHashMap::default();
    let mut out: Vec<Group<'a>> = Vec::new();
    for (file, s) in cx.settings() {
        let Some(info) = s.info() else { continue };
        let Some(sides) = by_entry.get(info.path) else {
            continue;
        };
        let Some(key) = s.key.as_ref().filter(|k| !k.glob) else {
            continue;
        };
        let Some(&value) = s.numbers().as_ref().and_then(|n| n.first()) else {
            continue;
        };
        for &(i, is_a) in sides {
            let rel = rels[i];
            let pattern = if is_a { &rel.a_path } else { &rel.b_path };
            if !knowledge::matches(pattern, info, key) {
                continue;
            }
            // The instance: the written components in the placeholders' places.
            let instance: String = pattern
                .split('/')
                .zip(key.components())
                .filter(|(p, _)| *p == "<*>")
                .map(|(_, w)| w)
                .collect::<Vec<_>>()
                .join("/");
            let g = *index.entry((i, instance)).or_insert_with(|| {
                out.push(Group {
                    rel,
                    writes: Vec::new(),
                });
                out.len() - 1
            });
            out[g].writes.push(Write {
                file,
                setting: s,
                value,
                is_a,
            });
        }
    }
    out
}

#[cfg(test)]
mod effect_ids {
    use crate::i18n::{tr_in, Lang};

    /// Every relation with an effect (SL308, SL310) has it in the Fluent files,
    /// the English the same as rules/relations.tsv's.
    #[test]
    fn every_effect_has_a_message() {
        for r in crate::knowledge::relations()
            .iter()
            .filter(|r| !r.effect.is_empty())
        {
            let id = super::effect_id(r);
            assert_eq!(tr_in(Lang::En, &id, &[]), r.effect, "{id}");
            let zh = tr_in(Lang::ZhCn, &id, &[]);
            assert!(zh != r.effect && zh != id, "{id} has no Chinese");
        }
    }
}
