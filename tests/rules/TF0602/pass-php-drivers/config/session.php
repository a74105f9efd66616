<?php

return [
    // The driver comes from the environment (redis in production).
    'driver' => env('SESSION_DRIVER', 'file'),
    'lifetime' => env('SESSION_LIFETIME', 120),
    'connection' => env('SESSION_CONNECTION'),
];
