package vn.dondoc.web;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.autoconfigure.web.servlet.error.ErrorViewResolver;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.ModelAndView;

import vn.dondoc.security.Viewer;

/**
 * The error pages a browser gets (403, 404, 500 and the rest) in Vietnamese, in the dashboard's layout,
 * instead of Spring's English "Whitelabel Error Page": what happened, in words, and the way back. API
 * clients keep their JSON answers; only requests that accept HTML come here.
 */
@Component
class ErrorPages implements ErrorViewResolver {

	@Override
	public ModelAndView resolveErrorView(HttpServletRequest request, HttpStatus status, Map<String, Object> model) {
		String path = model.get("path") instanceof String p ? p : "";
		ModelAndView page = new ModelAndView("web/refused", status);
		page.addObject("viewer", Viewer.of(SecurityContextHolder.getContext().getAuthentication()));
		page.addObject("title", title(status));
		page.addObject("message", message(status, path));
		return page;
	}

	private static String title(HttpStatus status) {
		return switch (status) {
			case FORBIDDEN -> "Không có quyền";
			case NOT_FOUND -> "Không tìm thấy";
			case BAD_REQUEST -> "Yêu cầu không hợp lệ";
			case METHOD_NOT_ALLOWED -> "Thao tác không dùng được ở đây";
			case PAYLOAD_TOO_LARGE -> "Tệp quá lớn";
			case SERVICE_UNAVAILABLE -> "Hệ thống đang bận";
			default -> status.is5xxServerError() ? "Đã có lỗi" : "Không thực hiện được";
		};
	}

	private static String message(HttpStatus status, String path) {
		return switch (status) {
			case FORBIDDEN -> "Tài khoản của bạn không được dùng trang này (" + path
					+ "). Trang nhập văn bản, soạn từ văn bản và hộp thư dành cho Văn phòng theo dõi; mỗi đơn vị xem và báo cáo "
					+ "nhiệm vụ của mình. Nếu bạn cần quyền này, hãy liên hệ Văn phòng.";
			case NOT_FOUND -> "Không có trang nào ở địa chỉ " + path + ". Có thể đường dẫn đã cũ hoặc bị gõ sai.";
			case BAD_REQUEST -> "Địa chỉ hoặc dữ liệu gửi lên không đúng dạng (" + path + "). Hãy quay lại trang trước và thử lại.";
			case METHOD_NOT_ALLOWED -> "Địa chỉ " + path + " không nhận thao tác này. Hãy mở trang từ trình đơn phía trên.";
			case PAYLOAD_TOO_LARGE -> "Dữ liệu gửi lên vượt quá giới hạn cho phép. Hãy gửi tệp nhỏ hơn.";
			case SERVICE_UNAVAILABLE -> "Hệ thống đang bận hoặc đang khởi động. Hãy thử lại sau ít phút.";
			default -> status.is5xxServerError()
					? "dondoc gặp lỗi khi xử lý yêu cầu này; không có gì bị lưu dở dang. Hãy thử lại; nếu vẫn lỗi, báo cho quản trị "
							+ "hệ thống kèm thời điểm xảy ra."
					: "Yêu cầu không thực hiện được (mã " + status.value() + ").";
		};
	}

}
