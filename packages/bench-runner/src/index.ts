// @concur/bench-runner
