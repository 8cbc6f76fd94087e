package vn.dondoc.attachment;

import java.util.Optional;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class AttachmentConfiguration {

	/** No scanning unless the operator plugs a real scanner in (README, "Tệp đính kèm"). */
	@Bean
	@ConditionalOnMissingBean(AttachmentScanner.class)
	AttachmentScanner noScanning() {
		return (fileName, content) -> Optional.empty();
	}

}
