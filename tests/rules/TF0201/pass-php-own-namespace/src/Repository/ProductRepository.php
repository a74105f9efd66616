<?php

namespace Acme\Shop\Repository;

final class ProductRepository {}
