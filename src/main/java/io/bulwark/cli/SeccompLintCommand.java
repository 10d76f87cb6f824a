package io.bulwark.cli;
import picocli.CommandLine.Command;
@Command(name = "lint")
final class SeccompLintCommand {
}
