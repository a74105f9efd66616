<?php
use Aws\S3\S3Client;

$tmp = tempnam(sys_get_temp_dir(), 'doc');
move_uploaded_file($_FILES['document']['tmp_name'], $tmp);
$s3 = new S3Client(['region' => getenv('AWS_REGION')]);
$s3->putObject(['Bucket' => getenv('BUCKET'), 'Key' => $_FILES['document']['name'], 'SourceFile' => $tmp]);
