//! The fixtures of the rules SL400 to SL899 in Simplified Chinese (`--lang zh-CN`):
//! golden snapshots of the human (100 columns) and short reports, through the
//! command line, so every headline, note, help and label of these rules is read
//! in Chinese in review; and one JSON report with `message_localized`.

mod common;
use common::{check_fixture_zh, fixtures_of};

fn run(name: &str, format: &str) -> String {
    check_fixture_zh(name, format, &[])
}

#[test]
fn snapshots_zh() {
    let names = fixtures_of('4'..='8');
    assert!(names.len() >= 20, "{names:?}");
    for name in names {
        insta::assert_snapshot!(format!("zh_human@{name}"), run(&name, "human"));
        insta::assert_snapshot!(format!("zh_short@{name}"), run(&name, "short"));
    }
}

#[test]
fn json_keeps_english_and_adds_the_localized_message() {
    let json = run("SL505_low_tw_buckets.conf", "json");
    assert!(json.contains("\"message_localized\""), "{json}");
    insta::assert_snapshot!("zh_json@SL505_low_tw_buckets.conf", json);
}
