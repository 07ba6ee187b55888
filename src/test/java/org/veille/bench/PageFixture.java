package org.veille.bench;

/** A news article page of a common shape: Open Graph tags, a stylesheet, scripts, and 20 KB of body text. */
final class PageFixture {

	private static final String BODY = "<p>" + "The river rose again this spring, and the villages along its banks "
			.repeat(300) + "</p>";

	private PageFixture() {
	}

	static String html(String path) {
		return """
				<!doctype html>
				<html lang="en">
				<head>
				<meta charset="utf-8">
				<title>Article %1$s | The Benchmark Gazette</title>
				<meta name="viewport" content="width=device-width, initial-scale=1">
				<meta name="description" content="What happened at %1$s, told by the people who live there.">
				<meta property="og:title" content="Article %1$s">
				<meta property="og:description" content="What happened at %1$s, told by the people who live there.">
				<meta property="og:image" content="/images%1$s.png">
				<meta property="og:site_name" content="The Benchmark Gazette">
				<link rel="canonical" href="%1$s">
				<link rel="icon" href="/favicon.ico">
				<link rel="stylesheet" href="/style.css">
				<script src="/app.js" defer></script>
				</head>
				<body><article><h1>Article %1$s</h1>%2$s</article></body>
				</html>
				""".formatted(path, BODY);
	}

}
