# Sourced by the benchmark scripts. sign_in BASE_URL LOGIN PASSWORD COOKIE_FILE signs a person in through the form,
# as a browser does (the login page's CSRF token, then the form), and prints their session cookie as NAME=value.
sign_in() {
    rm -f "$4"
    csrf=$(curl -s -c "$4" -b "$4" "$1/login" | sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -1)
    curl -s -o /dev/null -c "$4" -b "$4" --data-urlencode "username=$2" --data-urlencode "password=$3" \
        --data-urlencode "_csrf=$csrf" "$1/login"
    awk '$6 == "SESSION" || $6 == "JSESSIONID" { print $6 "=" $7 }' "$4" | tail -1
}
