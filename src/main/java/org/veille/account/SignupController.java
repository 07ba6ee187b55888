package org.veille.account;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;

@Controller
class SignupController {

	private final AccountService accountService;

	private final SessionSignIn sessionSignIn;

	SignupController(AccountService accountService, SessionSignIn sessionSignIn) {
		this.accountService = accountService;
		this.sessionSignIn = sessionSignIn;
	}

	@GetMapping("/signup")
	String form(Model model) {
		model.addAttribute("signupForm", SignupForm.empty());
		return "account/signup";
	}

	@PostMapping("/signup")
	String signup(@Valid @ModelAttribute SignupForm signupForm, BindingResult result, HttpServletRequest request,
			HttpServletResponse response) {
		if (result.hasErrors()) {
			return "account/signup";
		}
		try {
			CurrentAccount account = this.accountService.register(signupForm, request.getRemoteAddr());
			this.sessionSignIn.signIn(account, request, response);
			return "redirect:/";
		}
		catch (SignupRejectedException ex) {
			result.rejectValue(ex.field(), ex.messageKey(), ex.arguments(), null);
			return "account/signup";
		}
		catch (SignupThrottledException ex) {
			response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
			response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(ex.retryAfter().toSeconds()));
			result.reject("signup.throttled", new Object[] { Waits.minutes(ex.retryAfter()) }, null);
			return "account/signup";
		}
	}

}
