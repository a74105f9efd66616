#!/usr/bin/python3
"""Check that the CI formats of one scan agree with its JSON report.

usage: check-formats.py SARIF_SCHEMA FAIL_ON REPORT.json REPORT.sarif
                        REPORT.xml REPORT.github

- The SARIF file is strict JSON, valid against the SARIF 2.1.0 schema, and
  meets what GitHub code scanning requires: every result has a ruleId whose
  ruleIndex points at that rule in driver.rules, a relative artifact URI
  with uriBaseId, a region with startLine >= 1, and partialFingerprints;
  every rule has a name, short and full description, help text, helpUri
  and default level.  Its results are the JSON report's findings and
  suppressed findings (rule, fingerprint, level, line), and only the
  suppressed ones carry suppressions.
- The JUnit file is well-formed XML; its <failure>s are exactly the
  findings at or above FAIL_ON, each under the testcase of its rule, and
  the counts in the attributes add up.
- The GitHub file has one workflow command per unsuppressed finding, with
  the right command, line and title, and no raw control character.
Exit 0 when all agree; 1 with one line per problem otherwise.
"""
import json
import re
import sys
import xml.etree.ElementTree as ET

try:
    import jsonschema
except ImportError:
    print("check-formats: python3-jsonschema is not installed", file=sys.stderr)
    sys.exit(2)

SEV = {"info": 1, "warning": 2, "error": 3, "none": 99}
LEVEL = {"error": "error", "warning": "warning", "info": "note"}
COMMAND = {"error": "error", "warning": "warning", "info": "notice"}
problems = []


def problem(msg):
    problems.append(msg)


def strict_json(path):
    def no_dup(pairs):
        keys = [k for k, _ in pairs]
        if len(keys) != len(set(keys)):
            raise ValueError("duplicate key")
        return dict(pairs)
    with open(path, "rb") as fp:
        return json.loads(fp.read().decode("utf-8"), object_pairs_hook=no_dup)


def check_sarif(schema, sarif, findings):
    v = jsonschema.Draft4Validator(schema)
    for e in v.iter_errors(sarif):
        problem(f"sarif: schema: {list(e.absolute_path)}: {e.message}")
    run = sarif["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    for r in rules:
        for key in ("id", "name", "shortDescription", "fullDescription",
                    "help", "helpUri", "defaultConfiguration"):
            if key not in r:
                problem(f"sarif: rule {r.get('id')} has no {key}")
        if not r.get("properties", {}).get("tags"):
            problem(f"sarif: rule {r.get('id')} has no tags")
    got = []
    for res in run["results"]:
        rid, idx = res.get("ruleId"), res.get("ruleIndex")
        if idx is None or idx >= len(rules) or rules[idx]["id"] != rid:
            problem(f"sarif: result {rid}: ruleIndex {idx} does not name it")
        locs = res.get("locations") or []
        if not locs:
            problem(f"sarif: result {rid} has no location")
            continue
        phys = locs[0]["physicalLocation"]
        art = phys["artifactLocation"]
        if not art.get("uri") or art["uri"].startswith(("/", "file:")) \
                or art.get("uriBaseId") != "%SRCROOT%":
            problem(f"sarif: result {rid}: bad artifactLocation {art}")
        line = phys.get("region", {}).get("startLine", 0)
        if line < 1:
            problem(f"sarif: result {rid}: startLine {line}")
        fp = res.get("partialFingerprints", {}).get("twelvelint/v1")
        if not fp:
            problem(f"sarif: result {rid} has no partialFingerprints")
        got.append((rid, fp, res["level"], line, bool(res.get("suppressions"))))
    want = [(f["rule"], f["fingerprint"], LEVEL[f["severity"]],
             max(f["line"], 1) if f["path"] else 1, sup)
            for f, sup in findings]
    if sorted(got) != sorted(want):
        problem(f"sarif: results differ from the JSON report: "
                f"{sorted(set(got) ^ set(want))[:4]}")


def check_junit(path, fail_on, findings):
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as e:
        problem(f"junit: not well-formed: {e}")
        return
    failures = []
    tests = failed = 0
    for suite in root.iter("testsuite"):
        n = nf = 0
        for case in suite.iter("testcase"):
            n += 1
            fs = case.findall("failure")
            nf += 1 if fs else 0
            rid = case.get("name").split(" ")[0]
            failures += [(rid, f.get("type")) for f in fs]
        if int(suite.get("tests")) != n or int(suite.get("failures")) != nf:
            problem(f"junit: suite {suite.get('name')}: counts "
                    f"{suite.get('tests')}/{suite.get('failures')} but "
                    f"{n}/{nf} testcases")
        tests += n
        failed += nf
    if int(root.get("tests")) != tests or int(root.get("failures")) != failed:
        problem("junit: testsuites counts do not add up")
    want = [(f["rule"], f["severity"]) for f, sup in findings
            if not sup and SEV[f["severity"]] >= SEV[fail_on]]
    if sorted(failures) != sorted(want):
        problem(f"junit: failures {sorted(failures)[:4]} != findings "
                f"{sorted(want)[:4]}")


def check_github(path, findings):
    with open(path, "rb") as fp:
        raw = fp.read().decode("utf-8")
    if re.search(r"[\x00-\x08\x0b-\x1f\x7f]", raw):
        problem("github: raw control character in the output")
    cmds = []
    for line in raw.splitlines():
        if not line.startswith("::"):
            continue
        m = re.match(r"::(error|warning|notice) ([^:]*)::(.*)$", line)
        if not m:
            problem(f"github: bad command {line[:80]!r}")
            continue
        props = dict(p.split("=", 1) for p in m.group(2).split(",") if p)
        cmds.append((m.group(1), props.get("title", "").split(" ")[0],
                     int(props.get("line", 0))))
    want = [(COMMAND[f["severity"]], f["rule"], f["line"] if f["path"] else 0)
            for f, sup in findings if not sup]
    if sorted(cmds) != sorted(want):
        problem(f"github: commands {sorted(cmds)[:4]} != findings "
                f"{sorted(want)[:4]}")


def main(argv):
    if len(argv) != 7:
        print(__doc__.splitlines()[2], file=sys.stderr)
        return 2
    schema = strict_json(argv[1])
    fail_on = argv[2]
    report = strict_json(argv[3])
    findings = [(f, False) for f in report["findings"]] + \
               [(f, True) for f in report["suppressed"]]
    try:
        sarif = strict_json(argv[4])
    except ValueError as e:
        problem(f"sarif: not strict JSON: {e}")
    else:
        check_sarif(schema, sarif, findings)
    check_junit(argv[5], fail_on, findings)
    check_github(argv[6], findings)
    for p in problems:
        print(f"check-formats: {p}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
