<?php
function export_db() {
    return shell_exec('pg_dump --no-owner ' . escapeshellarg(getenv('DB')));
}
