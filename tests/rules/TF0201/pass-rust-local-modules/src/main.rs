//! A tool.
/*
use tokio::runtime;
*/
use std::io;
use core::fmt;
use handlers::run;
pub(crate) use util::helper;
use Color::*;

mod handlers;
mod util {
    pub fn helper() {}
}

enum Color { Red }

fn main() {
    use rand::Rng;
}

#[cfg(test)]
mod tests {
    use super::*;
}
