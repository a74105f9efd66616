package com.example.shop

import org.springframework.context.annotation.Configuration
import org.springframework.session.data.redis.config.annotation.web.http.EnableRedisIndexedHttpSession

// Not a MapSessionRepository: sessions live in Redis.
@Configuration
@EnableRedisIndexedHttpSession
class SessionConfig
