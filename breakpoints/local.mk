# breakpoints
