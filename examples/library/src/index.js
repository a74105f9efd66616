// A library: it is imported by services and deploys nothing itself, so
// the factors about processes, ports and releases do not apply to it.
function add(a, b) {
  return { cents: a.cents + b.cents, currency: a.currency };
}

module.exports = { add };
