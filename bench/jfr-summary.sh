#!/bin/sh
# Sourced by bench/first-render.sh and bench/mixed.sh.
# Top frames (self) and the share of samples with a frame of each part of the stack (inclusive) of a recording.
jfr_summary() {
    jfr print --stack-depth 1024 --events jdk.ExecutionSample "$1" | awk '
        /stackTrace = \[/ { inside = 1; first = 1; delete seen; samples++; next }
        inside && /^[[:space:]]*\]/ { inside = 0; next }
        inside {
            frame = $1; sub(/\(.*$/, "", frame)
            if (first) { self[frame]++; first = 0 }
            for (i = 1; i <= nparts; i++) if (!(i in seen) && index($0, part[i]) > 0) { seen[i] = 1; incl[i]++ }
        }
        BEGIN {
            nparts = split("org.thymeleaf.|org.springframework.expression.|ServletRequestWrapper.setAttribute|java.util.regex.|org.veille.markup.|org.postgresql.|org.veille.thread.ThreadDecorator|org.veille.pagecache.|org.thymeleaf.extras.springsecurity|org.springframework.expression.spel.standard.InternalSpelExpressionParser|org.springframework.context.support.AbstractMessageSource|org.veille.web.RelativeTime|org.veille.thread.Cards.render|org.springframework.security.", part, "|")
        }
        END {
            printf "%d samples. Inclusive:", samples
            for (i = 1; i <= nparts; i++) printf " %s %d%%;", part[i], 100 * incl[i] / (samples ? samples : 1)
            printf "\n\nTop frames (self):\n\n"
            for (f in self) printf "%6.1f%% %s\n", 100 * self[f] / samples, f | "sort -rn | head -12"
        }'
}
