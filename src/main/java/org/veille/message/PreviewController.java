package org.veille.message;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /post/preview}: what the text being typed says, as JSON, for the script under the
 * posting forms ({@code static/js/preview.js}). The forms work without it.
 */
@RestController
class PreviewController {

	private final PreviewService previews;

	PreviewController(PreviewService previews) {
		this.previews = previews;
	}

	@PostMapping(path = "/post/preview", produces = MediaType.APPLICATION_JSON_VALUE)
	Preview preview(@RequestParam(defaultValue = "") String text) {
		return this.previews.preview(text);
	}

}
