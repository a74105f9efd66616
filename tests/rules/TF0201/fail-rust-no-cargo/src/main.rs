use std::collections::HashMap;
use crate::config::Settings;
use serde::Deserialize;

mod config;

fn main() {}
