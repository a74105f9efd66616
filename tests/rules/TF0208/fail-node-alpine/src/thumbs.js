const { execSync } = require('node:child_process');
const cp = require("child_process");

function resize(src, dst) {
  execSync(`convert ${src} -resize 100x100 ${dst}`);
}

function revision() {
  return cp.spawnSync("git", ["rev-parse", "HEAD"]).stdout;
}

function fetch(url) {
  // busybox has wget: not reported
  return execSync(`wget -qO- ${url}`);
}

module.exports = { resize, revision, fetch };

function pack(dir) {
  return require("child_process").execFileSync("zip", ["-r", "out.zip", dir]);
}
