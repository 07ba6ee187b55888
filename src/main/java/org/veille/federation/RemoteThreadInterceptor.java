package org.veille.federation;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;

import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;

/**
 * Adds what other servers said of a thread ({@code remoteThread}) to its page's model: the thread page needs no
 * knowledge of federation, which depends on it and not the other way round.
 */
class RemoteThreadInterceptor implements HandlerInterceptor {

	static final String THREAD_VIEW = "message/thread";

	private static final Pattern THREAD = Pattern.compile("/messages/(\\d{1,18})");

	private final RemoteReplies replies;

	RemoteThreadInterceptor(RemoteReplies replies) {
		this.replies = replies;
	}

	@Override
	public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
			@Nullable ModelAndView modelAndView) {
		if (modelAndView == null || !THREAD_VIEW.equals(modelAndView.getViewName())) {
			return;
		}
		Matcher matcher = THREAD.matcher(request.getRequestURI().substring(request.getContextPath().length()));
		if (matcher.matches()) {
			modelAndView.addObject("remoteThread", this.replies.forThread(Long.parseLong(matcher.group(1))));
		}
	}

}
