//! The three channels: a webhook (HTTP POST), a command (the alert as JSON on its standard input,
//! no shell), a file (one JSON object per line).

use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::config::{AlertChannel, AlertRule, Config, WebhookFormat};
use crate::http::Client;
use crate::model::Alert;

/// Send one alert on one rule's channel; the error is one line.
pub(super) async fn send(
    rule: &AlertRule,
    alert: &Alert,
    client: Option<&Client>,
    cfg: &Config,
    data_dir: &Path,
) -> Result<(), String> {
    match rule.channel {
        AlertChannel::Webhook => {
            let url = rule.url.as_deref().unwrap_or("");
            let body = match rule.format {
                WebhookFormat::Generic => serde_json::to_vec(alert),
                WebhookFormat::Slack => {
                    serde_json::to_vec(&serde_json::json!({ "text": super::text(alert) }))
                }
            }
            .map_err(|e| e.to_string())?;
            let client = client.ok_or("no HTTP client")?;
            client
                .post_json(url, &body)
                .await
                .map(|_| ())
                .map_err(|e| e.to_string())
        }
        AlertChannel::Command => {
            let argv = rule.command.clone();
            let input = serde_json::to_vec(alert).map_err(|e| e.to_string())?;
            let timeout = cfg.watch.command_timeout.0;
            let dir = data_dir.to_path_buf();
            tokio::task::spawn_blocking(move || run_command(&argv, &input, timeout, &dir))
                .await
                .map_err(|e| format!("the command's task failed: {e}"))?
        }
        AlertChannel::File => {
            let path = rule.path.as_deref().unwrap_or(Path::new(""));
            let path = if path.is_absolute() {
                path.to_path_buf()
            } else {
                data_dir.join(path)
            };
            append_line(&path, alert).map_err(|e| format!("appending to {}: {e}", path.display()))
        }
    }
}

/// Run `argv` (no shell) in `dir` with `input` on its standard input; killed after `timeout`.
fn run_command(argv: &[String], input: &[u8], timeout: Duration, dir: &Path) -> Result<(), String> {
    let (program, args) = argv.split_first().ok_or("no program")?;
    let mut child = Command::new(program)
        .args(args)
        .current_dir(dir)
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("starting {program}: {e}"))?;
    if let Some(mut stdin) = child.stdin.take() {
        // a program that exits without reading its input is judged by its exit status
        let _ = stdin.write_all(input).and_then(|_| stdin.write_all(b"\n"));
    }
    let started = Instant::now();
    let status = loop {
        match child.try_wait() {
            Ok(Some(s)) => break s,
            Ok(None) if started.elapsed() >= timeout => {
                let _ = child.kill();
                let _ = child.wait();
                return Err(format!(
                    "{program} timed out after {timeout:.0?} and was killed"
                ));
            }
            Ok(None) => std::thread::sleep(Duration::from_millis(20)),
            Err(e) => return Err(format!("waiting for {program}: {e}")),
        }
    };
    if status.success() {
        return Ok(());
    }
    let mut err = String::new();
    if let Some(mut e) = child.stderr.take() {
        use std::io::Read;
        let _ = e.by_ref().take(4096).read_to_string(&mut err);
    }
    let first = err
        .lines()
        .find(|l| !l.trim().is_empty())
        .unwrap_or("")
        .trim();
    let how = match status.code() {
        Some(code) => format!("exited with status {code}"),
        None => "was killed by a signal".to_string(),
    };
    Err(format!(
        "{program} {how}{}",
        if first.is_empty() {
            String::new()
        } else {
            format!(": {first}")
        }
    ))
}

/// Append the alert as one line, written whole in one call.
fn append_line(path: &Path, alert: &Alert) -> std::io::Result<()> {
    let mut line = serde_json::to_vec(alert).map_err(std::io::Error::other)?;
    line.push(b'\n');
    let mut f = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(path)?;
    f.write_all(&line)?;
    f.sync_data()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_command_gets_the_alert_on_stdin_and_its_failure_is_one_line() {
        let dir = tempfile::tempdir().unwrap();
        let argv = |s: &str| vec!["sh".to_string(), "-c".to_string(), s.to_string()];
        let t = Duration::from_secs(5);
        assert_eq!(
            run_command(
                &argv("cat > got.json"),
                b"{\"id\":\"deal-1\"}",
                t,
                dir.path()
            ),
            Ok(())
        );
        assert_eq!(
            std::fs::read_to_string(dir.path().join("got.json")).unwrap(),
            "{\"id\":\"deal-1\"}\n"
        );
        assert_eq!(
            run_command(
                &argv("echo '  ' >&2; echo 'no route' >&2; exit 3"),
                b"{}",
                t,
                dir.path()
            ),
            Err("sh exited with status 3: no route".to_string())
        );
        assert_eq!(
            run_command(&argv("kill -9 $$"), b"{}", t, dir.path()),
            Err("sh was killed by a signal".to_string())
        );
        let missing = run_command(&["no-such-program-here".to_string()], b"{}", t, dir.path());
        assert!(
            missing
                .as_ref()
                .is_err_and(|e| e.starts_with("starting no-such-program-here: ")),
            "{missing:?}"
        );
    }
}
