package org.veille;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class VeilleApplication {

	public static void main(String[] args) {
		SpringApplication.run(VeilleApplication.class, args);
	}

}
