// @concur/multiprocessing
