package shop

import liquibase.integration.spring.SpringLiquibase
import org.springframework.context.annotation.Bean

class LiquibaseConfig {
    @Bean
    fun liquibase(ds: javax.sql.DataSource) = SpringLiquibase().apply {
        dataSource = ds
        changeLog = "classpath:db/changelog.xml"
    }
}
