package org.veille.account;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import org.veille.web.Notices;

/**
 * "Forgot your password?": {@code /login/forgot} asks for a login or an address and always answers the
 * same; {@code /password/reset/{token}} sets the new password, or says plainly that the link expired or
 * was used.
 */
@Controller
class PasswordResetController {

	private final PasswordResets resets;

	PasswordResetController(PasswordResets resets) {
		this.resets = resets;
	}

	@GetMapping("/login/forgot")
	String form() {
		return "account/forgot";
	}

	@PostMapping("/login/forgot")
	String request(@RequestParam(defaultValue = "") String identifier, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		if (identifier.isBlank()) {
			model.addAttribute("missing", true);
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return "account/forgot";
		}
		try {
			this.resets.request(identifier, request.getRemoteAddr());
		}
		catch (ResetThrottledException ex) {
			response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
			response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(ex.retryAfter().toSeconds()));
			model.addAttribute("throttledMinutes", Waits.minutes(ex.retryAfter()));
			return "account/forgot";
		}
		model.addAttribute("sent", true);
		return "account/forgot";
	}

	@GetMapping("/password/reset/{token}")
	String resetForm(@PathVariable String token, HttpServletResponse response, Model model) {
		if (!this.resets.usable(token)) {
			return unusable(response);
		}
		model.addAttribute("token", token);
		return "account/reset";
	}

	@PostMapping("/password/reset/{token}")
	String reset(@PathVariable String token, @RequestParam(defaultValue = "") String password,
			HttpServletResponse response, Model model, RedirectAttributes attributes) {
		try {
			if (password.isEmpty()) {
				throw SignupRejectedException.passwordMissing();
			}
			if (!this.resets.reset(token, password)) {
				return unusable(response);
			}
		}
		catch (SignupRejectedException ex) {
			model.addAttribute("problemKey", ex.messageKey());
			model.addAttribute("problemArgs", ex.arguments());
			model.addAttribute("token", token);
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return "account/reset";
		}
		Notices.notice(attributes, "reset.done");
		return "redirect:/login";
	}

	/** An expired, used or unknown link: a page that says so and offers a new one (410 Gone). */
	private static String unusable(HttpServletResponse response) {
		response.setStatus(HttpStatus.GONE.value());
		return "account/reset-unusable";
	}

}
