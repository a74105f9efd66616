# Sourced by the start command: sets variables in the calling shell.
DATABASE_URL=$(aws ssm get-parameter --name /shop/db-url --with-decryption \
    --query Parameter.Value --output text)
export DATABASE_URL
aws sts get-caller-identity
