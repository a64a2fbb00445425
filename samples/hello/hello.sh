#!/bin/sh
# Reads a name from standard input and greets it; the greeting on standard output is the function's result.
name=$(cat)
echo "Hello, ${name:-world}!"
