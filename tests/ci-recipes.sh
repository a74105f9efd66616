# tests/ci-recipes.sh: sourced by tests/run.sh (which defines BIN, B, WORK,
# PY, TOP, ok and bad).  Tries the CI recipes of docs/ci.md, action.yml,
# .pre-commit-hooks.yaml and the shell completion of docs/completion/ as
# far as this machine allows: no GitHub runner, GitLab, CodeBuild or
# Jenkins runs here, so what is run is the recipes' own shell commands, in
# the environment those services would give them.
#
#   yaml       every ```yaml block of docs/ci.md, action.yml and the hooks
#              parse (PyYAML) and have the keys their consumer needs
#   action     action.yml's run steps, verbatim, under bash as the runner
#              runs them, with GITHUB_OUTPUT, GITHUB_PATH and the inputs
#   hook       the pre-commit hook's entry in a scratch repository (and
#              pre-commit itself, where it is installed)
#   reports    the GitLab script, the CodeBuild build commands and the
#              Jenkins scan write the report files their config names
#   complete   bash (as bash calls it, and on a pseudo-terminal) and zsh
#   install    make install puts the completion files in place

CR="$WORK/ci"
rm -rf "$CR"
mkdir -p "$CR/bin"
ln -s "$BIN" "$CR/bin/twelvelint"
CR_PATH="$CR/bin:$PATH"

# cr_repo DIR SRC: a git repository at DIR holding a copy of SRC.
cr_repo() {
	rm -rf "$1"
	mkdir -p "$1"
	cp -R "$2"/. "$1"/
	(cd "$1" && git init -q && git add -A && git commit -qm init)
}

# ---------------------------------------------------------------- yaml
# recipes.py extracts the blocks, checks them, and writes what the other
# checks run: cr-*.sh scripts and cr-*.txt lists.
cat >"$CR/recipes.py" <<'PYEOF'
import json, re, sys
import yaml

top, out = sys.argv[1], sys.argv[2]
errors = []
def need(cond, what):
    if not cond:
        errors.append(what)

doc = open(top + "/docs/ci.md", encoding="utf-8").read()
blocks = re.findall(r"^```(\w+)\n(.*?)^```$", doc, re.S | re.M)
yamls = [b for lang, b in blocks if lang == "yaml"]
groovy = [b for lang, b in blocks if lang == "groovy"]
parsed = []
for i, text in enumerate(yamls):
    try:
        parsed.append(yaml.safe_load(text))
    except yaml.YAMLError as e:
        errors.append("docs/ci.md yaml block %d: %s" % (i + 1, e))
action = yaml.safe_load(open(top + "/action.yml"))
hooks = yaml.safe_load(open(top + "/.pre-commit-hooks.yaml"))

def find(pred):
    m = [d for d in parsed if isinstance(d, dict) and pred(d)]
    return m[0] if len(m) == 1 else None

# action.yml: a composite action every step of which has a shell.
need(action.get("runs", {}).get("using") == "composite", "action: runs.using composite")
steps = action["runs"]["steps"]
need(all(s.get("shell") == "bash" and "run" in s for s in steps), "action: every step runs bash")
for k in ("path", "fail-on", "sarif", "formats", "since", "args"):
    need(k in action.get("inputs", {}), "action: input " + k)
for k in ("sarif", "exit-code"):
    need("value" in action.get("outputs", {}).get(k, {}), "action: output " + k)
json.dump({"inputs": {k: str(v.get("default", "")) for k, v in action["inputs"].items()},
           "outputs": {k: v["value"] for k, v in action["outputs"].items()},
           "steps": [{"id": s.get("id", ""), "run": s["run"], "env": s.get("env", {})} for s in steps]},
          open(out + "/cr-action.json", "w"))

# The workflow: permissions, checkout with history, the action's inputs
# and outputs as action.yml names them, an upload that runs always.
wf = find(lambda d: "jobs" in d)
need(wf is not None, "docs: one GitHub workflow")
if wf:
    job = list(wf["jobs"].values())[0]
    need(job.get("permissions", {}).get("security-events") == "write", "workflow: security-events: write")
    ws = job["steps"]
    co = [s for s in ws if str(s.get("uses", "")).startswith("actions/checkout")]
    need(co and co[0].get("with", {}).get("fetch-depth") == 0, "workflow: checkout fetch-depth: 0")
    mine = [s for s in ws if str(s.get("uses", "")).startswith("OWNER/twelvelint@")]
    need(len(mine) == 2, "workflow: two uses of the action")
    for s in mine:
        for k in s.get("with", {}):
            need(k in action["inputs"], "workflow: input %s not in action.yml" % k)
    need(any("--since" not in str(s) and "origin/${{ github.base_ref }}" in str(s.get("with", {}).get("since", ""))
             for s in mine), "workflow: since origin/${{ github.base_ref }}")
    need(any(s.get("with", {}).get("formats") == "github" for s in mine), "workflow: -f github annotations")
    up = [s for s in ws if str(s.get("uses", "")).startswith("github/codeql-action/upload-sarif")]
    need(up and "always()" in str(up[0].get("if", "")), "workflow: upload-sarif if: always()")
    for s in up:
        for m in re.findall(r"steps\.(\w+)\.outputs\.([\w-]+)", json.dumps(s)):
            need(m[1] in action["outputs"] and any(x.get("id") == m[0] for x in ws),
                 "workflow: output steps.%s.outputs.%s" % m)

def script(lines):
    return "\n".join(lines) + "\n"

# GitLab: the job's script, and what reports/paths name.
gl = find(lambda d: any(isinstance(v, dict) and "script" in v for v in d.values()))
need(gl is not None, "docs: one GitLab job")
if gl:
    job = [v for v in gl.values() if isinstance(v, dict) and "script" in v][0]
    need(job.get("artifacts", {}).get("when") == "always", "gitlab: artifacts when: always")
    open(out + "/cr-gitlab.sh", "w").write(script(job["script"]))
    open(out + "/cr-gitlab-junit.txt", "w").write(job["artifacts"]["reports"]["junit"] + "\n")
    open(out + "/cr-gitlab-paths.txt", "w").write(script(job["artifacts"]["paths"]))

# CodeBuild: buildspec 0.2, its build commands and its JUNITXML report group.
bs = find(lambda d: str(d.get("version")) == "0.2" and "phases" in d)
need(bs is not None, "docs: one buildspec")
if bs:
    need("install" in bs["phases"] and "build" in bs["phases"], "buildspec: install and build phases")
    open(out + "/cr-codebuild.sh", "w").write(script(bs["phases"]["build"]["commands"]))
    files = []
    for name, g in bs.get("reports", {}).items():
        need(g.get("file-format") == "JUNITXML", "buildspec: report %s file-format JUNITXML" % name)
        base = g.get("base-directory", ".")
        files += [base + "/" + f for f in g["files"]]
    need(files, "buildspec: a report group")
    open(out + "/cr-codebuild-junit.txt", "w").write(script(files))
    open(out + "/cr-codebuild-paths.txt", "w").write(script(bs["artifacts"]["files"]))

# pre-commit: the hooks, and the user's config that names them.
pc = find(lambda d: "repos" in d)
need(pc is not None, "docs: one .pre-commit-config.yaml")
ids = {h["id"]: h for h in hooks}
need("twelvelint" in ids, "hooks: a hook twelvelint")
for h in hooks:
    for k in ("id", "name", "entry", "language"):
        need(k in h, "hooks: %s has %s" % (h.get("id"), k))
    need(h.get("language") == "system" and h.get("pass_filenames") is False,
         "hooks: %s is language: system, pass_filenames: false" % h.get("id"))
need("--staged" in ids.get("twelvelint", {}).get("entry", ""), "hooks: twelvelint runs --staged")
if pc:
    for r in pc["repos"]:
        for h in r["hooks"]:
            need(h["id"] in ids, "docs: hook %s not in .pre-commit-hooks.yaml" % h["id"])
    json.dump(pc, open(out + "/cr-precommit.json", "w"))
open(out + "/cr-hook-entry.txt", "w").write(ids.get("twelvelint", {}).get("entry", "") + "\n")

# Jenkins: the sh script that runs the scan, and the report patterns.
need(len(groovy) == 1, "docs: one Jenkinsfile")
if groovy:
    g = groovy[0]
    shs = re.findall(r"sh '''\n(.*?)'''", g, re.S)
    scan = [s for s in shs if "twelvelint/build/twelvelint" in s and "-f " in s]
    need(len(scan) == 1, "jenkins: one sh step runs the scan")
    if scan:
        open(out + "/cr-jenkins.sh", "w").write(scan[0])
    junit = re.findall(r"junit testResults: '([^']+)'", g)
    sarif = re.findall(r"sarif\([^)]*pattern: '([^']+)'", g)
    need(junit and sarif, "jenkins: junit and recordIssues sarif patterns")
    need("enabledForFailure: true" in g and "always {" in g, "jenkins: reports published always")
    open(out + "/cr-jenkins-junit.txt", "w").write(script(junit))
    open(out + "/cr-jenkins-paths.txt", "w").write(script(sarif))

print("%d yaml blocks, %d groovy" % (len(yamls), len(groovy)))
if errors:
    print("\n".join(errors))
    sys.exit(1)
PYEOF
cr_have_yaml=0
if ! $PY -c 'import yaml' 2>/dev/null; then
	bad "ci: PyYAML is missing: apt-get install python3-yaml to check docs/ci.md"
elif $PY "$CR/recipes.py" "$TOP" "$CR" >"$CR/recipes.log" 2>&1; then
	ok "ci: docs/ci.md, action.yml and .pre-commit-hooks.yaml parse and say what their consumers need"
	cr_have_yaml=1
else
	bad "ci: recipes"; cat "$CR/recipes.log"
fi

# -------------------------------------------------------------- action
# runaction.py WORKSPACE RESULT [input=value | env:VAR=value …]: the composite action's
# steps in order, each as the runner runs it: bash --noprofile --norc
# -eo pipefail, in the workspace, with the step's env: (its ${{ }}
# expressions evaluated: inputs, github.action_path, steps.*.outputs),
# GITHUB_OUTPUT, GITHUB_PATH, GITHUB_ACTION_PATH and RUNNER_TEMP.  Stops
# at the first failing step, then evaluates the action's outputs.
cat >"$CR/runaction.py" <<'PYEOF'
import json, os, re, subprocess, sys, tempfile

act = json.load(open(os.environ["CR"] + "/cr-action.json"))
ws, result = sys.argv[1], sys.argv[2]
inputs = dict(act["inputs"])
extra_env = {}
for a in sys.argv[3:]:
    k, v = a.split("=", 1)
    if k.startswith("env:"):
        extra_env[k[4:]] = v
        continue
    assert k in inputs, "no input " + k
    inputs[k] = v
top = os.environ["TOP"]
temp = tempfile.mkdtemp(dir=os.environ["CR"])
outputs = {}

def expr(text):
    def one(m):
        e = m.group(1).strip()
        if e.startswith("inputs."):
            return inputs[e[7:]]
        if e == "github.action_path":
            return top
        m2 = re.fullmatch(r"steps\.([\w-]+)\.outputs\.([\w-]+)", e)
        if m2:
            return outputs.get(m2.group(1), {}).get(m2.group(2), "")
        raise SystemExit("unsupported expression: " + e)
    return re.sub(r"\$\{\{(.*?)\}\}", one, str(text))

log = []
path_file = os.path.join(temp, "path")
open(path_file, "w").close()
for i, st in enumerate(act["steps"]):
    assert "${{" not in st["run"], "an expression pasted into a run script"
    sid = st["id"] or "step%d" % i
    out_file = os.path.join(temp, sid + ".out")
    open(out_file, "w").close()
    script = os.path.join(temp, sid + ".sh")
    open(script, "w").write(st["run"])
    # A runner's environment has no make of ours around it.
    env = {k: v for k, v in os.environ.items() if k not in ("MAKEFLAGS", "MAKELEVEL", "MFLAGS")}
    env.update(GITHUB_OUTPUT=out_file, GITHUB_PATH=path_file,
               GITHUB_ACTION_PATH=top, GITHUB_WORKSPACE=ws, RUNNER_TEMP=temp,
               GITHUB_ACTIONS="true", CI="true")
    env.update(extra_env)
    env.update({k: expr(v) for k, v in st["env"].items()})
    p = subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", script],
                       cwd=ws, env=env, capture_output=True, text=True)
    outputs[sid] = dict(l.split("=", 1) for l in open(out_file).read().splitlines() if "=" in l)
    log.append({"id": sid, "rc": p.returncode, "stdout": p.stdout, "stderr": p.stderr})
    if p.returncode != 0:
        break
json.dump({"steps": log, "outputs": {k: expr(v) for k, v in act["outputs"].items()},
           "path": open(path_file).read().splitlines()}, open(result, "w"), indent=1)
PYEOF

# cr_action NAME WORKSPACE CHECK [input=value …]: run the action, then
# CHECK (python, with r = the result and ws = the workspace) must hold.
#
# The action builds in its own directory (github.action_path): here a copy
# of the source tree with this run's build directory as its build/, its
# timestamps kept so that make finds nothing to do.  Building in the
# source tree itself would overwrite build/ with whatever flags this run
# has (make sanitize's), behind the developer's back.
cr_action_src() {
	[ -d "$CR/action-src" ] && return 0
	mkdir -p "$CR/action-src"
	(cd "$TOP" && tar cf - --exclude='./build*' --exclude=./.git .) |
	    (cd "$CR/action-src" && tar xf -)
	cp -a "$B" "$CR/action-src/build"
}

cr_action() {
	cr_name=$1 cr_ws=$2 cr_check=$3
	shift 3
	cr_action_src
	if CR="$CR" TOP="$CR/action-src" $PY "$CR/runaction.py" "$cr_ws" "$CR/action.json" "$@" \
	    >"$CR/action.log" 2>&1 &&
	    TOP="$CR/action-src" $PY - "$CR/action.json" "$cr_ws" "$cr_check" >>"$CR/action.log" 2>&1 <<'PYEOF'
import json, os, sys
r = json.load(open(sys.argv[1]))
ws = sys.argv[2]
steps = {s["id"]: s for s in r["steps"]}
out = r["outputs"]
def sarif(p):
    d = json.load(open(os.path.join(ws, p)))
    assert d["version"] == "2.1.0", d["version"]
    return d["runs"][0]["results"]
try:
    exec(sys.argv[3])
except AssertionError as e:
    print("check failed:", sys.argv[3], e)
    print(json.dumps(r, indent=1)[:3000])
    sys.exit(1)
PYEOF
	then
		ok "ci: action: $cr_name"
	else
		bad "ci: action: $cr_name"; head -60 "$CR/action.log"
	fi
}

if [ "$cr_have_yaml" -eq 1 ]; then
	cr_repo "$CR/shop" examples/shop
	cr_action "a service with an error fails the step, SARIF and annotations written" "$CR/shop" '
assert steps["build"]["rc"] == 0 and steps["run"]["rc"] == 1, [(s["id"], s["rc"]) for s in r["steps"]]
assert out == {"sarif": "twelvelint.sarif", "exit-code": "1"}, out
assert any(x["ruleId"] == "TF0204" for x in sarif("twelvelint.sarif"))
assert "::error file=Dockerfile,line=2," in steps["run"]["stdout"], steps["run"]["stdout"]
assert r["path"] == [os.environ["TOP"] + "/build"], r["path"]'
	cr_action "fail-on none, further formats and args: exit 0, every report written" "$CR/shop" '
assert steps["run"]["rc"] == 0 and out["exit-code"] == "0", out
assert os.path.getsize(os.path.join(ws, "r.json")) > 0
assert "score" in steps["run"]["stdout"] and "::" not in steps["run"]["stdout"]
assert {x["ruleId"][:4] for x in sarif("twelvelint.sarif")} <= {"TF02", "TF09"}' \
	    fail-on=none "formats=text json:r.json" "args=--factor II,IX"
	cr_action "fail-on warning: warnings fail the step" "$CR/shop" '
assert steps["run"]["rc"] == 1 and out["exit-code"] == "1", out
assert "::error" not in steps["run"]["stdout"] and "::warning" in steps["run"]["stdout"]' \
	    fail-on=warning "args=--disable TF0204"
	cr_action "fail-on error: warnings alone pass" "$CR/shop" '
assert steps["run"]["rc"] == 0 and out["exit-code"] == "0", out' \
	    "args=--disable TF0204"
	cr_repo "$CR/kept" examples/well-kept
	cr_action "a well-kept repository passes" "$CR/kept" '
assert steps["run"]["rc"] == 0 and out == {"sarif": "twelvelint.sarif", "exit-code": "0"}, out
assert "::error" not in steps["run"]["stdout"]'
	# A pull request: origin/main is the base; only what the branch
	# changes is annotated, the rest of the tree is still read.
	rm -rf "$CR/origin.git"
	git clone -q --bare "$CR/kept" "$CR/origin.git"
	(cd "$CR/kept" && git remote add origin "$CR/origin.git" &&
	    git fetch -q origin && git checkout -q -b feature &&
	    printf 'FROM node:latest\nCMD ["node", "worker.js"]\n' >Dockerfile.worker &&
	    git add Dockerfile.worker && git commit -qm worker)
	cr_action "since origin/main: the changed file only" "$CR/kept" '
assert steps["run"]["rc"] == 1 and out["exit-code"] == "1", out
lines = [l for l in steps["run"]["stdout"].splitlines() if l.startswith("::")]
assert lines and all("file=Dockerfile.worker," in l for l in lines), lines
assert {x["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for x in sarif("twelvelint.sarif")} == {"Dockerfile.worker"}' \
	    since=origin/main
	cr_action "a bad revision: exit 2, no SARIF output" "$CR/kept" '
assert steps["run"]["rc"] == 2 and out == {"sarif": "", "exit-code": "2"}, out
assert not os.path.exists(os.path.join(ws, "twelvelint.sarif"))' \
	    since=no-such-rev
	cr_action "an input is data, never shell code" "$CR/kept" '
assert steps["run"]["rc"] == 2, out
assert not os.path.exists(os.path.join(ws, "pwned"))' \
	    'since=$(touch pwned)' 'args=;touch pwned'
	# A runner whose libgit2 is too old (ubuntu-22.04 has 1.1): the build
	# step says so and stops the action.
	mkdir -p "$CR/oldgit2"
	printf 'Name: libgit2\nDescription: old\nVersion: 1.1.0\nLibs: -lgit2\n' >"$CR/oldgit2/libgit2.pc"
	cr_action "libgit2 older than 1.5: the build step stops with a message" "$CR/kept" '
assert [s["id"] for s in r["steps"]] == ["build"] and steps["build"]["rc"] == 1, r["steps"]
assert "::error title=twelvelint::needs libgit2 1.5 or newer; this runner has 1.1.0" in steps["build"]["stdout"]
assert out == {"sarif": "", "exit-code": ""}, out' \
	    "env:PKG_CONFIG_PATH=$CR/oldgit2"
	rm -f "$CR/kept/twelvelint.sarif"
fi

# ---------------------------------------------------------------- hook
cr_hook_repo() {
	rm -rf "$CR/hook"
	mkdir -p "$CR/hook"
	(cd "$CR/hook" && git init -q &&
	    printf 'FROM node:20.11-slim\nUSER node\nCMD ["node", "server.js"]\n' >Dockerfile &&
	    printf '# app\n' >README.md && git add -A && git commit -qm init)
}
if [ "$cr_have_yaml" -eq 1 ]; then
	cr_entry=$(cat "$CR/cr-hook-entry.txt")
	cr_hook_repo
	(cd "$CR/hook" && printf 'FROM node:latest\nCMD ["node", "job.js"]\n' >Dockerfile.job &&
	    git add Dockerfile.job)
	(cd "$CR/hook" && PATH=$CR_PATH $cr_entry) >"$CR/hook.out" 2>&1
	cr_rc=$?
	if [ "$cr_rc" -eq 1 ] && grep -q '^Dockerfile.job:1: error\[TF0204\]' "$CR/hook.out"; then
		ok "ci: hook entry fails on a staged bad Dockerfile"
	else
		bad "ci: hook entry with a bad Dockerfile staged exited $cr_rc"; cat "$CR/hook.out"
	fi
	(cd "$CR/hook" && git reset -q && printf 'more\n' >>README.md && git add README.md)
	(cd "$CR/hook" && PATH=$CR_PATH $cr_entry) >"$CR/hook.out" 2>&1
	cr_rc=$?
	if [ "$cr_rc" -eq 0 ] && [ ! -s "$CR/hook.out" ]; then
		ok "ci: hook entry passes with only good files staged (a bad one unstaged)"
	else
		bad "ci: hook entry with good files staged exited $cr_rc"; cat "$CR/hook.out"
	fi

	# pre-commit itself, from a local clone of the hooks, with the
	# .pre-commit-config.yaml of docs/ci.md (repo and rev filled in).
	if command -v pre-commit >/dev/null 2>&1; then
		rm -rf "$CR/hooksrc" "$CR/pc-home"
		mkdir -p "$CR/hooksrc"
		cp .pre-commit-hooks.yaml "$CR/hooksrc/"
		(cd "$CR/hooksrc" && git init -q && git add -A && git commit -qm hooks)
		cr_rev=$(git -C "$CR/hooksrc" rev-parse HEAD)
		cr_hook_repo
		$PY - "$CR/cr-precommit.json" "$CR/hooksrc" "$cr_rev" \
		    >"$CR/hook/.pre-commit-config.yaml" <<'PYEOF'
import json, sys
import yaml
c = json.load(open(sys.argv[1]))
for r in c["repos"]:
    r["repo"], r["rev"] = sys.argv[2], sys.argv[3]
print(yaml.safe_dump(c))
PYEOF
		(cd "$CR/hook" && printf 'FROM node:latest\nCMD ["node", "job.js"]\n' >Dockerfile.job &&
		    git add .pre-commit-config.yaml Dockerfile.job)
		(cd "$CR/hook" && PRE_COMMIT_HOME="$CR/pc-home" PATH=$CR_PATH \
		    pre-commit run --color never) >"$CR/pc.out" 2>&1
		cr_rc=$?
		if [ "$cr_rc" -eq 1 ] && grep -q 'Dockerfile.job:1: error\[TF0204\]' "$CR/pc.out" &&
		    grep -q '^twelvelint (staged files).*Failed' "$CR/pc.out"; then
			ok "ci: pre-commit runs the hook and fails on a staged bad Dockerfile"
		else
			bad "ci: pre-commit with a bad Dockerfile staged exited $cr_rc"; cat "$CR/pc.out"
		fi
		(cd "$CR/hook" && git rm -q --cached Dockerfile.job)
		(cd "$CR/hook" && PRE_COMMIT_HOME="$CR/pc-home" PATH=$CR_PATH \
		    pre-commit run --color never) >"$CR/pc.out" 2>&1
		cr_rc=$?
		if [ "$cr_rc" -eq 0 ] && grep -q '^twelvelint (staged files).*Passed' "$CR/pc.out"; then
			ok "ci: pre-commit passes when nothing bad is staged"
		else
			bad "ci: pre-commit with nothing bad staged exited $cr_rc"; cat "$CR/pc.out"
		fi
		(cd "$CR/hook" && PRE_COMMIT_HOME="$CR/pc-home" PATH=$CR_PATH \
		    pre-commit run --color never --hook-stage manual twelvelint-all) >"$CR/pc.out" 2>&1
		cr_rc=$?
		if [ "$cr_rc" -eq 1 ] && grep -q 'Dockerfile.job:1: error\[TF0204\]' "$CR/pc.out"; then
			ok "ci: pre-commit's manual twelvelint-all scans the whole tree"
		else
			bad "ci: pre-commit twelvelint-all exited $cr_rc"; cat "$CR/pc.out"
		fi
	else
		echo "note: pre-commit is not installed: the hook was run without it"
	fi
fi

# ------------------------------------------------------------- reports
# cr_reports NAME SHELL SCRIPT JUNITS PATHS WANT_RC [VAR=value …]: run a
# recipe's scan commands in a copy of examples/shop, then every file its
# config names must exist, and the JUnit ones parse with a failure each.
cr_reports() {
	cr_name=$1 cr_sh=$2 cr_script=$3 cr_junits=$4 cr_paths=$5 cr_want=$6
	shift 6
	cr_repo "$CR/rep" examples/shop
	(cd "$CR/rep" && env PATH="$CR_PATH" "$@" $cr_sh "$cr_script") \
	    >"$CR/rep.out" 2>&1
	cr_rc=$?
	if [ "$cr_rc" -ne "$cr_want" ]; then
		bad "ci: $cr_name exited $cr_rc, want $cr_want"; tail -20 "$CR/rep.out"
		return
	fi
	if (cd "$CR/rep" && $PY - "$cr_junits" "$cr_paths" <<'PYEOF'
import json, os, sys
import xml.etree.ElementTree as ET
junits = open(sys.argv[1]).read().split()
paths = open(sys.argv[2]).read().split()
for p in junits:
    root = ET.parse(p).getroot()
    assert root.tag in ("testsuites", "testsuite"), root.tag
    assert root.iter("failure"), p
    assert any(f.get("type") == "error" for f in root.iter("failure")), p + ": no failure"
for p in paths:
    assert os.path.getsize(p) > 0, p
    if p.endswith(".sarif"):
        assert json.load(open(p))["version"] == "2.1.0"
PYEOF
	) >>"$CR/rep.out" 2>&1; then
		ok "ci: $cr_name writes the reports its config names"
	else
		bad "ci: $cr_name reports"; tail -20 "$CR/rep.out"
	fi
}
if [ "$cr_have_yaml" -eq 1 ]; then
	# GitLab runs the script in bash, stopping at the first failure;
	# CodeBuild runs a phase's commands in sh; Jenkins runs sh -xe.
	cr_reports "gitlab script" "bash -ec" "$(cat "$CR/cr-gitlab.sh")" \
	    "$CR/cr-gitlab-junit.txt" "$CR/cr-gitlab-paths.txt" 1
	cr_reports "codebuild build phase" "sh -ec" "$(cat "$CR/cr-codebuild.sh")" \
	    "$CR/cr-codebuild-junit.txt" "$CR/cr-codebuild-paths.txt" 1
	mkdir -p "$CR/jtmp/twelvelint/build"
	ln -sf "$BIN" "$CR/jtmp/twelvelint/build/twelvelint"
	cr_reports "jenkins scan" "sh -xec" "$(cat "$CR/cr-jenkins.sh")" \
	    "$CR/cr-jenkins-junit.txt" "$CR/cr-jenkins-paths.txt" 1 \
	    WORKSPACE_TMP="$CR/jtmp"
	if grep -q 'score' "$CR/rep.out"; then
		ok "ci: the recipes print the text report to the log"
	else
		bad "ci: no text report in the jenkins log"; tail "$CR/rep.out"
	fi
	# The merge-request forms: only the changed file is reported.
	cr_repo "$CR/mr" examples/well-kept
	cr_base=$(git -C "$CR/mr" rev-parse HEAD)
	git -C "$CR/mr" branch -q -m main
	(cd "$CR/mr" && git clone -q --bare . ../mr-origin.git 2>/dev/null;
	    git remote add origin ../mr-origin.git && git fetch -q origin &&
	    printf 'FROM node:latest\nCMD ["node", "job.js"]\n' >Dockerfile.job &&
	    git add Dockerfile.job && git commit -qm job)
	for cr_v in "gitlab|bash -ec|CI_MERGE_REQUEST_DIFF_BASE_SHA=$cr_base" \
	    "jenkins|sh -ec|CHANGE_TARGET=main"; do
		cr_n=${cr_v%%|*}
		cr_s=${cr_v#*|}
		cr_s=${cr_s%|*}
		(cd "$CR/mr" && env PATH="$CR_PATH" WORKSPACE_TMP="$CR/jtmp" "${cr_v##*|}" \
		    $cr_s "$(cat "$CR/cr-$cr_n.sh")") >"$CR/mr.out" 2>&1
		cr_rc=$?
		if [ "$cr_rc" -eq 1 ] && grep -q '^Dockerfile.job:1: error' "$CR/mr.out" &&
		    ! grep -q '^Dockerfile:' "$CR/mr.out"; then
			ok "ci: $cr_n on a merge request reports the changed file only"
		else
			bad "ci: $cr_n merge request form exited $cr_rc"; cat "$CR/mr.out"
		fi
	done
fi

# ------------------------------------------------------------ complete
cat >"$CR/bashcomp.sh" <<'EOF'
. docs/completion/twelvelint.bash
# t WORD LINE: call the function as bash does, with COMP_LINE and the word
# readline completes ($2: what follows the last COMP_WORDBREAKS character).
t() {
	COMP_LINE=$2 COMP_POINT=${#2}
	read -r -a COMP_WORDS <<<"$2"
	COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
	[[ $2 == *' ' ]] && COMP_CWORD=${#COMP_WORDS[@]}
	COMPREPLY=()
	_twelvelint twelvelint "$1" ""
	printf '%s|' "$2"
	[[ ${#COMPREPLY[@]} -eq 0 ]] || printf '%s ' "${COMPREPLY[@]}"
	echo
}
t --fa 'twelvelint --fa'
t '' 'twelvelint --format '
t s 'twelvelint --format=s'
t RE 'twelvelint -f sarif:RE'
t RE 'twelvelint --format=sarif:RE'
t w 'twelvelint --fail-on w'
t III,dis 'twelvelint --factor III,dis'
t TF090 'twelvelint --enable TF090'
t TF0901,TF120 'twelvelint --disable=TF0901,TF120'
t TF049 "twelvelint --rules $1 --enable TF049"
t TF12 'twelvelint --explain TF12'
t --write 'twelvelint --write'
t --base 'twelvelint --base'
t --conf 'twelvelint --conf'
t Mak 'twelvelint --baseline Mak'
t exa 'twelvelint exa'
t '' 'twelvelint --jobs '
EOF
cat >"$CR/bashcomp.want" <<'EOF'
twelvelint --fa|--fail-on --factor 
twelvelint --format |text json sarif junit github html 
twelvelint --format=s|sarif 
twelvelint -f sarif:RE|README.md 
twelvelint --format=sarif:RE|README.md 
twelvelint --fail-on w|warning 
twelvelint --factor III,dis|III,disposability 
twelvelint --enable TF090|TF0901 TF0902 TF0903 TF0904 TF0905 TF0906 TF0907 TF0908 TF0909 
twelvelint --disable=TF0901,TF120|TF0901,TF1201 TF0901,TF1202 TF0901,TF1203 
twelvelint --rules PACK --enable TF049|TF0491 
twelvelint --explain TF12|TF1201 TF1202 TF1203 TF12 
twelvelint --write|--write-baseline 
twelvelint --base|--baseline 
twelvelint --conf|--config 
twelvelint --baseline Mak|Makefile 
twelvelint exa|examples 
twelvelint --jobs |
EOF
# A pack of one rule of our own (docs/patterns.md's example).
sed -n '/^    rules:$/,/^$/p' docs/patterns.md | sed -n '1,/^$/p' | sed 's/^    //' >"$CR/pack.yml"
sed -i "s|PACK|$CR/pack.yml|" "$CR/bashcomp.want"
PATH=$CR_PATH bash --norc --noprofile "$CR/bashcomp.sh" "$CR/pack.yml" >"$CR/bashcomp.got" 2>&1
if cmp -s "$CR/bashcomp.want" "$CR/bashcomp.got"; then
	ok "ci: bash completion: options, formats, FMT:FILE, levels, factors, rule ids, files"
else
	bad "ci: bash completion"; diff "$CR/bashcomp.want" "$CR/bashcomp.got"
fi
# Every option of --help (and the three being added) is completed.
cr_missing=""
for cr_o in $("$BIN" --help | grep -oE -- '--[a-z][a-z-]+' | sort -u) \
    --config --baseline --write-baseline; do
	grep -q -- "$cr_o" docs/completion/twelvelint.bash || cr_missing="$cr_missing bash:$cr_o"
	grep -q -- "$cr_o" docs/completion/_twelvelint || cr_missing="$cr_missing zsh:$cr_o"
done
if [ -z "$cr_missing" ]; then
	ok "ci: both completions know every option of --help"
else
	bad "ci: options missing from the completion:$cr_missing"
fi

# ptycomp.py SHELL SETUP [INPUT EXPECT]…: type INPUT and a Tab in an
# interactive SHELL on a pseudo-terminal; EXPECT must appear.
cat >"$CR/ptycomp.py" <<'PYEOF'
import os, pty, select, sys, time
shell, setup, cases = sys.argv[1], sys.argv[2], sys.argv[3:]
pid, fd = pty.fork()
if pid == 0:
    os.environ.update(TERM="dumb", PS1="$ ", INPUTRC="/dev/null")
    argv = ["bash", "--norc", "--noprofile", "-i"] if shell == "bash" else ["zsh", "-f", "-i"]
    os.execvp(argv[0], argv)
def until(want, secs=10):
    buf, end = "", time.time() + secs
    while time.time() < end:
        r, _, _ = select.select([fd], [], [], 0.1)
        if r:
            try:
                buf += os.read(fd, 4096).decode(errors="replace")
            except OSError:
                break
            if want and want in buf:
                return True, buf
    return False, buf
os.write(fd, (setup + "; echo READY''\n").encode())
good, buf = until("READY\r\n")
failed = 0 if good else 1
if not good:
    print("setup:", repr(buf[-400:]))
for typed, want in zip(cases[::2], cases[1::2]):
    os.write(fd, typed.encode() + b"\t")
    good, buf = until(want, 5)
    if not good:
        failed += 1
        print("%s: %r: want %r, got %r" % (shell, typed, want, buf[-300:]))
    os.write(fd, b"\x15")      # ^U: clear the line
    until(None, 0.3)
os.write(fd, b"exit\n")
sys.exit(1 if failed else 0)
PYEOF
if PATH=$CR_PATH $PY "$CR/ptycomp.py" bash \
    ". docs/completion/twelvelint.bash; bind 'set show-all-if-ambiguous on'" \
    'twelvelint -f sarif:REA' 'sarif:README.md ' \
    'twelvelint --format=junit:docs/comp' 'junit:docs/completion/' \
    'twelvelint --fail-on=warn' '--fail-on=warning ' \
    'twelvelint --enable TF110' 'TF1101  TF1102' >"$CR/pty.out" 2>&1; then
	ok "ci: bash completion in an interactive bash"
else
	bad "ci: bash completion in an interactive bash"; cat "$CR/pty.out"
fi
if command -v zsh >/dev/null 2>&1; then
	if zsh -n docs/completion/_twelvelint &&
	    PATH=$CR_PATH $PY "$CR/ptycomp.py" zsh \
	    "fpath=($TOP/docs/completion \$fpath); autoload -Uz compinit; compinit -u -D" \
	    'twelvelint --fail-on w' '--fail-on warning ' \
	    'twelvelint --format=sarif:REA' '--format=sarif:README.md ' \
	    'twelvelint -f sar' '-f sarif:' \
	    'twelvelint --enable TF0901,TF110' 'TF1101  TF1102' \
	    'twelvelint --explain TF120' 'TF1201  TF1202  TF1203' \
	    'twelvelint --factor III,disp' '--factor III,disposability,' \
	    'twelvelint --write-base' '--write-baseline=' \
	    "twelvelint --rules $CR/pack.yml --enable TF049" 'TF0491' \
	    'twelvelint exa' 'twelvelint examples/' >"$CR/pty.out" 2>&1; then
		ok "ci: zsh completion in an interactive zsh"
	else
		bad "ci: zsh completion in an interactive zsh"; cat "$CR/pty.out"
	fi
else
	echo "note: zsh is not installed: the zsh completion was not tried"
fi

# ------------------------------------------------------------- install
rm -rf "$CR/inst"
if make -s install B="$B" DESTDIR="$CR/inst" PREFIX=/usr >"$CR/inst.log" 2>&1 &&
    cmp -s docs/completion/twelvelint.bash "$CR/inst/usr/share/bash-completion/completions/twelvelint" &&
    cmp -s docs/completion/_twelvelint "$CR/inst/usr/share/zsh/site-functions/_twelvelint"; then
	ok "ci: make install installs the bash and zsh completion"
else
	bad "ci: make install and the completion"; cat "$CR/inst.log"; find "$CR/inst" -type f
fi
