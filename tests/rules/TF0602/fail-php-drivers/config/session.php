<?php

return [
    'driver' => 'file',
    'lifetime' => env('SESSION_LIFETIME', 120),
    'files' => storage_path('framework/sessions'),
];
