// @concur/threading
