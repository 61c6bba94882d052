//! A small file system of the test's own (a tmpfs mounted on a temporary folder), to fill up or to
//! make read-only. Needs root (CAP_SYS_ADMIN): where mounting is not allowed, `TinyFs::new` says so
//! on stderr and returns `None`, and the test checks nothing.

use std::path::{Path, PathBuf};
use std::process::Command;

pub struct TinyFs {
    _dir: tempfile::TempDir,
    pub path: PathBuf,
}

impl TinyFs {
    pub fn new(size: &str) -> Option<TinyFs> {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("fs");
        std::fs::create_dir(&path).unwrap();
        let ok = Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={size}"), "tmpfs"])
            .arg(&path)
            .output()
            .map(|o| o.status.success())
            .unwrap_or(false);
        if !ok {
            eprintln!("note: test skipped: cannot mount a tmpfs here (needs root)");
            return None;
        }
        Some(TinyFs { _dir: dir, path })
    }

    fn remount(&self, options: &str) {
        let out = Command::new("mount")
            .args(["-o", &format!("remount,{options}")])
            .arg(&self.path)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }

    pub fn resize(&self, size: &str) {
        self.remount(&format!("size={size}"));
    }

    pub fn read_only(&self) {
        self.remount("ro");
    }

    pub fn join(&self, p: impl AsRef<Path>) -> PathBuf {
        self.path.join(p)
    }
}

impl Drop for TinyFs {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg("-l").arg(&self.path).output();
    }
}
