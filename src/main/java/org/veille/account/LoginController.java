package org.veille.account;

import java.time.Duration;

import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The sign-in page; Spring Security takes the form it sends.
 */
@Controller
class LoginController {

	@GetMapping("/login")
	String login() {
		return "account/login";
	}

	/** Where {@link LoginThrottleFilter} forwards a refused attempt: the sign-in page, 429, and how long to wait. */
	@RequestMapping(LoginThrottleFilter.THROTTLED_PAGE)
	String throttled(@RequestAttribute(name = LoginThrottleFilter.ATTEMPT, required = false) @Nullable LoginAttempt attempt,
			HttpServletResponse response, Model model) {
		Duration wait = (attempt != null) ? attempt.retryAfter() : null;
		if (wait == null) {
			return "redirect:/login";
		}
		response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
		response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(wait.toSeconds()));
		model.addAttribute("throttledMinutes", Waits.minutes(wait));
		return "account/login";
	}

}
