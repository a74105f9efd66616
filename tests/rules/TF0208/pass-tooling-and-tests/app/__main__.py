import subprocess
import sys

subprocess.run([sys.executable, "-m", "app.worker"], check=True)
subprocess.run(["python3", "-m", "app.worker"], check=True)
subprocess.run(["tar", "-czf", "/tmp/a.tgz", "/data"], check=True)
subprocess.run("grep -c x /data/log | sort", shell=True, check=True)
