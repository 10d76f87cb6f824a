package io.bulwark.cli;

/** Output formats of the commands that print a result rather than a scan report. */
enum TextOrJson { text, json }
