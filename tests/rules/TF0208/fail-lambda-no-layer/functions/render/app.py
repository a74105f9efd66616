import subprocess


def handler(event, context):
    subprocess.run(["sh", "-c", "wkhtmltopdf /tmp/in.html /tmp/out.pdf"],
                   check=True)
    return {"statusCode": 200}
