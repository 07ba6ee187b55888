package org.veille.account;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import org.veille.web.PublicUrls;

/**
 * {@code /settings/bookmarklet}: a link to drag to the bookmarks bar that opens {@code /post} with the
 * current page's title, canonical URL and selected text.
 */
@Controller
class BookmarkletController {

	private final PublicUrls publicUrls;

	BookmarkletController(PublicUrls publicUrls) {
		this.publicUrls = publicUrls;
	}

	@GetMapping("/settings/bookmarklet")
	String page(Model model) {
		String post = this.publicUrls.absolute("/post");
		model.addAttribute("bookmarklet", bookmarklet(post));
		return "account/bookmarklet";
	}

	/**
	 * The script: the canonical URL when the page declares one, else its address; the title the
	 * browser shows (not the one a server would fetch, which may be a challenge page's); the selection.
	 */
	static String bookmarklet(String postUrl) {
		return "javascript:(function(){var d=document,c=d.querySelector('link[rel=canonical]'),"
				+ "u=(c&&c.href)||location.href,s=String(window.getSelection?getSelection():''),"
				+ "e=encodeURIComponent;window.open('" + postUrl.replace("'", "%27")
				+ "?title='+e(d.title)+'&url='+e(u)+'&selection='+e(s),'_blank');})();";
	}

}
