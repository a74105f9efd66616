<?php

namespace App\Console\Commands;

use Illuminate\Console\Command;
use Illuminate\Support\Facades\Artisan;

class Release extends Command
{
    protected $signature = 'app:release';

    public function handle(): void
    {
        Artisan::call('migrate', ['--force' => true]);
    }
}
