//! Helpers shared by the integration tests.

use std::process::Command;

/// Whether `tool` runs. Without it a test skips, which is fine on a
/// developer's machine; in CI (`CI` set) a skip would hide a failure, so
/// there a missing tool fails the test.
pub fn have(tool: &str) -> bool {
    let found = Command::new(tool).arg("--version").output().is_ok_and(|o| o.status.success());
    assert!(found || std::env::var_os("CI").is_none(), "{tool} is required when CI is set");
    if !found {
        eprintln!("SKIPPED: {tool} is not installed");
    }
    found
}
