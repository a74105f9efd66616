use std::process::Command;

pub fn to_html(src: &str) -> std::io::Result<std::process::Output> {
    Command::new("pandoc").arg(src).output()
}
