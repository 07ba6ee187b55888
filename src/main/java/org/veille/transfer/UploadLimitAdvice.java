package org.veille.transfer;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.ModelAndView;

/**
 * An upload over the servlet's limit: the import form again with a 413 and the limit, not an error page.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class UploadLimitAdvice {

	@ExceptionHandler({ MaxUploadSizeExceededException.class, MultipartException.class })
	ModelAndView tooLarge(MultipartException ex, HttpServletResponse response) {
		boolean tooLarge = ex instanceof MaxUploadSizeExceededException;
		response.setStatus(tooLarge ? HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE : HttpServletResponse.SC_BAD_REQUEST);
		return new ModelAndView("transfer/import")
			.addObject("refusal", tooLarge ? "import.file.too-large" : "import.file.unreadable")
			.addObject("refusalDetail", String.valueOf(ImportController.MAX_UPLOAD_BYTES / (1024 * 1024)));
	}

}
