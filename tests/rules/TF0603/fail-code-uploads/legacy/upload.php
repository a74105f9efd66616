<?php
$name = basename($_FILES['document']['name']);
move_uploaded_file($_FILES['document']['tmp_name'], __DIR__ . '/files/' . $name);
