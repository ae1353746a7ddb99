// @concur/executors
