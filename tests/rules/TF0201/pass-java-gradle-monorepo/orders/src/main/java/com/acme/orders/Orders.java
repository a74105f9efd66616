package com.acme.orders;

import org.springframework.stereotype.Service;

@Service
public class Orders {}
