use std::net::UdpSocket;

pub fn statsd() -> std::io::Result<UdpSocket> {
    let socket = UdpSocket::bind("0.0.0.0:0")?;
    socket.connect("statsd:8125")?;
    Ok(socket)
}
