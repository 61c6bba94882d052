//! A port that never answers, for connect timeouts.

use std::net::TcpStream;
use std::time::Duration;

/// A loopback port that accepts no connection: its listen queue (backlog 0) is filled by us, so a
/// client's SYN is dropped and its connect times out.
pub struct BlackHole {
    pub port: u16,
    _fd: i32,
    _held: Vec<TcpStream>,
}

impl BlackHole {
    pub fn new() -> BlackHole {
        unsafe {
            let fd = libc::socket(libc::AF_INET, libc::SOCK_STREAM, 0);
            assert!(fd >= 0);
            let mut addr: libc::sockaddr_in = std::mem::zeroed();
            addr.sin_family = libc::AF_INET as libc::sa_family_t;
            addr.sin_addr.s_addr = u32::from_ne_bytes([127, 0, 0, 1]);
            addr.sin_port = 0;
            let rc = libc::bind(
                fd,
                &addr as *const libc::sockaddr_in as *const libc::sockaddr,
                std::mem::size_of::<libc::sockaddr_in>() as u32,
            );
            assert_eq!(rc, 0);
            assert_eq!(libc::listen(fd, 0), 0);
            let mut len = std::mem::size_of::<libc::sockaddr_in>() as u32;
            libc::getsockname(
                fd,
                &mut addr as *mut libc::sockaddr_in as *mut libc::sockaddr,
                &mut len,
            );
            let port = u16::from_be(addr.sin_port);
            let target: std::net::SocketAddr = format!("127.0.0.1:{port}").parse().unwrap();
            let mut held = Vec::new();
            for _ in 0..8 {
                match TcpStream::connect_timeout(&target, Duration::from_millis(300)) {
                    Ok(s) => held.push(s),
                    Err(_) => break,
                }
            }
            BlackHole {
                port,
                _fd: fd,
                _held: held,
            }
        }
    }
}

impl Drop for BlackHole {
    fn drop(&mut self) {
        unsafe {
            libc::close(self._fd);
        }
    }
}
