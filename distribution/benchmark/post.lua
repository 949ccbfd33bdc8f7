-- wrk script: every request is a POST with a small body, as a function invocation is.
wrk.method = "POST"
wrk.body   = "hello faaskar"
wrk.headers["Content-Type"] = "text/plain"
