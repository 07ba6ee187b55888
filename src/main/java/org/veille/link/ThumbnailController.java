package org.veille.link;

import java.time.Duration;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import org.veille.web.NotFoundException;

/**
 * Serves the thumbnails Veille made, so that pages never load images from other servers. A thumbnail never
 * changes under its id: browsers may keep it for a year without asking again, and a request that does ask with
 * its {@code ETag} gets a 304.
 */
@Controller
class ThumbnailController {

	private static final CacheControl FOR_EVER = CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable();

	private final ThumbnailQueries thumbnails;

	ThumbnailController(ThumbnailQueries thumbnails) {
		this.thumbnails = thumbnails;
	}

	@GetMapping("/thumbnails/{id}")
	ResponseEntity<byte[]> thumbnail(@PathVariable long id) {
		ThumbnailQueries.Stored thumbnail = this.thumbnails.find(id).orElseThrow(() -> NotFoundException.thumbnail(id));
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(thumbnail.contentType()))
			.cacheControl(FOR_EVER)
			.eTag(thumbnail.etag())
			.body(thumbnail.bytes());
	}

}
