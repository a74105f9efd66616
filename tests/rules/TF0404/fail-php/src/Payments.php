<?php

namespace Shop;

use Aws\Sqs\SqsClient;
use GuzzleHttp\Client;

final class Payments
{
    private Client $http;
    private SqsClient $sqs;

    public function __construct()
    {
        $this->http = new Client([
            'base_uri' => getenv('PAYMENTS_URL'),
            'headers' => ['Accept' => 'application/json'],
        ]);
        $this->sqs = new SqsClient(['region' => getenv('AWS_REGION'), 'retries' => 0]);
    }
}
