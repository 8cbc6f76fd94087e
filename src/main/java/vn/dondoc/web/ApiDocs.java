package vn.dondoc.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.models.GroupedOpenApi;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The REST API described with OpenAPI: {@code /v3/api-docs} and {@code /swagger-ui.html} (after login).
 * Only {@code /api/**} is described; calls from Swagger UI use HTTP Basic like every API client.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocs {

	static final String BASIC = "basic";

	@Bean
	OpenAPI dondocOpenApi() {
		return new OpenAPI()
			.info(new Info().title("dondoc API")
				.description("Theo dõi, đôn đốc thực hiện nhiệm vụ: văn bản, nhiệm vụ và tình trạng theo đơn vị, lịch nghỉ,"
						+ " thời hạn, thông báo. Lỗi trả về dạng application/problem+json. Đăng nhập HTTP Basic bằng tài khoản"
						+ " Camunda; thành viên đơn vị chỉ thấy nhiệm vụ của đơn vị mình.")
				.version("1"))
			.components(new Components().addSecuritySchemes(BASIC, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")))
			.addSecurityItem(new SecurityRequirement().addList(BASIC));
	}

	@Bean
	GroupedOpenApi dondocApi() {
		return GroupedOpenApi.builder().group("dondoc").pathsToMatch("/api/**").build();
	}

}
